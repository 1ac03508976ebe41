package quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quarry.server.http.QuarryServer;
import quarry.server.http.ServerConfig;

class LoadCommandTest {

    private static final String KEY = "loadTestKey0123456789loadTestKey0123456789loadTestKey0123456789ab";

    private record Run(int code, String out, String err) {}

    private static Run load(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "load";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static JsonNode query(QuarryServer server, String sql) throws Exception {
        String body = new ObjectMapper().createObjectNode().set("sql",
                new ObjectMapper().createObjectNode().put("query", sql)).toString();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.url() + "/v1/orgs/self/queries")).header("Authorization", "ApiKey " + KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(r.body()).get("results");
    }

    @Test
    void loadsJsonLinesCsvAndParquetIntoADataDirThroughTheWriteApi(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path json = dir.resolve("a.jsonl");
        Files.writeString(json, "{\"_id\":\"j1\",\"kind\":\"json\",\"n\":1}\n{\"kind\":\"json\",\"n\":2}\n");
        Path csv = dir.resolve("b.csv");
        Files.writeString(csv, "kind,n\ncsv,3\ncsv,4\n");
        Path parquet = dir.resolve("c.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT 'parquet' AS kind, i AS n FROM range(5, 3005) t(i)) TO '" + parquet
                    + "' (FORMAT parquet)");
        }
        Run r = load("--data-dir", data.toString(), "--collection", "mixed", "--create", "--batch-size", "500",
                json.toString(), csv.toString(), parquet.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("loaded 3004 documents into commons.mixed");
        try (QuarryServer server = QuarryServer.start(ServerConfig.defaults().withDataDir(data).withMemoryKey(KEY)
                .withLog(new PrintStream(OutputStream.nullOutputStream())))) {
            JsonNode counts = query(server, "SELECT kind, count(*) AS c, min(typeof(n)) AS t FROM mixed GROUP BY kind"
                    + " ORDER BY kind");
            assertThat(counts.toString()).isEqualTo("[{\"kind\":\"csv\",\"c\":2,\"t\":\"string\"},"
                    + "{\"kind\":\"json\",\"c\":2,\"t\":\"int\"},{\"kind\":\"parquet\",\"c\":3000,\"t\":\"int\"}]");
            assertThat(query(server, "SELECT n FROM mixed WHERE _id = 'j1'").toString()).isEqualTo("[{\"n\":1}]");
        }
    }

    @Test
    void loadsIntoARunningServerAndTheIngestTransformationApplies(@TempDir Path dir) throws Exception {
        try (QuarryServer server = QuarryServer.start(ServerConfig.defaults().withApiKeys(List.of(KEY))
                .withLog(new PrintStream(OutputStream.nullOutputStream())))) {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url()
                    + "/v1/orgs/self/ws/commons/collections")).header("Authorization", "ApiKey " + KEY)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"shaped\",\"field_mapping_query\":{\"sql\":"
                            + "\"SELECT _input.a AS a FROM _input WHERE _input.keep\"}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Path json = dir.resolve("x.json");
            Files.writeString(json, "[{\"a\":1,\"b\":1,\"keep\":true},{\"a\":2,\"keep\":false}]");
            Run r = load("--api-server", server.url().toString(), "--api-key", KEY, "--collection", "shaped",
                    json.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("loaded 2 documents").doesNotContain(KEY);
            assertThat(query(server, "SELECT * EXCEPT (_id, _event_time) FROM shaped").toString())
                    .isEqualTo("[{\"a\":1}]");
        }
    }

    @Test
    void aMissingKeyIsAClearError(@TempDir Path dir) {
        Run r = load("--api-server", "http://127.0.0.1:9", "--api-key-env", "QUARRY_TEST_UNSET_VARIABLE",
                "--collection", "c", dir.resolve("x.json").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--api-key").contains("QUARRY_TEST_UNSET_VARIABLE");
    }

    @Test
    void badInputIsAClearErrorNamingTheFile(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"a\":1}\n{oops\n");
        Run r = load("--data-dir", dir.resolve("d").toString(), "--collection", "c", "--create", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.json").contains("not valid JSON at line 2").doesNotContain("Exception");
        Run unknown = load("--data-dir", dir.resolve("d").toString(), "--collection", "c", dir.resolve("x.xlsx")
                .toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("--format");
        Run missing = load("--data-dir", dir.resolve("d").toString(), "--collection", "nope", bad.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist").contains("--create");
    }
}
