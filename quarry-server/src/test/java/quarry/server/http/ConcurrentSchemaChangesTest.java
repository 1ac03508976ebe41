package quarry.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers that add new fields (ALTER TABLE … ADD COLUMN) in every batch while readers query the
 * same collection: every request succeeds and the JVM survives. Runs the load in a child JVM
 * ({@link SchemaChangeLoadMain}) so that a crash inside DuckDB fails this test instead of killing
 * the test runner.
 */
class ConcurrentSchemaChangesTest {

    @Test
    void newFieldsInEveryBatchWhileQueriesRunNeitherFailNorCrash(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-XX:ErrorFile=" + tmp.resolve("hs_err.log"), "-cp",
                System.getProperty("java.class.path"), SchemaChangeLoadMain.class.getName(),
                tmp.resolve("data").toString(), "4000")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = child.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(finished).as("child finished within 120 s").isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("OK");
    }
}
