package quarry.core.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import quarry.core.parse.MacroSource;

/**
 * The macro files shipped on the classpath: dbt's built-in macros (package {@code dbt}) in
 * quarry-core, and each adapter's (package {@code dbt_<type>}). A folder lists its files in
 * {@code macros.index}, one path per line.
 */
public final class BuiltinMacros {

    public static final String CORE_ROOT = "quarry/core/macros";

    private BuiltinMacros() {}

    public static List<MacroSource> load(ClassLoader loader, String root, String packageName) {
        List<MacroSource> out = new ArrayList<>();
        if (root == null || root.isEmpty()) {
            return out;
        }
        String index = read(loader, root + "/macros.index");
        if (index == null) {
            return out;
        }
        for (String line : index.split("\n")) {
            String path = line.strip();
            if (path.isEmpty() || path.startsWith("#")) {
                continue;
            }
            String text = read(loader, root + "/" + path);
            if (text == null) {
                throw new IllegalStateException("macros.index of " + root + " lists " + path + ", which is missing");
            }
            out.add(new MacroSource(packageName, "macros/" + path, text));
        }
        return out;
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
