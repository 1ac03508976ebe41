package quarry.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers and readers at the same time on one data dir: every write is acknowledged or refused
 * truthfully (no 500 for a committed write), no query sees a field before its column is
 * committed, and the count at the end equals the documents acknowledged. LoadBench found both
 * failures (DuckDB's spurious write-write conflict on indexed counter rows; the catalog snapshot
 * published before COMMIT).
 */
class ConcurrentWritesAndQueriesTest {

    @Test
    void concurrentWritesAndQueriesAllSucceedAndNoWriteIsLost(@TempDir java.nio.file.Path dir) throws Exception {
        try (RunningServer server = new RunningServer(dir)) {
            server.send("POST", "/v1/orgs/self/ws/commons/collections", "{\"name\":\"busy\"}");
            int writers = 4;
            int batches = 25;
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            AtomicLong acknowledged = new AtomicLong();
            AtomicBoolean writing = new AtomicBoolean(true);
            CountDownLatch writersDone = new CountDownLatch(writers);
            List<Thread> threads = new java.util.ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                threads.add(new Thread(() -> {
                    try {
                        for (int b = 0; b < batches; b++) {
                            StringBuilder docs = new StringBuilder("[");
                            for (int k = 0; k < 10; k++) {
                                docs.append(k == 0 ? "" : ",").append("{\"_id\":\"w").append(writer).append('-')
                                        .append(b).append('-').append(k).append("\",\"f").append(b % 7)
                                        .append("\":").append(k).append(",\"country\":\"c").append(k).append("\"}");
                            }
                            RunningServer.Reply r = server.send("POST",
                                    "/v1/orgs/self/ws/commons/collections/busy/docs", "{\"data\":" + docs + "]}");
                            if (r.status() != 200) {
                                failures.add("write " + r.status() + " " + r.text());
                            } else {
                                acknowledged.addAndGet(r.body().get("data").size());
                            }
                        }
                    } finally {
                        writersDone.countDown();
                    }
                }));
            }
            for (int q = 0; q < 4; q++) {
                int reader = q;
                threads.add(new Thread(() -> {
                    while (writing.get()) {
                        String sql = reader % 2 == 0 ? "SELECT country, count(*) AS n FROM busy GROUP BY country"
                                : "SELECT f" + (reader % 7) + ", f6 FROM busy WHERE country = 'c1'";
                        RunningServer.Reply r = server.query(sql);
                        if (r.status() != 200) {
                            failures.add("query " + r.status() + " " + r.text());
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            writersDone.await();
            writing.set(false);
            for (Thread t : threads) {
                t.join();
            }
            assertThat(failures).isEmpty();
            assertThat(acknowledged.get()).isEqualTo(writers * batches * 10L);
            assertThat(server.query("SELECT count(*) AS n FROM busy").body().at("/results/0/n").asLong())
                    .isEqualTo(acknowledged.get());
        }
    }
}
