package quarry.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Compares compiled SQL with the expected files committed under {@code src/test/resources/expected/<name>/}.
 * Run with {@code -Dquarry.updateExpected=true} to rewrite them after a deliberate change (then review the diff).
 */
public final class ExpectedFiles {

    private ExpectedFiles() {}

    public static void assertMatches(String name, Map<String, String> actual) {
        Path dir = Path.of("src/test/resources/expected").resolve(name);
        try {
            if (Boolean.getBoolean("quarry.updateExpected")) {
                if (Files.exists(dir)) {
                    try (Stream<Path> walk = Files.walk(dir)) {
                        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
                for (Map.Entry<String, String> e : actual.entrySet()) {
                    Path f = dir.resolve(e.getKey());
                    Files.createDirectories(f.getParent());
                    Files.writeString(f, e.getValue());
                }
            }
            Map<String, String> expected = new TreeMap<>();
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    expected.put(dir.relativize(f).toString().replace('\\', '/'), Files.readString(f));
                }
            }
            assertThat(new TreeMap<>(actual)).isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
