package quarry.bench;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import quarry.server.store.ColumnBatch;
import quarry.server.store.Database;
import quarry.server.store.DocumentStore;
import quarry.server.store.MetadataStore;
import quarry.server.store.StreamingDecoder;

/**
 * The Write API's work without HTTP: ServerBench's documents, in bodies of 5,000, decoded by
 * {@link StreamingDecoder} and appended by {@link DocumentStore#append} (id filter, DuckDB
 * Appender, durable commit) on {@code threads} threads into a database in a data dir, in
 * iterations into fresh collections as ServerBench does. Prints, per iteration, the wall time
 * and the CPU seconds of the decode and of the store (thread CPU of the calling threads, which
 * is where DuckDB's appends and commits run), and the medians of iterations 2 and later: a
 * component's cost measured with less noise than the whole HTTP path on a shared machine.
 * Usage: {@code java -cp bench/target/quarry-bench.jar quarry.bench.IngestPathBench [docs] [threads] [iterations]}
 */
public final class IngestPathBench {

    private static final int BATCH = 5_000;

    private IngestPathBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        Random random = new Random(42);
        List<byte[]> bodies = new ArrayList<>();
        StringBuilder body = new StringBuilder("{\"data\":[");
        for (int i = 0; i < n; i++) {
            body.append(i % BATCH == 0 ? "" : ",").append(ServerBench.document(i, random));
            if (i % BATCH == BATCH - 1 || i == n - 1) {
                bodies.add(body.append("]}").toString().getBytes(StandardCharsets.UTF_8));
                body = new StringBuilder("{\"data\":[");
            }
        }
        ObjectMapper mapper = JsonMapper.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
        Path dir = Scratch.directory("quarry-ingest-path");
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] wall = new double[iterations];
        double[] decodeCpu = new double[iterations];
        double[] storeCpu = new double[iterations];
        try (Database db = Database.open(dir)) {
            MetadataStore metadata = new MetadataStore(db);
            DocumentStore store = new DocumentStore(db, metadata, mapper);
            StreamingDecoder decoder = new StreamingDecoder(mapper);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            for (int it = 0; it < iterations; it++) {
                String name = "p" + it;
                if (it > 0) {
                    metadata.deleteCollection("commons", "p" + (it - 1));
                }
                try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("quarry.duckdb"));
                        Statement s = c.createStatement()) {
                    s.execute("CHECKPOINT");
                }
                metadata.createCollection("commons", name, null, null, null);
                AtomicInteger nextBody = new AtomicInteger();
                AtomicLong decodeNanos = new AtomicLong();
                AtomicLong storeNanos = new AtomicLong();
                long t0 = System.nanoTime();
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit(() -> {
                        for (int b = nextBody.getAndIncrement(); b < bodies.size(); b = nextBody.getAndIncrement()) {
                            byte[] bytes = bodies.get(b);
                            long c0 = cpu.getCurrentThreadCpuTime();
                            ColumnBatch batch = decoder.decode(bytes, 0L, 20_000);
                            long c1 = cpu.getCurrentThreadCpuTime();
                            store.append("commons", name, batch, bytes.length);
                            long c2 = cpu.getCurrentThreadCpuTime();
                            decodeNanos.addAndGet(c1 - c0);
                            storeNanos.addAndGet(c2 - c1);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
                wall[it] = (System.nanoTime() - t0) / 1e9;
                decodeCpu[it] = decodeNanos.get() / 1e9;
                storeCpu[it] = storeNanos.get() / 1e9;
                System.out.printf("iteration %d%s: %,.0f docs/s, %.2f s; CPU-s decode %.2f, store %.2f%n", it + 1,
                        it == 0 ? " (cold)" : "", n / wall[it], wall[it], decodeCpu[it], storeCpu[it]);
            }
            pool.shutdown();
        }
        int from = iterations > 1 ? 1 : 0;
        System.out.printf("median of iterations %d-%d: %,.0f docs/s; CPU-s decode %.2f, store %.2f%n", from + 1,
                iterations, n / median(wall, from), median(decodeCpu, from), median(storeCpu, from));
    }

    private static double median(double[] values, int from) {
        return IngestIterations.median(Arrays.copyOfRange(values, from, values.length));
    }
}
