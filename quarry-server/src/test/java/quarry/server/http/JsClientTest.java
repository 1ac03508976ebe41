package quarry.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official JS client {@code @rockset/client} (npm), installed into target/js-client from the
 * machine's npm, drives a real server through src/test/js/rockset-client-suite.js: one dynamic
 * test per check the script prints. Skipped, with the reason, where node or npm is missing or the
 * install fails.
 */
class JsClientTest {

    static final String CLIENT_VERSION = "0.9.2";
    private static final Path INSTALL = Path.of("target", "js-client");
    private static final Path SUITE = Path.of("src", "test", "js", "rockset-client-suite.js");

    private static RunningServer server;

    @BeforeAll
    static void installClientAndStartServer() throws Exception {
        assumeTrue(works("node", "--version"), "node is not installed: the JS client test is skipped");
        assumeTrue(works("npm", "--version"), "npm is not installed: the JS client test is skipped");
        Path installed = INSTALL.resolve("node_modules/@rockset/client/package.json");
        if (!Files.exists(installed) || !Files.readString(installed).contains("\"version\": \"" + CLIENT_VERSION + "\"")) {
            Files.createDirectories(INSTALL);
            Files.writeString(INSTALL.resolve("package.json"), "{\"name\":\"quarry-js-client-test\",\"private\":true,"
                    + "\"dependencies\":{\"@rockset/client\":\"" + CLIENT_VERSION + "\"}}\n");
            Result npm = run(INSTALL, Map.of(), 300, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error");
            assumeTrue(npm.exit() == 0, "npm install @rockset/client@" + CLIENT_VERSION
                    + " failed, so the JS client test is skipped:\n" + npm.output());
        }
        server = new RunningServer();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> officialJsClientPassesEveryCheck() throws Exception {
        Result r = run(Path.of("."), Map.of("ROCKSET_APIKEY", RunningServer.KEY, "ROCKSET_APISERVER", server.url(),
                "NODE_PATH", INSTALL.resolve("node_modules").toAbsolutePath().toString()), 120, "node",
                SUITE.toString());
        List<String> lines = r.output().lines().filter(l -> l.startsWith("ok ") || l.startsWith("not ok ")).toList();
        assertThat(lines).as("the suite printed no checks; its output:\n" + r.output()).isNotEmpty();
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : lines) {
            boolean ok = line.startsWith("ok ");
            String name = ok ? line.substring(3) : line.substring(7);
            tests.add(DynamicTest.dynamicTest(name.replaceFirst(":.*", ""), () -> assertThat(ok).as(name).isTrue()));
        }
        tests.add(DynamicTest.dynamicTest("the suite exits 0", () -> assertThat(r.exit()).as(r.output()).isZero()));
        return tests.stream();
    }

    @Test
    void officialJsClientConnectsOverTlsWithASelfSignedCertificate(@TempDir Path dir) throws Exception {
        assumeTrue(TestCertificate.available(), "the JDK's keytool is needed to make a test certificate");
        TestCertificate cert = TestCertificate.make(dir);
        try (QuarryServer tls = QuarryServer.start(ServerConfig.defaults().withApiKeys(List.of(RunningServer.KEY))
                .withTls(TlsConfig.pem(cert.certPem(), cert.keyPem()))
                .withLog(new PrintStream(OutputStream.nullOutputStream())))) {
            Result r = run(Path.of("."), Map.of("ROCKSET_APIKEY", RunningServer.KEY, "ROCKSET_APISERVER",
                    "https://localhost:" + tls.port(), "NODE_EXTRA_CA_CERTS", cert.certPem().toString(),
                    "NODE_PATH", INSTALL.resolve("node_modules").toAbsolutePath().toString()), 60, "node",
                    Path.of("src", "test", "js", "tls-check.js").toString());
            assertThat(r.output()).contains("ok tls").doesNotContain("not ok");
            assertThat(r.exit()).isZero();
        }
    }

    private record Result(int exit, String output) {}

    private static boolean works(String... command) {
        try {
            return run(Path.of("."), Map.of(), 30, command).exit() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Result run(Path dir, Map<String, String> env, int timeoutSeconds, String... command)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out;
        try {
            out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out after " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return new Result(-1, "interrupted");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
