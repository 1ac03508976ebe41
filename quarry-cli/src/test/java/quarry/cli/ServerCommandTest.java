package quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quarry.server.http.QuarryServer;
import quarry.server.http.ServerConfig;

class ServerCommandTest {

    @Test
    void aDataDirInUseIsAClearErrorNamingIt(@TempDir Path dir) {
        try (QuarryServer running = QuarryServer.start(ServerConfig.defaults().withDataDir(dir)
                .withLog(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())))) {
            StringWriter err = new StringWriter();
            int code = Main.run(new String[] {"server", "--port", "0", "--data-dir", dir.toString()},
                    new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).contains("data dir " + dir.toAbsolutePath()).contains("in use")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void helpDescribesTheServerOptions() {
        StringWriter out = new StringWriter();
        assertThat(Main.run(new String[] {"server", "--help"}, new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true))).isZero();
        assertThat(out.toString()).contains("--port", "--data-dir", "--api-key", "--host");
    }
}
