package quarry.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A benchmark's scratch folder: created under the system's temporary folder and deleted when the
 * JVM exits (a ServerBench run leaves ~300 MB of documents and database files otherwise), unless
 * {@code -Dbench.keep=true} asks to keep it for a look.
 */
final class Scratch {

    private Scratch() {}

    static Path directory(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        if (!Boolean.getBoolean("bench.keep")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "bench-scratch"));
        }
        return dir;
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
