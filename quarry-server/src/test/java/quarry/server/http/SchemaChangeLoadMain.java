package quarry.server.http;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs in a child JVM for {@link ConcurrentSchemaChangesTest}: a server on the data dir in
 * {@code args[0]}, writer threads that each add a new top-level field in every batch (so every
 * batch runs {@code ALTER TABLE … ADD COLUMN}) while reader threads query the same collection for
 * {@code args[1]} milliseconds. Prints the failures and exits 1 if there were any; a crash of
 * DuckDB kills this JVM instead of the test's.
 */
public final class SchemaChangeLoadMain {

    private SchemaChangeLoadMain() {}

    public static void main(String[] args) throws Exception {
        long millis = Long.parseLong(args[1]);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        try (RunningServer server = new RunningServer(Path.of(args[0]))) {
            server.send("POST", "/v1/orgs/self/ws/commons/collections", "{\"name\":\"grow\"}");
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                threads.add(new Thread(() -> {
                    for (int b = 0; running.get(); b++) {
                        String doc = "{\"_id\":\"k" + (b % 5) + "\",\"w" + writer + "_" + b + "\":" + b
                                + ",\"t" + writer + "_" + b + "\":\"x\"}";
                        RunningServer.Reply r = server.send("POST", "/v1/orgs/self/ws/commons/collections/grow/docs",
                                "{\"data\":[" + doc + "]}");
                        if (r.status() != 200) {
                            failures.add("write " + r.status() + " " + r.text());
                        }
                    }
                }));
            }
            for (int q = 0; q < 4; q++) {
                int reader = q;
                threads.add(new Thread(() -> {
                    while (running.get()) {
                        String sql = reader % 2 == 0 ? "SELECT * FROM grow" : "SELECT count(*) AS n FROM grow";
                        RunningServer.Reply r = server.query(sql);
                        if (r.status() != 200) {
                            failures.add("query " + r.status() + " " + r.text());
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            Thread.sleep(millis);
            running.set(false);
            for (Thread t : threads) {
                t.join();
            }
            RunningServer.Reply count = server.query("SELECT count(*) AS n FROM grow");
            if (count.status() != 200 || count.body().at("/results/0/n").asInt() != 5) {
                failures.add("final count " + count.text());
            }
        }
        failures.stream().limit(20).forEach(System.out::println);
        System.out.println(failures.isEmpty() ? "OK" : "FAILED " + failures.size());
        System.exit(failures.isEmpty() ? 0 : 1);
    }
}
