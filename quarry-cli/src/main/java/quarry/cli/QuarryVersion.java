package quarry.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Quarry's own version and the dbt version whose projects it reads, as stamped by the build. */
final class QuarryVersion implements IVersionProvider {

    private final Properties properties = load();

    String quarryVersion() {
        return properties.getProperty("quarry.version");
    }

    String dbtVersion() {
        return properties.getProperty("dbt.version");
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "quarry " + quarryVersion(),
            "reads dbt projects of dbt 1.x, up to " + dbtVersion()
        };
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = QuarryVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the quarry jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
