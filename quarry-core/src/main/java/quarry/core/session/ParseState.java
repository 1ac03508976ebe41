package quarry.core.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import quarry.core.project.DbtProject;

/**
 * The saved state of the last parse ({@code target/partial_parse.json}): a fingerprint of everything
 * a parse reads (every project file's path, size and modification time, the vars, profile, target
 * and non-secret target fields, Quarry's version) and the environment variables the parse read,
 * stored as hashes. When nothing of it changed, the saved manifest is still right and parsing is skipped.
 */
public final class ParseState {

    public static final String FILE = "partial_parse.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String fingerprint;

    private ParseState(String fingerprint) {
        this.fingerprint = fingerprint;
    }

    /** The fingerprint of the session's inputs as they are now. */
    public static ParseState of(Session session) {
        MessageDigest digest = sha256();
        update(digest, "quarry " + DbtVersion.REPORTED + " build " + PartialParse.buildStamp());
        update(digest, "vars " + new TreeMap<>(session.options().cliVars()));
        update(digest, "profile " + session.target().profileName() + " target " + session.target().name());
        update(digest, "fields " + new TreeMap<>(session.credentials().targetFields()));
        update(digest, "secrets " + session.credentials().secrets().stream().sorted().map(ParseState::hash).toList());
        update(digest, "command target path " + session.targetDir());
        Path targetDir = session.targetDir().toAbsolutePath().normalize();
        for (DbtProject project : session.projects().all()) {
            update(digest, "project " + project.name());
            files(project.root(), targetDir, digest);
        }
        return new ParseState(HexFormat.of().formatHex(digest.digest()));
    }

    private static void files(Path root, Path targetDir, MessageDigest digest) {
        Path logs = root.resolve("logs");
        List<String> entries = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(root) && (name.startsWith(".") || name.equals("target")
                            || dir.toAbsolutePath().normalize().equals(targetDir) || dir.equals(logs)
                            || name.equals("dbt_packages"));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    entries.add(quarry.core.project.FileDiscovery.relative(root, file) + "|" + attrs.size() + "|"
                            + attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Files.isRegularFile(root.resolve(".dbtignore"))) {
            entries.add(".dbtignore|" + root.resolve(".dbtignore").toFile().length() + "|"
                    + root.resolve(".dbtignore").toFile().lastModified());
        }
        entries.sort(null);
        for (String entry : entries) {
            update(digest, entry);
        }
    }

    /**
     * Whether a saved state could match at all (it and the manifest exist): only then is the
     * fingerprint needed before parsing; otherwise it can be taken while the project parses.
     */
    public static boolean savedIn(Path targetDir) {
        return Files.isRegularFile(targetDir.resolve(FILE)) && Files.isRegularFile(targetDir.resolve("manifest.json"));
    }

    /**
     * Whether the saved state in {@code targetDir} matches: same fingerprint, the environment
     * variables the last parse read still have the same values, and the manifest is still there.
     */
    public boolean matchesSaved(Path targetDir, Session session) {
        Path file = targetDir.resolve(FILE);
        if (!savedIn(targetDir)) {
            return false;
        }
        try {
            Map<?, ?> saved = JSON.readValue(file.toFile(), Map.class);
            if (!fingerprint.equals(saved.get("fingerprint"))) {
                return false;
            }
            if (saved.get("env") instanceof Map<?, ?> env) {
                for (Map.Entry<?, ?> e : env.entrySet()) {
                    Optional<String> now = Optional.ofNullable(session.env().peek(String.valueOf(e.getKey())));
                    if (!hash(now.orElse("\u0000unset")).equals(e.getValue())) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Saves this state with the environment variables the parse read (hashed: they may be secrets). */
    public void save(Path targetDir, Session session) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fingerprint", fingerprint);
        Map<String, String> env = new TreeMap<>();
        session.env().readSoFar().forEach((k, v) -> env.put(k, hash(v)));
        out.put("env", env);
        try {
            Files.createDirectories(targetDir);
            JSON.writeValue(targetDir.resolve(FILE).toFile(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the saved state (a failed parse must not leave a stale one). */
    public static void forget(Path targetDir) {
        try {
            Files.deleteIfExists(targetDir.resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String fingerprint() {
        return fingerprint;
    }

    private static String hash(String value) {
        MessageDigest d = sha256();
        update(d, value);
        return HexFormat.of().formatHex(d.digest());
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
