package quarry.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The certificate the server presents over https, for clients that refuse plain http (spec §8.3):
 * either a PEM certificate chain with its PEM private key (PKCS#8, or PKCS#1 RSA), or a keystore
 * (PKCS#12, or JKS when the file name ends in {@code .jks}). The password never appears in
 * {@link #toString()} or in an error.
 */
public final class TlsConfig {

    private static final Pattern PEM_KEY = Pattern.compile(
            "-----BEGIN ([A-Z ]*)PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END \\1PRIVATE KEY-----");
    private static final String INTERNAL_PASSWORD = "quarry";

    private final Path certificate;
    private final Path privateKey;
    private final Path keystore;
    private final char[] password;

    private TlsConfig(Path certificate, Path privateKey, Path keystore, char[] password) {
        this.certificate = certificate;
        this.privateKey = privateKey;
        this.keystore = keystore;
        this.password = password;
    }

    /** A PEM certificate (chain) and its unencrypted PEM private key. */
    public static TlsConfig pem(Path certificate, Path privateKey) {
        if (certificate == null || privateKey == null) {
            throw new IllegalArgumentException("TLS needs both --tls-cert and --tls-key");
        }
        return new TlsConfig(certificate, privateKey, null, null);
    }

    /** A PKCS#12 or JKS keystore holding one key entry, and its password. */
    public static TlsConfig keystore(Path keystore, String password) {
        if (keystore == null) {
            throw new IllegalArgumentException("TLS with a keystore needs its path");
        }
        return new TlsConfig(null, null, keystore, password == null ? new char[0] : password.toCharArray());
    }

    /** An https connector on {@code jetty}, after loading and checking the key material. */
    ServerConnector connector(Server jetty) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        if (keystore != null) {
            ssl.setKeyStore(loadKeystore());
            ssl.setKeyStorePassword(new String(password));
        } else {
            ssl.setKeyStore(fromPem());
            ssl.setKeyStorePassword(INTERNAL_PASSWORD);
        }
        return new ServerConnector(jetty, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory());
    }

    private KeyStore loadKeystore() {
        String name = keystore.getFileName().toString().toLowerCase(Locale.ROOT);
        String type = name.endsWith(".jks") ? "JKS" : "PKCS12";
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance(type);
            ks.load(in, password);
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot open the keystore " + keystore
                    + ": it is missing, not a " + type + " keystore, or the password is wrong", e);
        }
    }

    private KeyStore fromPem() {
        Collection<? extends Certificate> chain;
        try (InputStream in = Files.newInputStream(certificate)) {
            chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the certificate " + certificate
                    + ": it must be a PEM file with -----BEGIN CERTIFICATE-----", e);
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the certificate file " + certificate + " holds no certificate");
        }
        PrivateKey key = readKey();
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("quarry", key, INTERNAL_PASSWORD.toCharArray(), chain.toArray(new Certificate[0]));
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("the private key " + privateKey + " does not fit the certificate "
                    + certificate, e);
        }
    }

    private PrivateKey readKey() {
        String text;
        try {
            text = Files.readString(privateKey, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the private key " + privateKey, e);
        }
        Matcher m = PEM_KEY.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("the private key " + privateKey
                    + " is not a PEM private key (-----BEGIN PRIVATE KEY-----)");
        }
        String kind = m.group(1).trim();
        byte[] der = Base64.getMimeDecoder().decode(m.group(2));
        byte[] pkcs8 = switch (kind) {
            case "" -> der;
            case "RSA" -> Pkcs1.toPkcs8(der);
            default -> throw new IllegalArgumentException("the private key " + privateKey + " is a " + kind
                    + " PRIVATE KEY; convert it to an unencrypted PKCS#8 key with: openssl pkcs8 -topk8 -nocrypt"
                    + " -in " + privateKey + " -out key.pem");
        };
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "EdDSA"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("the private key " + privateKey + " is not an RSA, EC or Ed25519 key");
    }

    /** Wraps a PKCS#1 RSA key (DER) into PKCS#8, which the JDK reads. */
    static final class Pkcs1 {
        private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

        private Pkcs1() {}

        static byte[] toPkcs8(byte[] pkcs1) {
            byte[] octets = concat(new byte[] {0x04}, length(pkcs1.length), pkcs1);
            byte[] body = concat(new byte[] {0x02, 0x01, 0x00}, RSA_ALGORITHM, octets);
            return concat(new byte[] {0x30}, length(body.length), body);
        }

        private static byte[] length(int n) {
            if (n < 0x80) {
                return new byte[] {(byte) n};
            }
            if (n < 0x100) {
                return new byte[] {(byte) 0x81, (byte) n};
            }
            if (n < 0x10000) {
                return new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
            }
            return new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        }

        private static byte[] concat(byte[]... parts) {
            int size = 0;
            for (byte[] p : parts) {
                size += p.length;
            }
            byte[] out = new byte[size];
            int at = 0;
            for (byte[] p : parts) {
                System.arraycopy(p, 0, out, at, p.length);
                at += p.length;
            }
            return out;
        }
    }

    @Override
    public String toString() {
        return keystore != null ? "TlsConfig[keystore=" + keystore + "]"
                : "TlsConfig[cert=" + certificate + ", key=" + privateKey + "]";
    }

    /** Checks that the key material loads, so that a bad file fails before the port is bound. */
    public void check() {
        if (keystore != null) {
            loadKeystore();
        } else {
            fromPem();
        }
    }
}
