package quarry.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST …/uploads} (spec §4.4): multipart file, size and params, over real HTTP. */
class UploadTest {

    private static RunningServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @BeforeAll
    static void start() {
        server = new RunningServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void collection(String name, String extra) {
        assertThat(server.send("POST", "/v1/orgs/self/ws/commons/collections", "{\"name\":\"" + name + "\"" + extra
                + "}").status()).isEqualTo(200);
    }

    /** A multipart/form-data body the way OkHttp (the Java client's transport) writes one. */
    private static RunningServer.Reply upload(String collection, String fileName, byte[] file, Long size,
            String params) throws Exception {
        String boundary = "quarry-test-boundary-0123456789";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        if (size != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"size\"\r\n\r\n" + size + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (params != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"params\"\r\n\r\n" + params
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url()
                + "/v1/orgs/self/ws/commons/collections/" + collection + "/uploads"))
                .header("Authorization", "ApiKey " + RunningServer.KEY)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        return new RunningServer.Reply(r.statusCode(), MAPPER.readTree(r.body()), r.body());
    }

    private static JsonNode rows(String sql) {
        RunningServer.Reply r = server.query(sql);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body().get("results");
    }

    @Test
    void jsonLinesAreAddedLikeTheWriteApiWouldAddThem() throws Exception {
        collection("up_json", "");
        byte[] file = "{\"_id\":\"1\",\"n\":1,\"tags\":[\"a\"]}\n{\"n\":2}\n{\"_id\":3}\n".getBytes(StandardCharsets.UTF_8);
        RunningServer.Reply r = upload("up_json", "people.json", file, (long) file.length, null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().at("/data/file_name").asText()).isEqualTo("people.json");
        assertThat(r.body().at("/data/num_documents_added").asLong()).isEqualTo(2);
        assertThat(r.body().at("/data/num_documents_failed").asLong()).as("a number _id is refused").isEqualTo(1);
        assertThat(rows("SELECT n FROM up_json ORDER BY n").toString()).isEqualTo("[{\"n\":1},{\"n\":2}]");
        assertThat(rows("SELECT tags FROM up_json WHERE _id = '1'").get(0).get("tags").toString())
                .isEqualTo("[\"a\"]");
    }

    @Test
    void csvWithParamsGivesStringFieldsAndGoesThroughTheIngestTransformation() throws Exception {
        collection("up_csv", ",\"field_mapping_query\":{\"sql\":\"SELECT _input.name AS name,"
                + " TRY_CAST(_input.age AS int) AS age FROM _input\"}");
        byte[] file = "ann;31\nbob;x\n".getBytes(StandardCharsets.UTF_8);
        RunningServer.Reply r = upload("up_csv", "people.csv", file, (long) file.length,
                "{\"csv\":{\"firstLineAsColumnNames\":false,\"separator\":\";\",\"columnNames\":[\"name\",\"age\"]}}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode out = rows("SELECT name, age FROM up_csv ORDER BY name");
        assertThat(out.toString()).isEqualTo("[{\"name\":\"ann\",\"age\":31},{\"name\":\"bob\",\"age\":null}]");
    }

    @Test
    void parquetKeepsItsColumnTypes(@TempDir Path dir) throws Exception {
        collection("up_parquet", "");
        Path parquet = dir.resolve("t.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT i AS n, 'row' || i AS label, i % 2 = 0 AS even, [i, i] AS pair FROM range(5) t(i))"
                    + " TO '" + parquet + "' (FORMAT parquet)");
        }
        byte[] file = Files.readAllBytes(parquet);
        RunningServer.Reply r = upload("up_parquet", "t.parquet", file, (long) file.length, null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().at("/data/num_documents_added").asLong()).isEqualTo(5);
        JsonNode row = rows("SELECT n, label, even, pair, typeof(n) AS t FROM up_parquet WHERE n = 4").get(0);
        assertThat(row.toString()).isEqualTo("{\"n\":4,\"label\":\"row4\",\"even\":true,\"pair\":[4,4],\"t\":\"int\"}");
    }

    @Test
    void badUploadsAreRefusedWithClearErrors() throws Exception {
        collection("up_bad", "");
        byte[] file = "{\"a\":1}\n".getBytes(StandardCharsets.UTF_8);
        RunningServer.Reply wrongSize = upload("up_bad", "a.json", file, 999L, null);
        assertThat(wrongSize.status()).isEqualTo(400);
        assertThat(wrongSize.body().get("message").asText()).contains("size");
        RunningServer.Reply notJson = upload("up_bad", "a.json", "{not json".getBytes(StandardCharsets.UTF_8), null,
                null);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body().get("message").asText()).contains("a.json").contains("not valid JSON");
        RunningServer.Reply plain = server.send("POST", "/v1/orgs/self/ws/commons/collections/up_bad/uploads", "{}");
        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.body().get("message").asText()).contains("multipart");
        RunningServer.Reply missing = upload("nowhere", "a.json", file, null, null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(rows("SELECT count(*) AS n FROM up_bad").get(0).get("n").asInt()).isZero();
    }
}
