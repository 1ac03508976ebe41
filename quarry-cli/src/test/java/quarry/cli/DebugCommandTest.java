package quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebugCommandTest {

    @Test
    void showsTheProfileWithTheKeyMaskedAndPassesItsChecks(@TempDir Path dir) {
        try (CliProject project = new CliProject(dir, "dbg")) {
            CliProject.Outcome outcome = project.quarry("debug");
            assertThat(outcome.exitCode()).as(outcome.all()).isZero();
            assertThat(outcome.out()).contains("workspace: dbg", "api_key: ****", "api_server: " + project.server().url(),
                    "Using dbt_project.yml file at", "Connection test: [OK connection ok]", "All checks passed!");
            assertThat(outcome.all()).doesNotContain(CliProject.KEY);
        }
    }

    @Test
    void aWrongKeyFailsTheConnectionCheckWithExitOneAndNeverPrintsTheKey(@TempDir Path dir) {
        try (CliProject project = new CliProject(dir, "dbg")) {
            String wrong = "wrong-key-that-must-not-be-printed-42";
            project.write("profiles.yml", project.read("profiles.yml").replace(CliProject.KEY, wrong));
            CliProject.Outcome outcome = project.quarry("debug");
            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(outcome.out()).contains("Connection test: [ERROR]");
            assertThat(outcome.err()).contains("1 check failed:", "Connection test failed");
            assertThat(outcome.all()).doesNotContain(wrong);
        }
    }

    @Test
    void embeddedProfileSaysWhereItsDataIs(@TempDir Path dir) {
        try (CliProject project = new CliProject(dir, "dbg")) {
            project.write("profiles.yml", """
                    proj:
                      target: dev
                      outputs:
                        dev:
                          type: rockset
                          workspace: dbg
                          data_dir: store
                    """);
            CliProject.Outcome outcome = project.quarry("debug");
            assertThat(outcome.exitCode()).as(outcome.all()).isZero();
            assertThat(outcome.out()).contains("api_server: embedded (quarry-server in this process, data dir "
                    + dir.resolve("store").toAbsolutePath().normalize() + ")", "All checks passed!");
        }
    }

    @Test
    void anEmbeddedDataDirHeldByARunningServerSaysSoAndSuggestsPointingAtIt(@TempDir Path dir) {
        try (CliProject project = new CliProject(dir, "dbg");
                quarry.server.http.QuarryServer holder = quarry.server.http.QuarryServer.start(
                        quarry.server.http.ServerConfig.defaults().withDataDir(dir.resolve("held"))
                                .withLog(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())))) {
            project.write("profiles.yml", """
                    proj:
                      target: dev
                      outputs:
                        dev:
                          type: rockset
                          workspace: dbg
                          api_server: embedded
                          data_dir: held
                    """);
            CliProject.Outcome outcome = project.quarry("debug");
            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(outcome.err()).contains("Connection test failed", "point api_server at it");
        }
    }

    @Test
    void aBrokenProfileIsAFailedCheck(@TempDir Path dir) {
        try (CliProject project = new CliProject(dir, "dbg")) {
            project.write("profiles.yml", "proj:\n  target: dev\n  outputs:\n    dev:\n      type: rockset\n      workspce: x\n");
            CliProject.Outcome outcome = project.quarry("debug");
            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(outcome.err()).contains("1 check failed:", "workspce");
        }
    }
}
