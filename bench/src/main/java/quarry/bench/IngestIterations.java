package quarry.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The ingest part of {@link ServerBench}, measured the way a long-running server is used: the
 * whole load of N documents is repeated in iterations (as JMH does), each into a fresh
 * collection, alternating with DuckDB's own {@code read_json} load of the same file into a fresh
 * database file. Iteration 1 is the cold one (the JIT still compiling the write path); the
 * median of the later ones is the steady state. Between iterations, outside the timing, the
 * previous collection is dropped and the database checkpointed, so every iteration starts with
 * an empty WAL and an empty table, as the first one does. The last collection is kept for the
 * query and streaming parts.
 */
final class IngestIterations {

    /** One ingest by the Write API and one by DuckDB, with their wall and CPU seconds. */
    record Iteration(double apiSeconds, double apiCpu, double duckSeconds, double duckCpu) {}

    /** Sends the Write API batches of one iteration into the named collection and waits for them all. */
    @FunctionalInterface
    interface Ingest {
        List<Future<?>> submit(String collection, ExecutorService pool) throws Exception;
    }

    /** Collection-level calls the iterations need from the benchmark's HTTP client. */
    interface Collections {
        void create(String name) throws Exception;

        void drop(String name) throws Exception;
    }

    private final int iterations;
    private final boolean threads;

    IngestIterations(int iterations, boolean threads) {
        this.iterations = iterations;
        this.threads = threads;
    }

    /**
     * Runs the iterations; returns them in order. The Write API's collections are named
     * {@code prefix + i}; the last one is kept under {@code last}.
     */
    List<Iteration> run(int n, Path ndjson, Path tmp, Path serverDb, ExecutorService pool, Collections collections,
            Ingest ingest, String last) throws Exception {
        List<Iteration> out = new ArrayList<>();
        String previous = null;
        for (int i = 1; i <= iterations; i++) {
            if (previous != null) {
                collections.drop(previous);
            }
            checkpoint(serverDb);
            Path duckFile = tmp.resolve("duck" + i + ".duckdb");
            long duckCpu0 = cpuNanos();
            double duckSeconds = duckLoad(duckFile, ndjson);
            double duckCpu = (cpuNanos() - duckCpu0) / 1e9;
            Files.deleteIfExists(duckFile);
            Files.deleteIfExists(tmp.resolve("duck" + i + ".duckdb.wal"));
            String name = i == iterations ? last : "ingest" + i;
            collections.create(name);
            Map<String, Long> threads0 = threadTicks();
            long[] faults0 = faultsAndSystemTicks();
            long cpu0 = cpuNanos();
            long t0 = System.nanoTime();
            for (Future<?> f : ingest.submit(name, pool)) {
                f.get();
            }
            double apiSeconds = (System.nanoTime() - t0) / 1e9;
            double apiCpu = (cpuNanos() - cpu0) / 1e9;
            Instant end = Instant.now();
            Iteration it = new Iteration(apiSeconds, apiCpu, duckSeconds, duckCpu);
            out.add(it);
            System.out.printf("ingest   iteration %d%s: DuckDB %,.0f docs/s (%.2f CPU-s), Write API %,.0f docs/s"
                    + " (%.2f CPU-s), ratio %.2f%n", i, i == 1 ? " (cold)" : "", n / duckSeconds, duckCpu,
                    n / apiSeconds, apiCpu, duckSeconds / apiSeconds);
            if (threads) {
                long[] faults = faultsAndSystemTicks();
                printThreadCpu(threads0, threadTicks());
                System.out.printf("ingest     minor page faults %,d, system CPU-s %.2f%n", faults[0] - faults0[0],
                        (faults[1] - faults0[1]) / 100.0);
                System.out.printf("ingest   timed window %s .. %s%n", end.minusNanos((long) (apiSeconds * 1e9)), end);
            }
            previous = name;
        }
        return out;
    }

    /** Prints the cold iteration and the median of the measured ones (iterations 2 and later). */
    static void report(int n, List<Iteration> runs) {
        Iteration cold = runs.get(0);
        System.out.printf("ingest   cold (iteration 1): DuckDB read_json %,.0f docs/s, Write API %,.0f docs/s, ratio %.2f;"
                + " CPU-s DuckDB %.2f, Write API %.2f%n", n / cold.duckSeconds(), n / cold.apiSeconds(),
                cold.duckSeconds() / cold.apiSeconds(), cold.duckCpu(), cold.apiCpu());
        List<Iteration> measured = runs.size() > 1 ? runs.subList(1, runs.size()) : runs;
        double duck = median(measured.stream().mapToDouble(Iteration::duckSeconds).toArray());
        double api = median(measured.stream().mapToDouble(Iteration::apiSeconds).toArray());
        double duckCpu = median(measured.stream().mapToDouble(Iteration::duckCpu).toArray());
        double apiCpu = median(measured.stream().mapToDouble(Iteration::apiCpu).toArray());
        System.out.printf("ingest   DuckDB read_json: %,.0f docs/s (median of %d)%n", n / duck, measured.size());
        System.out.printf("ingest   Write API:        %,.0f docs/s (median of %d)   ratio to DuckDB %.2f (target >= 0.5)%n",
                n / api, measured.size(), duck / api);
        System.out.printf("ingest   CPU cost (load-insensitive, medians): DuckDB %.2f CPU-s, Write API %.2f CPU-s (server"
                + " and HTTP client); ratio %.2f%n", duckCpu, apiCpu, duckCpu / apiCpu);
    }

    /** The median of the values (the mean of the middle two when their count is even). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static double duckLoad(Path file, Path ndjson) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement()) {
            long t0 = System.nanoTime();
            s.execute("CREATE TABLE docs AS SELECT * FROM read_json('" + ndjson + "', format = 'newline_delimited')");
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    /** A CHECKPOINT through a connection to the server's file (in one process: the server's instance). */
    static void checkpoint(Path serverDb) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + serverDb); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        }
    }

    /** CPU time of the whole process (JVM and DuckDB's native threads): a load-insensitive cost. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * CPU ticks per thread group (the thread's name without digits) from /proc/self/task, native
     * threads (DuckDB's) included; with {@code -Dbench.threads=true} each iteration prints where
     * its CPU went. Empty where /proc is not there.
     */
    private Map<String, Long> threadTicks() {
        Map<String, Long> ticks = new TreeMap<>();
        if (!threads) {
            return ticks;
        }
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]", "");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            }
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }

    /** The process's minor page faults and system-mode CPU ticks, from /proc/self/stat (zeros elsewhere). */
    private static long[] faultsAndSystemTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[7]), Long.parseLong(f[12])};
        } catch (IOException | RuntimeException e) {
            return new long[2];
        }
    }

    private static void printThreadCpu(Map<String, Long> before, Map<String, Long> after) {
        StringBuilder line = new StringBuilder("ingest     thread CPU-s:");
        after.forEach((name, t) -> {
            long d = t - before.getOrDefault(name, 0L);
            if (d > 0) {
                line.append(String.format(" %s %.2f;", name.trim(), d / 100.0));
            }
        });
        System.out.println(line);
    }
}
