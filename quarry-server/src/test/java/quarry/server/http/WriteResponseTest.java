package quarry.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-document statuses of a Write API response keep their shape whichever way they are
 * written (the pieces quoted once for a plain batch, the generator when a status has an error),
 * ids that need escaping included.
 */
class WriteResponseTest {

    private static final String IDS = "[{\"_id\":\"plain\"},{\"_id\":\"quote\\\"and\\\\back\"},{\"_id\":\"tab\\tü\\u2028\"},{\"x\":1}]";

    @Test
    void statusesOfAPlainBatchHaveEveryKeyAndTheIdsAsSent(@TempDir java.nio.file.Path dir) {
        try (RunningServer server = new RunningServer(dir)) {
            server.send("POST", "/v1/orgs/self/ws/commons/collections", "{\"name\":\"c_1\"}");
            RunningServer.Reply r = server.send("POST", "/v1/orgs/self/ws/commons/collections/c_1/docs",
                    "{\"data\":" + IDS + "}");
            assertThat(r.status()).isEqualTo(200);
            JsonNode data = r.body().get("data");
            assertThat(data).hasSize(4);
            String[] ids = {"plain", "quote\"and\\back", "tab\t\u00fc\u2028"};
            for (int i = 0; i < 4; i++) {
                JsonNode s = data.get(i);
                assertThat(s.fieldNames()).toIterable().containsExactly("_collection", "error", "_id", "status", "patch_id");
                assertThat(s.get("_collection").asText()).isEqualTo("c_1");
                assertThat(s.get("error").isNull()).isTrue();
                assertThat(s.get("status").asText()).isEqualTo("ADDED");
                assertThat(s.get("patch_id").isNull()).isTrue();
                if (i < 3) {
                    assertThat(s.get("_id").asText()).isEqualTo(ids[i]);
                } else {
                    assertThat(s.get("_id").asText()).hasSize(36);
                }
            }
            JsonNode stored = server.query("SELECT count(*) AS n FROM c_1 WHERE _id IN ('plain', 'quote\"and\\back')")
                    .body();
            assertThat(stored.at("/results/0/n").asLong()).isEqualTo(2);
        }
    }

    @Test
    void aBatchWithAnInvalidDocumentAnswersItsErrorBesideTheOthers(@TempDir java.nio.file.Path dir) {
        try (RunningServer server = new RunningServer(dir)) {
            server.send("POST", "/v1/orgs/self/ws/commons/collections", "{\"name\":\"c\"}");
            RunningServer.Reply r = server.send("POST", "/v1/orgs/self/ws/commons/collections/c/docs",
                    "{\"data\":[{\"_id\":\"a\"},{\"_id\":5},{\"_id\":\"b\"}]}");
            assertThat(r.status()).isEqualTo(200);
            JsonNode data = r.body().get("data");
            assertThat(data.get(0).get("status").asText()).isEqualTo("ADDED");
            assertThat(data.get(1).get("status").asText()).isEqualTo("ERROR");
            assertThat(data.get(1).at("/error/type").asText()).isEqualTo("INVALIDINPUT");
            assertThat(data.get(1).fieldNames()).toIterable().containsExactly("_collection", "error", "_id", "status", "patch_id");
            assertThat(data.get(2).get("_id").asText()).isEqualTo("b");
        }
    }
}
