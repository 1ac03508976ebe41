package quarry.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import quarry.core.Diagnostics;
import quarry.core.SourceLocation;
import quarry.core.compile.YamlValueRenderer;
import quarry.core.project.DbtProject;
import quarry.core.project.DbtProjectLoader;
import quarry.core.project.EnvVars;
import quarry.core.project.FileTrees;
import quarry.core.project.ProjectException;
import quarry.core.session.Session;

/** {@code quarry clean}: deletes the project's clean-targets; needs no profile. */
@Command(name = "clean", mixinStandardHelpOptions = true, description = "Delete the folders of clean-targets.")
final class CleanCommand extends ProjectCommand {

    @Override
    String commandName() {
        return "clean";
    }

    @Override
    int runWithoutSession() throws IOException {
        var options = project.toSession("clean");
        Diagnostics diagnostics = new Diagnostics();
        DbtProject dbt = new DbtProjectLoader(new YamlValueRenderer(new EnvVars(options.environment()),
                options.cliVars(), null), diagnostics).load(options.projectDir());
        diagnostics.warnings().forEach(console::warn);
        Path root = dbt.root().toAbsolutePath().normalize();
        for (String target : dbt.cleanTargets()) {
            Path dir = root.resolve(target).normalize();
            if (!dir.startsWith(root) || dir.equals(root)) {
                throw new ProjectException(new SourceLocation("dbt_project.yml", 0), "clean-targets entry '" + target
                        + "' is outside the project (or is the project itself); quarry clean only deletes inside it");
            }
            if (Files.exists(dir)) {
                FileTrees.delete(dir);
                console.info("Cleaned " + target + "/");
            } else {
                console.info("Nothing to clean in " + target + "/");
            }
        }
        console.info("Finished cleaning all paths.");
        return ExitCode.SUCCESS;
    }

    @Override
    int run(Session session) {
        throw new UnsupportedOperationException("clean runs without a session");
    }
}
