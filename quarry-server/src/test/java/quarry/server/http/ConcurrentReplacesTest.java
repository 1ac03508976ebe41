package quarry.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batches appended side by side (docs/server-storage.md, "Writes") keep the replace rule: when
 * concurrent batches share {@code _id}s, every id is stored once, with the document of the batch
 * acknowledged last, and the collection's counters add up.
 */
class ConcurrentReplacesTest {

    @Test
    void concurrentBatchesSharingIdsLeaveOneDocumentPerIdFromTheLastAcknowledgedBatch(@TempDir java.nio.file.Path dir)
            throws Exception {
        try (RunningServer server = new RunningServer(dir)) {
            server.send("POST", "/v1/orgs/self/ws/commons/collections", "{\"name\":\"shared\"}");
            int writers = 4;
            int batches = 15;
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            // id -> writer and batch of the write acknowledged last; offsets say which came last
            Map<String, long[]> lastAcknowledged = new ConcurrentHashMap<>();
            long[] bodyBytes = new long[writers];
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                threads.add(new Thread(() -> {
                    long previous = -1;
                    for (int b = 0; b < batches; b++) {
                        StringBuilder docs = new StringBuilder("[");
                        for (int k = 0; k < 20; k++) {
                            // new ids that every writer's batch b brings at about the same time (the
                            // first appends beside others, the rest must replace it), ids written
                            // before, and the writer's own new ids
                            String id = k < 5 ? "n" + b + "-" + k : k < 10 ? "s" + ((b + k) % 12)
                                    : "w" + writer + "-" + b + "-" + k;
                            docs.append(k == 0 ? "" : ",").append("{\"_id\":\"").append(id).append("\",\"writer\":")
                                    .append(writer).append(",\"batch\":").append(b).append('}');
                        }
                        String body = "{\"data\":" + docs + "]}";
                        RunningServer.Reply r = server.send("POST", "/v1/orgs/self/ws/commons/collections/shared/docs",
                                body);
                        if (r.status() != 200) {
                            failures.add(r.status() + " " + r.text());
                            continue;
                        }
                        bodyBytes[writer] += body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                        long offset = Long.parseLong(r.body().path("last_offset").asText().substring(3));
                        if (offset <= previous) {
                            failures.add("offset " + offset + " after " + previous);
                        }
                        previous = offset;
                        for (JsonNode status : r.body().get("data")) {
                            lastAcknowledged.merge(status.get("_id").asText(), new long[] {offset, writer, b},
                                    (old, mine) -> old[0] > mine[0] ? old : mine);
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            assertThat(failures).isEmpty();
            JsonNode counts = server.query("SELECT count(*) AS n, count(DISTINCT _id) AS ids FROM shared").body()
                    .at("/results/0");
            assertThat(counts.get("n").asLong()).isEqualTo(lastAcknowledged.size());
            assertThat(counts.get("ids").asLong()).isEqualTo(lastAcknowledged.size());
            JsonNode rows = server.query("SELECT _id, writer, batch FROM shared WHERE _id NOT LIKE 'w%'").body()
                    .get("results");
            assertThat(rows).hasSize(12 + batches * 5);
            for (JsonNode row : rows) {
                long[] last = lastAcknowledged.get(row.get("_id").asText());
                assertThat(new long[] {row.get("writer").asLong(), row.get("batch").asLong()})
                        .as("document " + row.get("_id")).containsExactly(last[1], last[2]);
            }
            long sent = java.util.Arrays.stream(bodyBytes).sum();
            assertThat(server.send("GET", "/v1/orgs/self/ws/commons/collections/shared", null).body()
                    .at("/data/stats/bytes_inserted").asLong()).isEqualTo(sent);
        }
    }
}
