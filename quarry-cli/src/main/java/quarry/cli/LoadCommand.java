package quarry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import quarry.server.http.QuarryServer;
import quarry.server.http.ServerConfig;
import quarry.server.load.CsvOptions;
import quarry.server.load.DocumentFiles;
import quarry.server.load.FileFormat;

/**
 * {@code quarry load}: loads JSON lines, CSV or Parquet files into a collection in bulk, through
 * the Write API of a Rockset-compatible server (so the collection's ingest transformation and the
 * {@code _id} rules apply), with progress on long loads. With {@code --data-dir} it starts a
 * server on that data dir for the duration of the load.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load JSON lines, CSV or Parquet files into a collection through the Write API.")
final class LoadCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to load (.json/.jsonl/.ndjson, .csv, .parquet).")
    private List<Path> files = new ArrayList<>();

    @Option(names = {"-c", "--collection"}, required = true, description = "The collection to load into.")
    private String collection;

    @Option(names = {"-w", "--workspace"}, defaultValue = "commons", description = "Its workspace (default: ${DEFAULT-VALUE}).")
    private String workspace;

    @Option(names = "--create", description = "Create the workspace and collection when they do not exist.")
    private boolean create;

    @Option(names = "--api-server", description = "The server's URL; also ROCKSET_APISERVER.")
    private String apiServer;

    @Option(names = "--api-key", description = "The API key; better given in $ROCKSET_APIKEY (see --api-key-env).")
    private String apiKey;

    @Option(names = "--api-key-env", defaultValue = "ROCKSET_APIKEY", paramLabel = "VAR",
            description = "Environment variable holding the API key (default: ${DEFAULT-VALUE}).")
    private String apiKeyVariable;

    @Option(names = "--data-dir", description = "Load into this data dir directly (no server may be running on it).")
    private Path dataDir;

    @Option(names = "--format", description = "json, csv or parquet (default: from each file's extension).")
    private String format;

    @Option(names = "--batch-size", defaultValue = "5000",
            description = "Documents per Write API request, at most 20000 (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--csv-separator", defaultValue = ",", description = "CSV separator (default: '${DEFAULT-VALUE}').")
    private char separator;

    @Option(names = "--csv-no-header", description = "The first CSV line is data, not column names.")
    private boolean noHeader;

    @Option(names = "--csv-columns", split = ",", description = "CSV column names, comma separated.")
    private List<String> columns = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (batchSize < 1 || batchSize > 20_000) {
            err.println("quarry load: --batch-size must be between 1 and 20000");
            return ExitCode.ERROR;
        }
        if (dataDir != null && apiServer != null) {
            err.println("quarry load: use either --data-dir or --api-server, not both");
            return ExitCode.ERROR;
        }
        List<FileFormat> formats = new ArrayList<>();
        for (Path f : files) {
            try {
                formats.add(format != null ? FileFormat.parse(format) : FileFormat.ofFileName(f.getFileName().toString())
                        .orElseThrow(() -> new IllegalArgumentException(f + ": cannot tell the format from the"
                                + " extension; use --format json|csv|parquet")));
            } catch (IllegalArgumentException e) {
                err.println("quarry load: " + e.getMessage());
                return ExitCode.ERROR;
            }
        }
        QuarryServer embedded = null;
        try {
            WriteApi api;
            if (dataDir != null) {
                String key = java.util.UUID.randomUUID().toString().replace("-", "");
                embedded = QuarryServer.start(ServerConfig.defaults().withDataDir(dataDir).withMemoryKey(key)
                        .withLog(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())));
                api = new WriteApi(embedded.url(), key);
            } else {
                String server = apiServer != null ? apiServer : System.getenv("ROCKSET_APISERVER");
                String key = apiKey != null ? apiKey : System.getenv(apiKeyVariable);
                if (server == null || server.isBlank()) {
                    err.println("quarry load: give --api-server (or ROCKSET_APISERVER), or --data-dir");
                    return ExitCode.ERROR;
                }
                if (key == null || key.isBlank()) {
                    err.println("quarry load: give --api-key, or set $" + apiKeyVariable);
                    return ExitCode.ERROR;
                }
                api = new WriteApi(URI.create(server), key);
            }
            return load(api, formats);
        } catch (WriteApi.ApiError | IOException | RuntimeException e) {
            err.println("quarry load: " + e.getMessage());
            return ExitCode.ERROR;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private int load(WriteApi api, List<FileFormat> formats) throws IOException, WriteApi.ApiError {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        api.ensureCollection(workspace, collection, create);
        ObjectMapper mapper = new ObjectMapper();
        DocumentFiles reader = new DocumentFiles(mapper);
        CsvOptions csv = new CsvOptions(!noHeader, separator, columns);
        Progress progress = new Progress(err);
        long added = 0;
        long refused = 0;
        long started = System.nanoTime();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            FileFormat f = formats.get(i);
            long total = reader.count(file, f, csv);
            progress.start(file, total);
            ArrayNode batch = mapper.createArrayNode();
            long[] counts = new long[2];
            reader.read(file, f, csv, doc -> {
                batch.add(doc);
                if (batch.size() >= batchSize) {
                    send(api, batch, counts, err, file);
                    progress.update(counts[0] + counts[1]);
                }
            });
            send(api, batch, counts, err, file);
            progress.finish(counts[0] + counts[1]);
            added += counts[0];
            refused += counts[1];
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "loaded %d documents into %s.%s in %.1f s (%.0f docs/s)%s%n", added, workspace,
                collection, seconds, added / Math.max(seconds, 1e-9), refused == 0 ? "" : "; " + refused + " refused");
        out.flush();
        return refused == 0 ? ExitCode.SUCCESS : ExitCode.FAILURE;
    }

    private void send(WriteApi api, ArrayNode batch, long[] counts, PrintWriter err, Path file) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        JsonNode statuses;
        try {
            statuses = api.add(workspace, collection, batch);
        } catch (WriteApi.ApiError e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < statuses.size(); i++) {
            JsonNode s = statuses.get(i);
            if ("ERROR".equals(s.path("status").asText())) {
                if (counts[1] < 10) {
                    err.println(file + ": document " + (counts[0] + counts[1] + 1) + " refused: "
                            + s.path("error").path("message").asText());
                }
                counts[1]++;
            } else {
                counts[0]++;
            }
        }
        batch.removeAll();
    }

    /** Progress lines on stderr, at most one a second, for loads that take longer than that. */
    private static final class Progress {
        private final PrintWriter err;
        private Path file;
        private long total;
        private long start;
        private long lastPrint;

        Progress(PrintWriter err) {
            this.err = err;
        }

        void start(Path f, long totalDocuments) {
            file = f;
            total = totalDocuments;
            start = System.nanoTime();
            lastPrint = start;
        }

        void update(long done) {
            long now = System.nanoTime();
            if (now - lastPrint >= 1_000_000_000L) {
                lastPrint = now;
                print(done, now);
            }
        }

        void finish(long done) {
            long now = System.nanoTime();
            if (now - start >= 1_000_000_000L) {
                print(done, now);
            }
        }

        private void print(long done, long now) {
            double seconds = (now - start) / 1e9;
            String of = total >= 0 ? String.format(Locale.ROOT, " of %d (%.0f%%)", total, 100.0 * done / Math.max(1, total))
                    : "";
            err.printf(Locale.ROOT, "%s: %d documents%s, %.0f docs/s%n", file.getFileName(), done, of,
                    done / Math.max(seconds, 1e-9));
            err.flush();
        }
    }

}
