package quarry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import quarry.server.http.QuarryServer;
import quarry.server.http.ServerConfig;

/**
 * Load test (issue 6): N concurrent clients on loopback mix Write API batches and queries against
 * one quarry-server with a data dir for a fixed time. Prints throughput, p50 and p99 per kind of
 * request, the errors, and the lost writes: the documents acknowledged with ADDED that a final
 * {@code count(*)} does not find. Every point lookup also checks that an acknowledged document is
 * visible to the client that wrote it.
 * <p>
 * Usage: {@code java -cp bench/target/quarry-bench.jar quarry.bench.LoadBench [--clients 50]
 * [--seconds 60] [--write-share 0.5] [--batch 20] [--data-dir DIR]}
 */
public final class LoadBench {

    private static final String KEY = "loadBenchKey0000000000000000000000000000000000000000000000000000";
    private static final String[] COUNTRIES = {"US", "DE", "FR", "JP", "BR", "IN", "GB", "CA", "ES", "IT"};

    private enum Kind { WRITE, GROUP_BY, LOOKUP }

    /** What one client saw. */
    private static final class Tally {
        final List<List<Long>> nanos = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        long acknowledged;
        long errors;
        final List<String> firstErrors = new ArrayList<>();

        void error(String what) {
            errors++;
            if (firstErrors.size() < 2) {
                firstErrors.add(what.length() > 240 ? what.substring(0, 240) + "…" : what);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private URI base;

    private LoadBench() {}

    public static void main(String[] args) throws Exception {
        int clients = 50;
        int seconds = 60;
        double writeShare = 0.5;
        int batch = 20;
        Path dataDir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--write-share" -> writeShare = Double.parseDouble(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --clients N --seconds S --write-share F --batch N --data-dir DIR");
            }
        }
        if (dataDir == null) {
            dataDir = Scratch.directory("quarry-loadbench-");
        }
        new LoadBench().run(clients, seconds, writeShare, batch, dataDir);
    }

