package quarry.server.http;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made by the JDK's keytool
 * in a test's temp dir: the PKCS#12 keystore and the same key as PEM files.
 */
record TestCertificate(Path keystore, String password, Path certPem, Path keyPem, Certificate certificate) {

    /** Whether this JDK has keytool. */
    static boolean available() {
        return Files.isExecutable(keytool());
    }

    private static Path keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool");
    }

    static TestCertificate make(Path dir) throws Exception {
        String password = "changeit-test";
        Path keystore = dir.resolve("server.p12");
        Process p = new ProcessBuilder(keytool().toString(), "-genkeypair", "-alias", "quarry", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost", "-ext",
                "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", password, "-keypass", password).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, password.toCharArray());
        }
        Certificate certificate = ks.getCertificate("quarry");
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Files.writeString(cert, pem("CERTIFICATE", certificate.getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", ks.getKey("quarry", password.toCharArray()).getEncoded()));
        return new TestCertificate(keystore, password, cert, key, certificate);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
