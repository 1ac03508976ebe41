package quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import quarry.server.http.ServerConfig;

class ServerTrafficOptionsTest {

    private static ServerConfig parse(String... args) {
        ServerTrafficOptions options = new ServerTrafficOptions();
        new CommandLine(options).parseArgs(args);
        return options.apply(ServerConfig.defaults());
    }

    @Test
    void withoutFlagsThereAreNoLimitsAndNoTls() {
        ServerConfig c = parse();
        assertThat(c.traffic().rateLimited()).isFalse();
        assertThat(c.traffic().queriesLimited()).isFalse();
        assertThat(c.tls()).isNull();
    }

    @Test
    void rateAndConcurrencyFlagsBecomeTrafficLimits() {
        ServerConfig c = parse("--rate-limit", "2.5", "--max-concurrent-queries", "4", "--query-queue", "10");
        assertThat(c.traffic().requestsPerSecond()).isEqualTo(2.5);
        assertThat(c.traffic().burst()).isEqualTo(3);
        assertThat(c.traffic().maxConcurrentQueries()).isEqualTo(4);
        assertThat(c.traffic().queryQueue()).isEqualTo(10);
        assertThat(parse("--rate-limit", "1", "--rate-burst", "20").traffic().burst()).isEqualTo(20);
    }

    @Test
    void aCertificateWithoutItsKeyIsAClearError() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"server", "--port", "0", "--tls-cert", "cert.pem"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("TLS needs both --tls-cert and --tls-key").doesNotContain("Exception");
    }

    @Test
    void helpListsTheTlsAndLimitFlags() {
        StringWriter out = new StringWriter();
        Main.run(new String[] {"server", "--help"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(out.toString()).contains("--tls-cert", "--tls-key", "--tls-keystore", "--rate-limit",
                "--max-concurrent-queries", "--query-queue");
    }
}