    private void run(int clients, int seconds, double writeShare, int batch, Path dataDir) throws Exception {
        try (QuarryServer server = QuarryServer.start(ServerConfig.defaults().withDataDir(dataDir)
                .withApiKeys(List.of(KEY)).withLog(System.getenv("LOADBENCH_LOG") != null ? System.err
                        : new java.io.PrintStream(java.io.OutputStream.nullOutputStream())))) {
            base = server.url();
            call("POST", "/v1/orgs/self/ws/commons/collections", "{\"name\":\"loadbench\"}");
            System.out.printf(Locale.ROOT, "LoadBench: %d clients, %d s, %.0f%% write batches of %d documents,"
                    + " %.0f%% queries; data dir %s%n", clients, seconds, writeShare * 100, batch,
                    (1 - writeShare) * 100, dataDir);
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            Tally[] tallies = new Tally[clients];
            CountDownLatch done = new CountDownLatch(clients);
            AtomicLong crashes = new AtomicLong();
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                int client = c;
                tallies[c] = new Tally();
                Thread t = new Thread(() -> {
                    try {
                        client(client, deadline, writeShare, batch, tallies[client]);
                    } catch (Exception e) {
                        crashes.incrementAndGet();
                        tallies[client].error("client crashed: " + e);
                    } finally {
                        done.countDown();
                    }
                }, "loadbench-client-" + c);
                t.start();
            }
            done.await();
            double elapsed = (System.nanoTime() - start) / 1e9;
            report(tallies, elapsed, batch);
        }
    }

    private void client(int client, long deadline, double writeShare, int batch, Tally tally) throws Exception {
        Random random = new Random(client);
        long seq = 0;
        List<String> written = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            double dice = random.nextDouble();
            Kind kind = dice < writeShare ? Kind.WRITE : written.isEmpty() || dice < writeShare + (1 - writeShare) / 2
                    ? Kind.GROUP_BY : Kind.LOOKUP;
            long t0 = System.nanoTime();
            try {
                switch (kind) {
                    case WRITE -> {
                        StringBuilder body = new StringBuilder("{\"data\":[");
                        List<String> ids = new ArrayList<>(batch);
                        for (int k = 0; k < batch; k++) {
                            String id = "c" + client + "-" + (seq++);
                            ids.add(id);
                            body.append(k == 0 ? "" : ",").append("{\"_id\":\"").append(id).append("\",\"client\":")
                                    .append(client).append(",\"country\":\"")
                                    .append(COUNTRIES[random.nextInt(COUNTRIES.length)]).append("\",\"amount\":")
                                    .append(random.nextInt(10_000) / 100.0).append(",\"tags\":[\"t")
                                    .append(random.nextInt(5)).append("\"]}");
                        }
                        JsonNode r = call("POST", "/v1/orgs/self/ws/commons/collections/loadbench/docs",
                                body.append("]}").toString());
                        for (JsonNode s : r.path("data")) {
                            if ("ADDED".equals(s.path("status").asText())) {
                                tally.acknowledged++;
                            } else {
                                tally.error("document status " + s);
                            }
                        }
                        written.addAll(ids);
                    }
                    case GROUP_BY -> {
                        JsonNode r = query("SELECT country, count(*) AS n, sum(amount) AS total FROM loadbench"
                                + " GROUP BY country ORDER BY country", null);
                        if (!r.path("results").isArray()) {
                            tally.error("group by answered " + r);
                        }
                    }
                    case LOOKUP -> {
                        String id = written.get(random.nextInt(written.size()));
                        JsonNode r = query("SELECT * FROM loadbench WHERE _id = :id", id);
                        if (r.path("results").size() != 1) {
                            tally.error("acknowledged document " + id + " not visible to its writer: " + r);
                        }
                    }
                }
                tally.nanos.get(kind.ordinal()).add(System.nanoTime() - t0);
            } catch (RequestFailed e) {
                tally.error(kind + ": " + e.getMessage());
            }
        }
    }

    private JsonNode query(String sql, String id) throws Exception {
        var body = mapper.createObjectNode();
        var s = body.putObject("sql");
        s.put("query", sql);
        if (id != null) {
            var p = s.putArray("parameters").addObject();
            p.put("name", "id");
            p.put("type", "string");
            p.put("value", id);
        }
        return call("POST", "/v1/orgs/self/queries", body.toString());
    }

    /** A non-2xx answer or a broken connection. */
    private static final class RequestFailed extends Exception {
        private static final long serialVersionUID = 1L;

        RequestFailed(String message) {
            super(message);
        }
    }

    private JsonNode call(String method, String path, String body) throws Exception {
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "ApiKey " + KEY)
                    .header("Content-Type", "application/json").method(method,
                            HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new RequestFailed(method + " " + path + ": " + e);
        }
        if (r.statusCode() != 200) {
            throw new RequestFailed(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return mapper.readTree(r.body());
    }

    private void report(Tally[] tallies, double elapsed, int batch) throws Exception {
        long acknowledged = 0;
        long errors = 0;
        List<String> examples = new ArrayList<>();
        long[][] byKind = new long[Kind.values().length][];
        for (Kind k : Kind.values()) {
            int n = 0;
            for (Tally t : tallies) {
                n += t.nanos.get(k.ordinal()).size();
            }
            long[] all = new long[n];
            int i = 0;
            for (Tally t : tallies) {
                for (long v : t.nanos.get(k.ordinal())) {
                    all[i++] = v;
                }
            }
            Arrays.sort(all);
            byKind[k.ordinal()] = all;
        }
        for (Tally t : tallies) {
            acknowledged += t.acknowledged;
            errors += t.errors;
            for (String e : t.firstErrors) {
                if (examples.size() < 4 && examples.stream().noneMatch(x -> x.regionMatches(0, e, 0, 60))) {
                    examples.add(e);
                }
            }
        }
        long counted = query("SELECT count(*) AS n FROM loadbench", null).path("results").path(0).path("n").asLong();
        long requests = 0;
        for (long[] a : byKind) {
            requests += a.length;
        }
        long[] everything = Arrays.stream(byKind).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf(Locale.ROOT, "%n%-10s %10s %10s %10s %10s%n", "request", "count", "per s", "p50 ms", "p99 ms");
        for (Kind k : Kind.values()) {
            line(k.name().toLowerCase(Locale.ROOT), byKind[k.ordinal()], elapsed);
        }
        line("all", everything, elapsed);
        System.out.printf(Locale.ROOT, "%nthroughput: %.0f requests/s, %.0f documents written/s (batches of %d)%n",
                requests / elapsed, acknowledged / elapsed, batch);
        System.out.printf(Locale.ROOT, "errors: %d%s%n", errors, examples.isEmpty() ? "" : " e.g. " + examples);
        System.out.printf(Locale.ROOT, "writes acknowledged: %d, documents counted at the end: %d, lost: %d%n",
                acknowledged, counted, acknowledged - counted);
    }

    private static void line(String name, long[] sorted, double elapsed) {
        System.out.printf(Locale.ROOT, "%-10s %10d %10.0f %10.2f %10.2f%n", name, sorted.length, sorted.length / elapsed,
                percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6);
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
