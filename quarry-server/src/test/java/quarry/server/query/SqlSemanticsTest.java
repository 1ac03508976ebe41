package quarry.server.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quarry.server.store.Database;
import quarry.server.store.DocumentDecoder;
import quarry.server.store.DocumentStore;
import quarry.server.store.MetadataStore;

/** Rockset SQL semantics, run through the translator and DuckDB (no HTTP). */
class SqlSemanticsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Database db;
    private static MetadataStore meta;
    private static QueryService queries;

    @BeforeAll
    static void load() throws Exception {
        db = Database.open(null);
        meta = new MetadataStore(db);
        DocumentStore docs = new DocumentStore(db, meta, MAPPER);
        queries = new QueryService(db, meta, docs, MAPPER, QueryService.Limits.defaults());
        meta.createWorkspace("shop", null);
        meta.createCollection("shop", "orders", null, null, null);
        meta.createCollection("shop", "customers", null, null, null);
        write(docs, "orders", "[{\"_id\":\"o1\",\"customer\":\"c1\",\"amount\":10,\"items\":[\"a\",\"b\"],"
                + "\"addr\":{\"city\":\"Oslo\"}},{\"_id\":\"o2\",\"customer\":\"c1\",\"amount\":5.5,\"items\":[\"c\"]},"
                + "{\"_id\":\"o3\",\"customer\":\"c2\",\"amount\":7,\"items\":[],\"addr\":{\"city\":\"Rome\"}}]");
        write(docs, "customers", "[{\"_id\":\"c1\",\"name\":\"Ann\",\"vip\":true},{\"_id\":\"c2\",\"name\":\"Bob\"}]");
        meta.createCollection("shop", "notes", null, null, null);
        write(docs, "notes", "[{\"_id\":\"n1\",\"text\":null,\"tag\":\"x\"},{\"_id\":\"n2\",\"tag\":\"y\"}]");
        meta.createView("shop", "big", "SELECT * FROM shop.orders WHERE amount > 6", null, List.of("shop.orders"));
    }

    @AfterAll
    static void close() {
        queries.close();
        db.close();
    }

    private static void write(DocumentStore docs, String coll, String json) throws Exception {
        List<DocumentStore.Write> writes = new ArrayList<>();
        for (JsonNode n : MAPPER.readTree(json)) {
            DocumentDecoder.Decoded d = DocumentDecoder.decode(n, 0);
            writes.add(DocumentStore.Write.upsert(d.document(), d.generatedId()));
        }
        docs.apply("shop", coll, writes, 0);
    }

    private static JsonNode rows(String sql) {
        return queries.run(new QueryRequest(sql, List.of(), null, null, false, null, null)).path("results");
    }

    private static String json(String sql) {
        return rows(sql).toString();
    }

    @Test
    void ctesJoinsAndAggregates() {
        assertThat(json("WITH t AS (SELECT customer, sum(amount) AS total FROM shop.orders GROUP BY customer) "
                + "SELECT c.name, t.total FROM t JOIN shop.customers c ON c._id = t.customer ORDER BY c.name"))
                .isEqualTo("[{\"name\":\"Ann\",\"total\":15.5},{\"name\":\"Bob\",\"total\":7.0}]");
    }

    @Test
    void anExplicitNullStaysNextToComputedColumnsAndUndefinedIsOmitted() {
        assertThat(json("SELECT text, UPPER(tag) AS t FROM shop.notes ORDER BY _id"))
                .isEqualTo("[{\"text\":null,\"t\":\"X\"},{\"t\":\"Y\"}]");
        assertThat(json("SELECT tag, count(*) AS n FROM shop.notes GROUP BY tag ORDER BY tag"))
                .isEqualTo("[{\"tag\":\"x\",\"n\":1},{\"tag\":\"y\",\"n\":1}]");
    }

    @Test
    void hashesAreBytesEncodedAsBase64AndTheirHexIsText() {
        assertThat(json("SELECT MD5('abc') AS h")).isEqualTo(
                "[{\"h\":{\"__rockset_type\":\"BYTES\",\"value\":\"kAFQmDzST7DWlj99KOF/cg==\"}}]");
        assertThat(json("SELECT TO_HEX(MD5('abc')) AS h")).isEqualTo("[{\"h\":\"900150983cd24fb0d6963f7d28e17f72\"}]");
    }

    @Test
    void setOperationsSubqueriesAndWindows() {
        assertThat(json("SELECT _id FROM shop.orders WHERE customer = 'c2' UNION ALL "
                + "SELECT _id FROM shop.customers WHERE _id = 'c2' ORDER BY _id"))
                .isEqualTo("[{\"_id\":\"c2\"},{\"_id\":\"o3\"}]");
        assertThat(json("SELECT name FROM shop.customers WHERE _id IN (SELECT customer FROM shop.orders "
                + "WHERE amount > 8)")).isEqualTo("[{\"name\":\"Ann\"}]");
        assertThat(json("SELECT _id, ROW_NUMBER() OVER (PARTITION BY customer ORDER BY amount DESC) AS r "
                + "FROM shop.orders ORDER BY _id")).isEqualTo("[{\"_id\":\"o1\",\"r\":1},{\"_id\":\"o2\",\"r\":2},"
                        + "{\"_id\":\"o3\",\"r\":1}]");
        assertThat(json("SELECT (SELECT count(*) FROM shop.orders) AS n")).isEqualTo("[{\"n\":3}]");
    }

    @Test
    void arraysAreOneBasedAndNestedFieldsResolve() {
        assertThat(json("SELECT items[1] AS first, addr.city AS city FROM shop.orders WHERE _id = 'o1'"))
                .isEqualTo("[{\"first\":\"a\",\"city\":\"Oslo\"}]");
        assertThat(json("SELECT _id FROM shop.orders WHERE addr.city = 'Rome'")).isEqualTo("[{\"_id\":\"o3\"}]");
        assertThat(json("SELECT _id, items[5] AS fifth, addr.city FROM shop.orders WHERE _id = 'o2'"))
                .isEqualTo("[{\"_id\":\"o2\"}]");
        assertThat(json("SELECT ARRAY_LENGTH(items) AS n FROM shop.orders ORDER BY _id"))
                .isEqualTo("[{\"n\":2},{\"n\":1},{\"n\":0}]");
        assertThat(json("SELECT x FROM UNNEST([10, 20] AS x) ORDER BY x")).isEqualTo("[{\"x\":10},{\"x\":20}]");
    }

    @Test
    void starExceptQuotedIdentifiersAndDefaultWorkspace() {
        assertThat(json("SELECT * EXCEPT (_id, _event_time) FROM shop.customers WHERE _id = 'c2'"))
                .isEqualTo("[{\"name\":\"Bob\"}]");
        assertThat(json("SELECT `name` FROM \"shop\".\"customers\" WHERE _id = 'c1'")).isEqualTo("[{\"name\":\"Ann\"}]");
        assertThat(json("OPTION(default_workspace='shop') SELECT count(*) AS n FROM customers")).isEqualTo("[{\"n\":2}]");
        assertThat(json("SELECT count(*) AS n FROM shop.customers OPTION(foo=1)")).isEqualTo("[{\"n\":2}]");
    }

    @Test
    void undefinedNullAndTypeof() {
        assertThat(json("SELECT _id, vip FROM shop.customers ORDER BY _id"))
                .isEqualTo("[{\"_id\":\"c1\",\"vip\":true},{\"_id\":\"c2\"}]");
        assertThat(json("SELECT TYPEOF(vip) AS t, TYPEOF(nothing) AS u, TYPEOF(NULL) AS n FROM shop.customers "
                + "WHERE _id = 'c2'")).isEqualTo("[{\"t\":\"undefined\",\"u\":\"undefined\",\"n\":\"null\"}]");
        assertThat(json("SELECT TYPEOF(amount) AS t FROM shop.orders ORDER BY _id"))
                .isEqualTo("[{\"t\":\"float\"},{\"t\":\"float\"},{\"t\":\"float\"}]");
        assertThat(json("SELECT TRY(CAST('x' AS int)) AS v, IF(1 > 0, 'y', 'n') AS w")).isEqualTo("[{\"v\":null,\"w\":\"y\"}]");
    }

    @Test
    void viewsAreUsableInFromAndSelectWithoutFromWorks() {
        assertThat(json("SELECT _id FROM shop.big ORDER BY _id")).isEqualTo("[{\"_id\":\"o1\"},{\"_id\":\"o3\"}]");
        assertThat(json("SELECT 1 + 1 AS two, 'x' || 'y' AS xy")).isEqualTo("[{\"two\":2,\"xy\":\"xy\"}]");
        assertThat(json("SELECT 5 / 2 AS i, 5.0 / 2 AS f")).isEqualTo("[{\"i\":2,\"f\":2.5}]");
    }

    @Test
    void timestampsAndDatesUseRocksetEncodings() {
        assertThat(json("SELECT TIMESTAMP_MILLIS(0) AS t, DATE '2020-03-02' AS d, DATE_TRUNC('DAY', "
                + "TIMESTAMP '2020-03-02 10:11:12') AS day, UNIX_MILLIS(TIMESTAMP '1970-01-01 00:00:01Z') AS ms"))
                .isEqualTo("[{\"t\":\"1970-01-01T00:00:00.000000Z\",\"d\":{\"__rockset_type\":\"DATE\",\"value\":"
                        + "\"2020-03-02\"},\"day\":\"2020-03-02T00:00:00.000000Z\",\"ms\":1000}]");
    }

    @Test
    void unknownFunctionsAndCollectionsAreQueryErrorsWithPositions() {
        assertThatThrownBy(() -> rows("SELECT\n  nope(1)")).isInstanceOfSatisfying(QueryException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(3);
            assertThat(e.errorId()).isEqualTo("function_not_found");
        });
        assertThatThrownBy(() -> rows("SELECT * FROM shop.nothing")).isInstanceOfSatisfying(QueryException.class,
                e -> assertThat(e.getMessage()).isEqualTo("Collection \"nothing\" does not exist in workspace \"shop\""));
    }

    @Test
    void parametersBindAsTypedValuesEvenInLimit() {
        JsonNode r = queries.run(new QueryRequest("SELECT _id FROM shop.orders WHERE customer = :c ORDER BY _id LIMIT :n",
                List.of(new QueryParameter("c", "string", "c1"), new QueryParameter("n", "int", "1")), null, null, false,
                null, null)).path("results");
        assertThat(r.toString()).isEqualTo("[{\"_id\":\"o1\"}]");
        assertThatThrownBy(() -> queries.run(new QueryRequest("SELECT :missing", List.of(), null, null, false, null,
                null))).isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.getMessage()).contains(":missing"));
        assertThatThrownBy(() -> queries.run(new QueryRequest("SELECT :n", List.of(new QueryParameter("n", "int", "x")),
                null, null, false, null, null))).isInstanceOf(QueryException.class);
    }
}
