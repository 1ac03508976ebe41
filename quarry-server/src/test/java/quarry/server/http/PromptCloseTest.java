package quarry.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptCloseTest {

    @Test
    void closingPromptlyWithAKeptAliveClientConnectionKeepsTheWritesAndReleasesTheDataDir(@TempDir Path dir) {
        Path dataDir = dir.resolve("data");
        RunningServer first = new RunningServer(dataDir);
        assertThat(first.send("POST", "/v1/orgs/self/ws", "{\"name\":\"w\"}").status()).isEqualTo(200);
        assertThat(first.send("POST", "/v1/orgs/self/ws/w/collections", "{\"name\":\"c\"}").status()).isEqualTo(200);
        assertThat(first.send("POST", "/v1/orgs/self/ws/w/collections/c/docs",
                "{\"data\":[{\"_id\":\"a\",\"x\":1},{\"_id\":\"b\",\"x\":2}]}").status()).isEqualTo(200);

        first.server.closePromptly();

        try (RunningServer second = new RunningServer(dataDir)) {
            RunningServer.Reply reply = second.send("POST", "/v1/orgs/self/queries",
                    "{\"sql\":{\"query\":\"SELECT count(*) AS n FROM w.c\"}}");
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            assertThat(reply.body().at("/results/0/n").asLong()).isEqualTo(2);
        }
    }
}
