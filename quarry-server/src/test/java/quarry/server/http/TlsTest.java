package quarry.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rockset.client.RocksetClient;
import com.rockset.client.model.QueryRequest;
import com.rockset.client.model.QueryRequestSql;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https with a self-signed certificate made here with the JDK's keytool. */
class TlsTest {

    private static final String PASSWORD = "changeit-test";

    @TempDir
    static Path dir;
    private static Path keystore;
    private static Certificate certificate;

    private static TestCertificate made;

    @BeforeAll
    static void makeCertificate() throws Exception {
        assumeTrue(TestCertificate.available(), "the JDK's keytool is needed to make a test certificate");
        made = TestCertificate.make(dir);
        keystore = made.keystore();
        certificate = made.certificate();
    }

    private static QuarryServer start(TlsConfig tls) {
        return QuarryServer.start(ServerConfig.defaults().withApiKeys(List.of(RunningServer.KEY)).withTls(tls)
                .withLog(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }

    private static HttpClient trusting() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, trustManagers().getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ctx).build();
    }

    private static TrustManagerFactory trustManagers() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("quarry", certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        return tmf;
    }

    private static HttpResponse<String> get(HttpClient http, QuarryServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.url().resolve(path))
                .header("Authorization", "ApiKey " + RunningServer.KEY).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String pem(String type, byte[] der) {
        return TestCertificate.pem(type, der);
    }

    @Test
    void keystoreServesHttpsToAClientThatTrustsTheCertificate() throws Exception {
        try (QuarryServer server = start(TlsConfig.keystore(keystore, PASSWORD))) {
            assertThat(server.url().getScheme()).isEqualTo("https");
            HttpResponse<String> r = get(trusting(), server, "/v1/orgs/self");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"id\"");
            assertThatThrownBy(() -> get(HttpClient.newHttpClient(), server, "/v1/orgs/self"))
                    .as("a client that does not trust the self-signed certificate is refused")
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void pemCertificateAndKeyServeHttpsToTheOfficialJavaClient() throws Exception {
        Path cert = made.certPem();
        Path key = made.keyPem();
        try (QuarryServer server = start(TlsConfig.pem(cert, key))) {
            RocksetClient client = new RocksetClient(RunningServer.KEY, server.url().toString());
            TrustManagerFactory tmf = trustManagers();
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            var api = client.queries.getApiClient();
            api.setHttpClient(api.getHttpClient().newBuilder().sslSocketFactory(ctx.getSocketFactory(),
                    (X509TrustManager) tmf.getTrustManagers()[0]).build());
            var r = client.queries.query(new QueryRequest().sql(new QueryRequestSql().query("SELECT 'tls' AS s")));
            assertThat(((Map<?, ?>) r.getResults().get(0)).get("s")).isEqualTo("tls");
        }
    }

    @Test
    void pkcs1RsaKeysAreAcceptedToo() throws Exception {
        Path openssl = Path.of("/usr/bin/openssl");
        assumeTrue(Files.isExecutable(openssl), "openssl makes the PKCS#1 key of this test");
        Path cert = dir.resolve("rsa-cert.pem");
        Path key = dir.resolve("rsa-key.pem");
        Process p = new ProcessBuilder(openssl.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", dir.resolve("pk8.pem").toString(), "-out", cert.toString(), "-days", "2", "-subj",
                "/CN=localhost").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl could not make a certificate");
        Process rsa = new ProcessBuilder(openssl.toString(), "rsa", "-in", dir.resolve("pk8.pem").toString(),
                "-out", key.toString(), "-traditional").redirectErrorStream(true).start();
        rsa.getInputStream().readAllBytes();
        assumeTrue(rsa.waitFor(60, TimeUnit.SECONDS) && rsa.exitValue() == 0, "this openssl cannot write PKCS#1");
        assertThat(Files.readString(key)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        try (QuarryServer server = start(TlsConfig.pem(cert, key))) {
            assertThat(server.url().getScheme()).isEqualTo("https");
        }
    }

    @Test
    void badKeyMaterialFailsWithAClearMessageAndNoPassword() throws IOException {
        assertThatThrownBy(() -> start(TlsConfig.keystore(keystore, "wrong-password")))
                .hasMessageContaining("cannot open the keystore").hasMessageNotContaining("wrong-password");
        Path notAKey = dir.resolve("not-a-key.pem");
        Files.writeString(notAKey, "hello");
        Path cert = dir.resolve("cert2.pem");
        Files.writeString(cert, pem("CERTIFICATE", certificateBytes()));
        assertThatThrownBy(() -> start(TlsConfig.pem(cert, notAKey))).hasMessageContaining("is not a PEM private key");
        assertThatThrownBy(() -> start(TlsConfig.pem(notAKey, notAKey))).hasMessageContaining("cannot read the certificate");
    }

    private static byte[] certificateBytes() {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
