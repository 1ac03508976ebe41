package quarry.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import quarry.core.QuarryException;
import quarry.core.adapter.AdapterConnection;
import quarry.core.adapter.Adapters;
import quarry.core.project.EnvVars;
import quarry.core.project.ProfileLoader;
import quarry.core.session.Session;
import quarry.core.session.SessionOptions;

/**
 * {@code quarry debug}: dbt's checks of an installation. Prints the versions, where the profile
 * and project are, the profile's connection fields (secrets as {@code ****}, the embedded server's
 * data dir), then tests the connection with {@code SELECT 1}. Ends with {@code All checks passed!},
 * or with the failed checks and exit code 1.
 */
@Command(name = "debug", mixinStandardHelpOptions = true,
        description = "Show the profile, the project and whether the connection works.")
final class DebugCommand extends ProjectCommand {

    @Option(names = "--connection", description = "Only test the connection.")
    boolean connectionOnly;

    @Option(names = "--config-dir", description = "Print where profiles.yml is looked for, and exit.")
    boolean configDir;

    @Override
    String commandName() {
        return "debug";
    }

    @Override
    int run(Session session) {
        throw new IllegalStateException("debug opens its own session");
    }

    @Override
    int runWithoutSession() {
        SessionOptions options = project.toSession(commandName());
        Path profilesFile = new ProfileLoader(new EnvVars(options.environment()), null)
                .locate(options.profilesDir(), options.cwd(), options.projectDir(), options.home());
        if (configDir) {
            console.info("To view your profiles.yml file, run:\n\n" + "open " + profilesFile.getParent());
            return ExitCode.SUCCESS;
        }
        Path projectFile = options.projectDir().resolve("dbt_project.yml");
        List<String> failures = new ArrayList<>();
        if (!connectionOnly) {
            console.info("quarry version: " + new QuarryVersion().quarryVersion());
            console.info("java version: " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
            console.info("os info: " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                    + " " + System.getProperty("os.arch"));
            console.info("Using profiles dir at " + profilesFile.getParent());
            console.info("Using profiles.yml file at " + profilesFile);
            console.info("Using dbt_project.yml file at " + projectFile);
        }
        Session session;
        try {
            session = Session.open(options, Adapters.fromClasspath(), invocationId);
        } catch (QuarryException e) {
            boolean projectFault = !Files.isRegularFile(projectFile) || !e.getMessage().contains("profiles.yml");
            console.info("Configuration:");
            console.info("  profiles.yml file [" + (projectFault ? "not checked" : "ERROR invalid") + "]");
            console.info("  dbt_project.yml file [" + (projectFault ? "ERROR invalid" : "OK found and valid") + "]");
            failures.add(e.getMessage());
            return finish(failures);
        }
        if (!connectionOnly) {
            console.info("adapter type: " + session.adapter().type());
            console.info("Configuration:");
            console.info("  profiles.yml file [OK found and valid]");
            console.info("  dbt_project.yml file [OK found and valid]");
            console.info("");
        }
        Path root = session.root().root();
        console.info("Connection:");
        for (Map.Entry<String, Object> field : session.credentials().describe(root).entrySet()) {
            console.info("  " + field.getKey() + ": " + scrub(session, String.valueOf(field.getValue())));
        }
        console.info("  target: " + session.target().name() + " (profile " + session.target().profileName() + ")");
        console.info("Registered adapter: " + session.adapter().type());
        Optional<String> problem = testConnection(session, root);
        console.info("  Connection test: [" + (problem.isEmpty() ? "OK connection ok" : "ERROR") + "]");
        problem.ifPresent(p -> failures.add("Connection test failed: " + p));
        return finish(failures);
    }

    private Optional<String> testConnection(Session session, Path root) {
        try (AdapterConnection connection = session.adapter().connect(session.credentials(), root)) {
            connection.execute("SELECT 1", true);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(scrub(session, String.valueOf(e.getMessage())));
        }
    }

    private int finish(List<String> failures) {
        console.info("");
        if (failures.isEmpty()) {
            console.info("All checks passed!");
            return ExitCode.SUCCESS;
        }
        console.error(failures.size() + " check" + (failures.size() == 1 ? "" : "s") + " failed:");
        for (String failure : failures) {
            console.error(failure);
        }
        return ExitCode.FAILURE;
    }

    private static String scrub(Session session, String text) {
        String out = text;
        for (String secret : session.credentials().secrets()) {
            if (!secret.isEmpty()) {
                out = out.replace(secret, "****");
            }
        }
        return out;
    }

    @Override
    boolean printHeader() {
        return !configDir;
    }
}
