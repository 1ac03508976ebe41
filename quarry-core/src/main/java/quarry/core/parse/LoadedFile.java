package quarry.core.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import quarry.core.SourceLocation;
import quarry.core.project.ProjectFile;

/**
 * A file of a package for the parser: its content hash, and its text, read now or (for a file the
 * last parse saw unchanged) only when something asks for it.
 */
final class LoadedFile {

    private final String packageName;
    private final ProjectFile file;
    private final String hash;
    private final Runnable onLateRead;
    private volatile String text;

    private LoadedFile(String packageName, ProjectFile file, String hash, String text, Runnable onLateRead) {
        this.packageName = packageName;
        this.file = file;
        this.hash = hash;
        this.text = text;
        this.onLateRead = onLateRead;
    }

    /** Reads the file now. */
    static LoadedFile read(String packageName, ProjectFile file) {
        byte[] bytes = bytes(file);
        return new LoadedFile(packageName, file, Hashing.sha256(bytes), text(bytes), () -> { });
    }

    /** A file known by its hash, read only if its text is asked for (then {@code onLateRead} runs). */
    static LoadedFile unread(String packageName, ProjectFile file, String hash, Runnable onLateRead) {
        return new LoadedFile(packageName, file, hash, null, onLateRead);
    }

    String packageName() {
        return packageName;
    }

    ProjectFile file() {
        return file;
    }

    /** sha256 of the file's bytes. */
    String hash() {
        return hash;
    }

    /** dbt's checksum of a node's file (its sha256), empty for files that are not nodes. */
    String checksum() {
        return switch (file.kind()) {
            case MODEL, SEED, SNAPSHOT, ANALYSIS, SINGULAR_TEST -> hash;
            default -> "";
        };
    }

    String key() {
        return ParseReuse.key(packageName, file.originalFilePath());
    }

    /** The text (without a byte-order mark). */
    String text() {
        String t = text;
        if (t == null) {
            synchronized (this) {
                t = text;
                if (t == null) {
                    t = text(bytes(file));
                    text = t;
                    onLateRead.run();
                }
            }
        }
        return t;
    }

    private static byte[] bytes(ProjectFile file) {
        try {
            return Files.readAllBytes(file.absolutePath());
        } catch (IOException ex) {
            throw new ParseException(SourceLocation.of(file.originalFilePath()), "cannot read: " + ex.getMessage());
        }
    }

    private static String text(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }
}
