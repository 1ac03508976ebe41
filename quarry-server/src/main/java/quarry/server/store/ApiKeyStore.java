package quarry.server.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * API keys: only their SHA-256 digests are stored (table {@code meta.api_key}); a key kept in
 * memory only (the embedded server's) is checked by digest too.
 */
public final class ApiKeyStore {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Database database;
    private final Set<String> memoryDigests = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile Set<String> storedDigests = Set.of();
    /**
     * Keys already accepted by this process (keys are never revoked while it runs), so that a
     * request does not pay a SHA-256; bounded, in memory only, never logged.
     */
    private final Set<String> accepted = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final int MAX_ACCEPTED = 64;

    public ApiKeyStore(Database database) {
        this.database = Objects.requireNonNull(database);
        database.write(c -> {
            load(c);
            return null;
        });
    }

    private void load(org.duckdb.DuckDBConnection c) throws SQLException {
        Set<String> digests = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sha256 FROM meta.api_key")) {
            while (rs.next()) {
                digests.add(rs.getString(1));
            }
        }
        storedDigests = Set.copyOf(digests);
    }

    /** Whether any key is stored in the database. */
    public boolean hasStoredKeys() {
        return !storedDigests.isEmpty();
    }

    /** Stores the digest of {@code key} (a key given again is not duplicated). */
    public void add(String key) {
        String digest = sha256(key);
        database.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO meta.api_key VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, digest);
                ps.setTimestamp(2, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            load(c);
            return null;
        });
    }

    /** Accepts {@code key} for this process only, without storing it. */
    public void addInMemory(String key) {
        memoryDigests.add(sha256(key));
    }

    public boolean isValid(String key) {
        if (key == null || key.isEmpty()) {
            return false;
        }
        if (accepted.contains(key)) {
            return true;
        }
        String digest = sha256(key);
        boolean valid = storedDigests.contains(digest) || memoryDigests.contains(digest);
        if (valid && accepted.size() < MAX_ACCEPTED) {
            accepted.add(key);
        }
        return valid;
    }

    /** A new random key of 64 letters and digits, like Rockset's. */
    public static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(64);
        for (int i = 0; i < 64; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    static String sha256(String key) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
