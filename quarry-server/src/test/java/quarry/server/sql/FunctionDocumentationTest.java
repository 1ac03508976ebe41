package quarry.server.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** docs/sql-functions.md names every function of the catalog, so the list users read is the real one. */
class FunctionDocumentationTest {

    @Test
    void everyCatalogFunctionIsDocumented() throws IOException {
        Path doc = Path.of("..", "docs", "sql-functions.md");
        assertThat(doc).exists();
        String text = Files.readString(doc);
        for (FunctionDefinition definition : RocksetFunctions.standard().all()) {
            assertThat(text).as("docs/sql-functions.md mentions %s", definition.name())
                    .contains("`" + definition.name());
        }
    }
}
