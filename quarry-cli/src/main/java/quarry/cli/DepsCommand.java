package quarry.cli;

import java.util.List;
import picocli.CommandLine.Command;
import quarry.core.Diagnostics;
import quarry.core.compile.YamlValueRenderer;
import quarry.core.project.DbtProject;
import quarry.core.project.DbtProjectLoader;
import quarry.core.project.EnvVars;
import quarry.core.project.PackageInstaller;
import quarry.core.project.PackageSpec;
import quarry.core.session.Session;

/** {@code quarry deps}: installs the packages of packages.yml / dependencies.yml into dbt_packages/. */
@Command(name = "deps", mixinStandardHelpOptions = true, description = "Install the packages of packages.yml into dbt_packages/.")
final class DepsCommand extends ProjectCommand {

    @Override
    String commandName() {
        return "deps";
    }

    @Override
    int runWithoutSession() throws Exception {
        var options = project.toSession("deps");
        Diagnostics diagnostics = new Diagnostics();
        DbtProject dbt = new DbtProjectLoader(new YamlValueRenderer(new EnvVars(options.environment()),
                options.cliVars(), null), diagnostics).load(options.projectDir());
        diagnostics.warnings().forEach(console::warn);
        List<PackageSpec> specs = PackageSpec.read(dbt.root());
        if (specs.isEmpty()) {
            console.info("Warning: No packages were found in packages.yml");
            return ExitCode.SUCCESS;
        }
        for (String name : new PackageInstaller(new RemotePackages()).install(dbt, specs)) {
            console.info("Installed " + name + " into " + dbt.packagesInstallPath() + "/" + name);
        }
        return ExitCode.SUCCESS;
    }

    @Override
    int run(Session session) {
        throw new UnsupportedOperationException("deps runs without a session");
    }
}
