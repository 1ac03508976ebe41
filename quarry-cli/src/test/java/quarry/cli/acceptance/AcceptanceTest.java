package quarry.cli.acceptance;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every acceptance case shares: a folder for its project and, after each test, the drop of
 * the workspace the project built in. Each case keeps its own {@link AcceptanceServer}.
 */
abstract class AcceptanceTest {

    @TempDir
    Path dir;

    TestProject project;

    @AfterEach
    void dropSchema() {
        if (project != null) {
            project.dropSchema();
        }
    }
}
