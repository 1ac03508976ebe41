package quarry.core.project;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file of a project found under one of its resource paths.
 *
 * @param originalFilePath the path from the project root, with forward slashes ({@code models/staging/x.sql})
 * @param path the path inside the resource folder ({@code staging/x.sql})
 * @param size its size in bytes when discovery's walk found it
 * @param modifiedMillis its modification time then (milliseconds)
 */
public record ProjectFile(Path absolutePath, String originalFilePath, String path, FileKind kind, long size,
        long modifiedMillis) {

    public ProjectFile {
        Objects.requireNonNull(absolutePath);
        Objects.requireNonNull(originalFilePath);
        Objects.requireNonNull(path);
        Objects.requireNonNull(kind);
    }


    /** The file name without its extension. */
    public String baseName() {
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    /** The folders between the resource folder and the file, for the FQN. */
    public java.util.List<String> folders() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? java.util.List.of() : java.util.List.of(path.substring(0, slash).split("/"));
    }

    /** What a file is for, from the resource path it was found under and its extension. */
    public enum FileKind { MODEL, SEED, SINGULAR_TEST, ANALYSIS, MACRO, SNAPSHOT, PROPERTIES, DOCS, PYTHON_MODEL }
}
