package quarry.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quarry.server.http.QuarryServer;
import quarry.server.http.ServerConfig;

/**
 * Quarry's own overhead per model: a generated project of N view models in a fan-out DAG (model
 * {@code i} selects from model {@code (i - 1) / fanout}, so one root fans out to N - 1
 * descendants), built with {@code quarry run --threads T} on the embedded server, each run in a
 * fresh JVM. For each run it prints the process's wall time (JVM start, parse and compile
 * included), the run's own elapsed time (run_results.json), the sum of the server-reported
 * {@code stats.elapsed_time_ms} of its queries and its number of HTTP requests (both from the
 * debug line in logs/dbt.log), and overhead per model = (wall − server time) / N.
 *
 * <pre>java -cp bench/target/quarry-bench.jar quarry.bench.FanOutBench [models=1000] [threads=4] [runs=3]
 *     [jar=quarry-cli/target/quarry.jar] [fanout=10] [server=embedded|logged]</pre>
 *
 * The first run creates every view (fresh data dir); later runs update them in place. Views
 * are made through the REST API, not by queries, so the server reports no {@code elapsed_time_ms}
 * for them; {@code server=logged} therefore runs quarry-server in this JVM instead (same code,
 * same data dir layout, reached over loopback HTTP as the embedded one is) and also sums the
 * duration the server logged for every request, to split the wall time between server and Quarry.
 */
public final class FanOutBench {

    private static final Pattern SERVER_TIME = Pattern.compile("Server-reported query time: (\\d+) ms over (\\d+) requests");
    private static final Pattern ELAPSED = Pattern.compile("\"elapsed_time\"\\s*:\\s*([0-9.Ee+-]+)");
    private static final Pattern DONE = Pattern.compile("Done\\..*");
    private static final Pattern REQUEST_MS = Pattern.compile(" \\d{3} (\\d+)ms");
    private static final String KEY = "fanOutBenchKey0123456789abcdef";

