package quarry.server.query;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The statements dbt-rockset sends (materializations and generic tests), run end to end. */
class DbtQueriesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Database db;
    private static QueryService queries;

    @BeforeAll
    static void load() throws Exception {
        db = Database.open(null);
        MetadataStore meta = new MetadataStore(db);
        DocumentStore docs = new DocumentStore(db, meta, MAPPER);
        queries = new QueryService(db, meta, docs, MAPPER, QueryService.Limits.defaults());
        meta.createWorkspace("dbt_ws", null);
        meta.createCollection("dbt_ws", "seed", null, null, null);
        meta.createCollection("dbt_ws", "incremental", null, null, null);
        meta.createCollection("commons", "go-sql-driver", null, null, null);
        List<DocumentStore.Write> writes = new ArrayList<>();
        for (JsonNode n : MAPPER.readTree("[{\"id\":1,\"name\":\"a\",\"status\":\"placed\"},{\"id\":2,\"name\":\"b\","
                + "\"status\":\"shipped\"},{\"id\":2,\"name\":\"c\",\"status\":\"weird\"},{\"name\":\"d\","
                + "\"status\":\"placed\"}]")) {
            DocumentDecoder.Decoded d = DocumentDecoder.decode(n, 0);
            writes.add(DocumentStore.Write.upsert(d.document(), d.generatedId()));
        }
        docs.apply("dbt_ws", "seed", writes, 0);
    }

    @AfterAll
    static void close() {
        queries.close();
        db.close();
    }

    private static JsonNode run(String sql) {
        try {
            // results are raw pre-encoded JSON in the response object: read them back as the wire has them
            return MAPPER.readTree(MAPPER.writeValueAsString(queries.run(new QueryRequest(sql, List.of(), null, null,
                    false, null, null)))).path("results");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void notNullAndUniqueTestsCountFailures() {
        assertThat(run("select count(*) as failures, count(*) != 0 as should_warn, count(*) != 0 as should_error "
                + "from (\nselect id from \"dbt_ws\".\"seed\" where id is null\n) dbt_internal_test").toString())
                .isEqualTo("[{\"failures\":1,\"should_warn\":true,\"should_error\":true}]");
        assertThat(run("select count(*) as failures from (\nselect id as unique_field, count(*) as n_records from "
                + "\"dbt_ws\".\"seed\"\nwhere id is not null group by id having count(*) > 1\n) dbt_internal_test")
                .get(0).get("failures").asLong()).isEqualTo(1);
    }

    @Test
    void acceptedValuesTestFindsTheOddValue() {
        JsonNode r = run("with all_values as (\n select status as value_field, count(*) as n_records from "
                + "\"dbt_ws\".\"seed\" group by status\n)\nselect * from all_values\nwhere value_field not in "
                + "('placed','shipped')");
        assertThat(r.toString()).isEqualTo("[{\"value_field\":\"weird\",\"n_records\":1}]");
    }

    @Test
    void incrementalAndEphemeralInsertsWork() {
        run("INSERT INTO \"dbt_ws\".\"incremental\" select * from \"dbt_ws\".\"seed\" where id = 1");
        JsonNode r = run("INSERT INTO \"dbt_ws\".\"incremental\" select * from \"dbt_ws\".\"seed\"\n"
                + "where id > (select max(id) from \"dbt_ws\".\"incremental\")");
        assertThat(r.get(0).get("num_docs_inserted").asLong()).isEqualTo(2);
        run("INSERT INTO \"dbt_ws\".\"incremental\" WITH __dbt__cte__ephemeral as (\nselect name, id from "
                + "\"dbt_ws\".\"seed\" where id is null\n)select * from __dbt__cte__ephemeral");
        assertThat(run("select count(*) AS n from dbt_ws.incremental").get(0).get("n").asLong()).isEqualTo(4);
        assertThat(run("select CAST(id as int) as id, name from \"dbt_ws\".\"incremental\" where id = 1").toString())
                .isEqualTo("[{\"id\":1,\"name\":\"a\"}]");
    }

    @Test
    void goSqlDriverInsertKeepsTypes() {
        run("INSERT INTO commons.\"go-sql-driver\" SELECT 1 AS f_int, 2.2 AS f_float, 'foo' AS f_string, true AS f_bool,"
                + " CURRENT_TIMESTAMP AS f_timestamp, 1680632196642 AS t_unix");
        JsonNode row = run("SELECT * EXCEPT (_id, _event_time) FROM commons.\"go-sql-driver\"").get(0);
        assertThat(row.get("f_int").asLong()).isEqualTo(1);
        assertThat(row.get("f_float").asDouble()).isEqualTo(2.2);
        assertThat(row.get("f_string").asText()).isEqualTo("foo");
        assertThat(row.get("f_bool").asBoolean()).isTrue();
        assertThat(row.get("f_timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(row.get("t_unix").asLong()).isEqualTo(1680632196642L);
        assertThat(run("SELECT TYPEOF(f_timestamp) AS t FROM commons.\"go-sql-driver\"").get(0).get("t").asText())
                .isEqualTo("timestamp");
    }
}
