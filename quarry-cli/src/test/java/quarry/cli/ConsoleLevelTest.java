package quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --quiet}, {@code --log-level} and {@code --log-path}, before or after the command, as dbt takes them. */
class ConsoleLevelTest {

    private static CliProject project(Path dir, String ws) {
        return new CliProject(dir, ws)
                .write("seeds/items.csv", "id,price\n1,10\n2,20\n")
                .write("models/priced.sql", "select id, price * 2 as doubled from {{ ref('items') }}")
                .write("models/broken.sql", "select id, price / from {{ ref('items') }}");
    }

    @Test
    void quietBuildsPrintOnlyErrorsWhereverTheFlagIs(@TempDir Path dir) {
        try (CliProject project = project(dir, "quiet")) {
            for (String[] args : new String[][] {{"-q", "build"}, {"build", "--quiet"}, {"--log-level", "error", "build"}}) {
                CliProject.Outcome build = project.quarry(args);
                assertThat(build.exitCode()).as(build.all()).isEqualTo(1);
                assertThat(build.all()).as(String.join(" ", args))
                        .doesNotContain("START", "OK created", "Done.", "Registered adapter")
                        .contains("broken");
            }
            CliProject.Outcome none = project.quarry("--log-level", "none", "build");
            assertThat(none.exitCode()).isEqualTo(1);
            assertThat(none.all()).isBlank();
            CliProject.Outcome warn = project.quarry("build", "--log-level", "warn");
            assertThat(warn.all()).doesNotContain("START").contains("broken");
        }
    }

    @Test
    void quietListingsStillPrintTheirResults(@TempDir Path dir) {
        try (CliProject project = project(dir, "quietls")) {
            CliProject.Outcome ls = project.quarry("-q", "ls", "--resource-type", "model", "--output", "name");
            assertThat(ls.out().strip().lines()).containsExactlyInAnyOrder("priced", "broken");
            CliProject.Outcome bad = project.quarry("--log-level", "loud", "ls");
            assertThat(bad.exitCode()).isEqualTo(2);
            assertThat(bad.err()).contains("--log-level must be debug, info, warn, error or none");
        }
    }

    @Test
    void logPathPutsDbtLogElsewhereAndDbtsOtherFlagsAreAccepted(@TempDir Path dir) {
        try (CliProject project = project(dir, "logpath")) {
            Path logs = dir.resolve("elsewhere");
            CliProject.Outcome run = project.quarry("--no-use-colors", "--printer-width", "100",
                    "--no-send-anonymous-usage-stats", "--no-version-check", "--log-path", logs.toString(), "seed");
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(Files.exists(logs.resolve("dbt.log"))).isTrue();
            assertThat(Files.exists(dir.resolve("logs/dbt.log"))).isFalse();
        }
    }
}