    private FanOutBench() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int models = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path jar = Path.of(args.length > 3 ? args[3] : "quarry-cli/target/quarry.jar").toAbsolutePath();
        int fanout = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        boolean logged = args.length > 5 && args[5].equals("logged");
        if (!Files.isRegularFile(jar)) {
            System.err.println("FanOutBench: " + jar + " is missing; build it with: mvn -q -DskipTests package");
            System.exit(2);
        }
        Path project = Scratch.directory("quarry-fanout");
        Path requestLog = project.resolve("server-requests.log");
        QuarryServer server = null;
        if (logged) {
            server = QuarryServer.start(ServerConfig.defaults().withDataDir(project.resolve(".quarry").resolve("rockset"))
                    .withApiKeys(List.of(KEY))
                    .withLog(new PrintStream(Files.newOutputStream(requestLog), true, StandardCharsets.UTF_8)));
        }
        write(project, models, fanout, server == null ? "embedded" : server.url().toString());
        System.out.printf(Locale.ROOT, "%d view models, fan-out %d, --threads %d, %s server; project %s%n",
                models, fanout, threads, logged ? "logged in-JVM" : "embedded", project);
        System.out.printf(Locale.ROOT, "%-4s %-8s %9s %9s %12s %9s %14s %14s %16s %13s  %s%n", "run", "views", "wall s", "run s",
                "server ms", "requests", "overhead/model", "run overhead", "server-handled", "CPU/model", "summary");
        for (int run = 1; run <= runs; run++) {
            Files.deleteIfExists(project.resolve("logs").resolve("dbt.log"));
            long loggedBefore = logged ? handledMillis(requestLog) : 0;
            long start = System.nanoTime();
            List<String> command = new ArrayList<>();
            Path cpuFile = project.resolve("cpu.txt");
            if (Files.isExecutable(Path.of("/usr/bin/time"))) {
                command.addAll(List.of("/usr/bin/time", "-f", "%U %S", "-o", cpuFile.toString()));
            }
            command.addAll(List.of(javaBinary(), "-jar", jar.toString(), "run", "--threads", String.valueOf(threads)));
            Process process = new ProcessBuilder(command)
                    .directory(project.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(project.resolve("out.txt").toFile())
                    .start();
            int exit = process.waitFor();
            double wall = (System.nanoTime() - start) / 1e9;
            String out = Files.readString(project.resolve("out.txt"), StandardCharsets.UTF_8);
            String log = Files.readString(project.resolve("logs").resolve("dbt.log"), StandardCharsets.UTF_8);
            Matcher serverTime = SERVER_TIME.matcher(log);
            if (exit != 0 || !serverTime.find()) {
                System.out.println("run " + run + " failed (exit " + exit + "):\n" + out);
                System.exit(1);
            }
            long serverMs = Long.parseLong(serverTime.group(1));
            long requests = Long.parseLong(serverTime.group(2));
            Matcher elapsed = ELAPSED.matcher(Files.readString(project.resolve("target").resolve("run_results.json")));
            double runSeconds = elapsed.find() ? Double.parseDouble(elapsed.group(1)) : Double.NaN;
            Matcher done = DONE.matcher(out);
            double cpu = Double.NaN;
            if (Files.exists(cpuFile)) {
                String[] parts = Files.readString(cpuFile).trim().split("\\s+");
                cpu = Double.parseDouble(parts[parts.length - 2]) + Double.parseDouble(parts[parts.length - 1]);
            }
            String handled = logged ? String.format(Locale.ROOT, "%13d ms", handledMillis(requestLog) - loggedBefore) : "-";
            System.out.printf(Locale.ROOT, "%-4d %-8s %9.2f %9.2f %12d %9d %11.2f ms %11.2f ms %16s %10.2f ms  %s%n", run,
                    run == 1 ? "created" : "updated", wall, runSeconds, serverMs, requests,
                    (wall * 1000 - serverMs) / models, (runSeconds * 1000 - serverMs) / models, handled,
                    cpu * 1000 / models, done.find() ? done.group() : "");
        }
        if (server != null) {
            server.close();
            System.out.println("server-handled = the sum of the durations quarry-server logged for the run's requests"
                    + " (with several threads they overlap; with --threads 1, (run s − server-handled) / models is"
                    + " Quarry's own time per model).");
        }
        System.out.println("CPU/model = user + system CPU time of the quarry process (/usr/bin/time) / models: with"
                + " server=logged the server runs in this JVM, so it is Quarry's own CPU cost, JVM start and parse included.");
        System.out.println("overhead/model = (process wall − server-reported query time) / models; run overhead uses the"
                + " run's own elapsed time (no JVM start, parse or compile). Target: ≤ 5 ms.");
    }

    /** The sum of the request durations in quarry-server's request log ({@code ... 200 12ms}). */
    private static long handledMillis(Path requestLog) throws IOException {
        long total = 0;
        Matcher m = REQUEST_MS.matcher(Files.readString(requestLog, StandardCharsets.UTF_8));
        while (m.find()) {
            total += Long.parseLong(m.group(1));
        }
        return total;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** dbt_project.yml, profiles.yml (embedded server) and the models. */
    static void write(Path project, int models, int fanout, String apiServer) throws IOException {
        Files.writeString(project.resolve("dbt_project.yml"), """
                name: fanout
                profile: fanout
                models:
                  fanout:
                    +materialized: view
                """);
        Files.writeString(project.resolve("profiles.yml"), """
                fanout:
                  target: dev
                  outputs:
                    dev:
                      type: rockset
                      workspace: fanout
                      api_server: %s
                      api_key: %s
                      threads: 4
                """.formatted(apiServer, KEY));
        Path dir = Files.createDirectories(project.resolve("models"));
        List<String> names = new ArrayList<>(models);
        for (int i = 0; i < models; i++) {
            names.add(String.format(Locale.ROOT, "m%04d", i));
        }
        Files.writeString(dir.resolve(names.get(0) + ".sql"), "select 1 as id, 'root' as label\n");
        for (int i = 1; i < models; i++) {
            String parent = names.get((i - 1) / fanout);
            Files.writeString(dir.resolve(names.get(i) + ".sql"),
                    "select id + " + i + " as id, label from {{ ref('" + parent + "') }}\n");
        }
    }
}
