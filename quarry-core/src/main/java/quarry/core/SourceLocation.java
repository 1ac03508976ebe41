package quarry.core;

import java.util.Objects;

/** A place in a project file: its path relative to the project (as dbt shows it) and a 1-based line, or 0 when unknown. */
public record SourceLocation(String file, int line) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0");
        }
    }

    public static SourceLocation of(String file) {
        return new SourceLocation(file, 0);
    }

    public SourceLocation atLine(int newLine) {
        return new SourceLocation(file, newLine);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
