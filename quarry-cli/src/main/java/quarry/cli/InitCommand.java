package quarry.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code quarry init NAME}: a new dbt project in folder NAME that builds as it is, on the embedded
 * Rockset-compatible server: dbt_project.yml, dbt's folders, two models with tests, and a
 * profiles.yml beside them (Quarry reads the project's own profiles.yml before ~/.dbt/). Unlike
 * dbt's, it asks nothing: the profile is the embedded server's, to be edited for a real one.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a new dbt project that runs on the embedded Rockset-compatible server.")
final class InitCommand implements Callable<Integer> {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT_NAME", description = "The project's name and folder.")
    String name;

    @Option(names = "--skip-profile-setup", description = "Write no profiles.yml.")
    boolean skipProfileSetup;

    @Option(names = "--project-dir", paramLabel = "DIR", description = "Where to create the project folder (default: here).")
    Path parent;

    @Override
    public Integer call() throws IOException {
        if (!NAME.matcher(name).matches()) {
            spec.commandLine().getErr().println("quarry init: '" + name + "' is not a valid project name: use letters,"
                    + " digits and underscores, not starting with a digit");
            return ExitCode.ERROR;
        }
        Path root = (parent == null ? Path.of("") : parent).toAbsolutePath().resolve(name).normalize();
        if (Files.exists(root)) {
            spec.commandLine().getErr().println("quarry init: " + root + " already exists; choose another name");
            return ExitCode.ERROR;
        }
        for (Map.Entry<String, String> file : files().entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            if (!file.getKey().endsWith(".gitkeep")) {
                Files.writeString(path, file.getValue());
            } else {
                Files.createFile(path);
            }
        }
        spec.commandLine().getOut().println("Your new dbt project \"" + name + "\" was created in " + root + ".\n"
                + "It runs on Quarry's embedded Rockset-compatible server" + (skipProfileSetup ? "" : " (profiles.yml)")
                + ":\n  cd " + name + " && quarry build");
        return ExitCode.SUCCESS;
    }

    private Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("dbt_project.yml", """
                name: %1$s
                version: "1.0.0"
                config-version: 2
                profile: %1$s

                model-paths: ["models"]
                analysis-paths: ["analyses"]
                test-paths: ["tests"]
                seed-paths: ["seeds"]
                macro-paths: ["macros"]
                snapshot-paths: ["snapshots"]

                clean-targets: ["target", "dbt_packages"]

                models:
                  %1$s:
                    example:
                      +materialized: view
                """.formatted(name));
        files.put("models/example/my_first_dbt_model.sql", """
                {{ config(materialized='table') }}

                select 1 as id, 'first' as label
                union all
                select 2 as id, 'second' as label
                """);
        files.put("models/example/my_second_dbt_model.sql", """
                select id, upper(label) as label
                from {{ ref('my_first_dbt_model') }}
                where id = 1
                """);
        files.put("models/example/schema.yml", """
                version: 2

                models:
                  - name: my_first_dbt_model
                    description: "A starter table model"
                    columns:
                      - name: id
                        description: "The primary key for this table"
                        data_tests: [unique, not_null]

                  - name: my_second_dbt_model
                    description: "A starter view model"
                    columns:
                      - name: id
                        description: "The primary key for this view"
                        data_tests: [unique, not_null]
                """);
        for (String folder : new String[] {"analyses", "macros", "seeds", "snapshots", "tests"}) {
            files.put(folder + "/.gitkeep", "");
        }
        files.put(".gitignore", "target/\ndbt_packages/\nlogs/\n.quarry/\n");
        files.put("README.md", """
                # %s

                A dbt project run by Quarry. Try `quarry build`, `quarry ls`, `quarry docs generate`.
                profiles.yml points at Quarry's embedded Rockset-compatible server (data in .quarry/);
                set `api_server` and `api_key` there to use another server.
                """.formatted(name));
        if (!skipProfileSetup) {
            files.put("profiles.yml", """
                    %1$s:
                      target: dev
                      outputs:
                        dev:
                          type: rockset
                          workspace: %1$s
                          api_server: embedded
                          api_key: "{{ env_var('ROCKSET_API_KEY', '%1$s-embedded-key') }}"
                          threads: 4
                    """.formatted(name));
        }
        return files;
    }
}
