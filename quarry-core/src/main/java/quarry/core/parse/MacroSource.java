package quarry.core.parse;

import java.util.Objects;

/** A file of macros from outside the project: dbt's built-in macros or an adapter's, shipped as resources. */
public record MacroSource(String packageName, String path, String text) {
    public MacroSource {
        Objects.requireNonNull(packageName);
        Objects.requireNonNull(path);
        Objects.requireNonNull(text);
    }
}
