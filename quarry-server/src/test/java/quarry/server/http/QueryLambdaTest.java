package quarry.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rockset.client.ApiException;
import com.rockset.client.RocksetClient;
import com.rockset.client.model.AddDocumentsRequest;
import com.rockset.client.model.CreateCollectionRequest;
import com.rockset.client.model.CreateQueryLambdaRequest;
import com.rockset.client.model.CreateQueryLambdaTagRequest;
import com.rockset.client.model.CreateWorkspaceRequest;
import com.rockset.client.model.ExecuteQueryLambdaRequest;
import com.rockset.client.model.QueryLambda;
import com.rockset.client.model.QueryLambdaSql;
import com.rockset.client.model.QueryLambdaTag;
import com.rockset.client.model.QueryLambdaVersion;
import com.rockset.client.model.QueryParameter;
import com.rockset.client.model.QueryResponse;
import com.rockset.client.model.UpdateQueryLambdaRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Query lambdas (spec §4.8) through the official Java client, plus raw HTTP where the client hides details. */
class QueryLambdaTest {

    private static RunningServer server;
    private static RocksetClient client;

    @BeforeAll
    static void start() throws Exception {
        server = new RunningServer();
        client = new RocksetClient(RunningServer.KEY, server.url());
        client.collections.create("commons", new CreateCollectionRequest().name("people"));
        AddDocumentsRequest docs = new AddDocumentsRequest();
        docs.addDataItem(doc("_id", "1", "name", "ann", "age", 31));
        docs.addDataItem(doc("_id", "2", "name", "bob", "age", 42));
        docs.addDataItem(doc("_id", "3", "name", "cy", "age", 17));
        client.documents.add("commons", "people", docs);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, Object> doc(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static QueryLambdaSql sql(String query, QueryParameter... defaults) {
        QueryLambdaSql sql = new QueryLambdaSql().query(query);
        for (QueryParameter p : defaults) {
            sql.addDefaultParametersItem(p);
        }
        return sql;
    }

    private static QueryParameter param(String name, String type, String value) {
        return new QueryParameter().name(name).type(type).value(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(QueryResponse r, int i) {
        return (Map<String, Object>) r.getResults().get(i);
    }

    @Test
    void createdLambdaHasA16HexVersionAndRunsWithDefaultsAndOverrides() throws Exception {
        QueryLambdaVersion v = client.queryLambdas.create("commons", new CreateQueryLambdaRequest().name("echo")
                .description("echo a parameter").sql(sql("SELECT :param AS echo", param("param", "string", "hi"))))
                .getData();
        assertThat(v.getVersion()).matches("[0-9a-f]{16}");
        assertThat(v.getName()).isEqualTo("echo");
        assertThat(v.getWorkspace()).isEqualTo("commons");
        assertThat(v.getState()).isEqualTo(QueryLambdaVersion.StateEnum.ACTIVE);
        assertThat(v.getSql().getDefaultParameters()).extracting(QueryParameter::getValue).containsExactly("hi");

        QueryResponse byDefault = client.queryLambdas.execute_0("commons", "echo", v.getVersion(),
                new ExecuteQueryLambdaRequest());
        assertThat(row(byDefault, 0)).containsEntry("echo", "hi");
        QueryResponse overridden = client.queryLambdas.execute("commons", "echo", "latest",
                new ExecuteQueryLambdaRequest().addParametersItem(param("param", "string", "there")));
        assertThat(row(overridden, 0)).containsEntry("echo", "there");

        RunningServer.Reply raw = server.send("POST", "/v1/orgs/self/ws/commons/lambdas/echo/versions/"
                + v.getVersion(), null);
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.body().get("query_lambda_path").asText()).isEqualTo("commons.echo::" + v.getVersion());
        assertThat(raw.body().get("results").get(0).get("echo").asText()).isEqualTo("hi");
        assertThat(client.queryLambdas.get_0("commons", "echo", v.getVersion()).getData().getStats().getLastExecuted())
                .isNotBlank();
    }

    @Test
    void newVersionsMoveLatestAndTagsPinAVersion() throws Exception {
        QueryLambdaVersion v1 = client.queryLambdas.create("commons", new CreateQueryLambdaRequest().name("adults")
                .sql(sql("SELECT name FROM people WHERE age >= :min ORDER BY name", param("min", "int", "18"))))
                .getData();
        assertThat(v1.getCollections()).containsExactly("commons.people");
        QueryLambdaVersion v2 = client.queryLambdas.update("commons", "adults", new UpdateQueryLambdaRequest()
                .sql(sql("SELECT name FROM people WHERE age >= :min ORDER BY name DESC", param("min", "int", "40"))),
                null).getData();
        assertThat(v2.getVersion()).isNotEqualTo(v1.getVersion());

        QueryLambdaTag latest = client.queryLambdas.get("commons", "adults", "latest").getData();
        assertThat(latest.getVersion().getVersion()).isEqualTo(v2.getVersion());
        QueryLambdaTag prod = client.queryLambdas.create_0("commons", "adults",
                new CreateQueryLambdaTagRequest().tagName("prod").version(v1.getVersion())).getData();
        assertThat(prod.getTagName()).isEqualTo("prod");
        assertThat(client.queryLambdas.list_1("commons", "adults").getData()).extracting(QueryLambdaTag::getTagName)
                .containsExactly("latest", "prod");

        QueryResponse viaProd = client.queryLambdas.execute("commons", "adults", "prod", new ExecuteQueryLambdaRequest());
        assertThat(viaProd.getResults()).extracting(r -> (Object) ((Map<?, ?>) r).get("name")).containsExactly((Object) "ann", "bob");
        QueryResponse viaLatest = client.queryLambdas.execute("commons", "adults", "latest",
                new ExecuteQueryLambdaRequest().addParametersItem(param("min", "int", "10")));
        assertThat(viaLatest.getResults()).extracting(r -> (Object) ((Map<?, ?>) r).get("name"))
                .containsExactly((Object) "cy", "bob", "ann");

        List<QueryLambdaVersion> versions = client.queryLambdas.list_2("commons", "adults").getData();
        assertThat(versions).extracting(QueryLambdaVersion::getVersion).containsExactly(v2.getVersion(),
                v1.getVersion());

        client.queryLambdas.delete_1("commons", "adults", v2.getVersion());
        assertThat(client.queryLambdas.get("commons", "adults", "latest").getData().getVersion().getVersion())
                .isEqualTo(v1.getVersion());
        client.queryLambdas.delete_0("commons", "adults", "prod");
        assertThatThrownBy(() -> client.queryLambdas.get("commons", "adults", "prod"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    }

    @Test
    void listsShowEveryLambdaAndPerWorkspace() throws Exception {
        client.workspaces.create(new CreateWorkspaceRequest().name("lw"));
        client.queryLambdas.create("lw", new CreateQueryLambdaRequest().name("one").sql(sql("SELECT 1 AS x")));
        client.queryLambdas.update("lw", "one", new UpdateQueryLambdaRequest().sql(sql("SELECT 2 AS x")), null);
        List<QueryLambda> inWs = client.queryLambdas.list_0("lw").getData();
        assertThat(inWs).hasSize(1);
        assertThat(inWs.get(0).getVersionCount()).isEqualTo(2);
        assertThat(inWs.get(0).getLatestVersion().getSql().getQuery()).isEqualTo("SELECT 2 AS x");
        assertThat(client.queryLambdas.list().getData()).extracting(QueryLambda::getWorkspace).contains("lw");
        QueryLambda deleted = client.queryLambdas.delete("lw", "one").getData();
        assertThat(deleted.getName()).isEqualTo("one");
        assertThat(client.queryLambdas.list_0("lw").getData()).isEmpty();
    }

    @Test
    void missingLambdaVersionAndTagAnswerRocksetsNotFoundMessages() throws Exception {
        assertThatThrownBy(() -> client.queryLambdas.list_2("commons", "nope"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getMessage()).isEqualTo("Query Lambda \"nope\" not found in workspace \"commons\".");
                });
        client.queryLambdas.create("commons", new CreateQueryLambdaRequest().name("there").sql(sql("SELECT 1 AS x")));
        assertThatThrownBy(() -> client.queryLambdas.execute_0("commons", "there", "0123456789abcdef",
                new ExecuteQueryLambdaRequest())).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getMessage()).isEqualTo(
                            "Query Lambda \"there\" (version \"0123456789abcdef\") not found in workspace \"commons\".");
                });
        RunningServer.Reply raw = server.send("GET", "/v1/orgs/self/ws/commons/lambdas/nope/tags/latest", null);
        assertThat(raw.status()).isEqualTo(404);
        assertThat(raw.body().get("type").asText()).isEqualTo("NOTFOUND");
        assertThat(raw.body().get("message_key").asText()).isEqualTo("QUERY_NOT_FOUND");
        assertThatThrownBy(() -> client.queryLambdas.update("commons", "ghost",
                new UpdateQueryLambdaRequest().sql(sql("SELECT 1")), false))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
        assertThat(client.queryLambdas.update("commons", "ghost", new UpdateQueryLambdaRequest().sql(sql("SELECT 1")),
                true).getData().getName()).isEqualTo("ghost");
    }

    @Test
    void badLambdasAreRefusedWithClearErrors() throws Exception {
        assertThatThrownBy(() -> client.queryLambdas.create("commons", new CreateQueryLambdaRequest().name("broken")
                .sql(sql("SELEC 1")))).isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.getCode()).isEqualTo(400));
        client.queryLambdas.create("commons", new CreateQueryLambdaRequest().name("dup").sql(sql("SELECT 1")));
        assertThatThrownBy(() -> client.queryLambdas.create("commons", new CreateQueryLambdaRequest().name("dup")
                .sql(sql("SELECT 1")))).isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.getCode()).isEqualTo(409));
        RunningServer.Reply noSql = server.send("POST", "/v1/orgs/self/ws/commons/lambdas", "{\"name\":\"x\"}");
        assertThat(noSql.status()).isEqualTo(400);
        assertThat(noSql.body().get("type").asText()).isEqualTo("INVALIDINPUT");
        client.queryLambdas.create("commons", new CreateQueryLambdaRequest().name("needs").sql(sql("SELECT :p AS p")));
        RunningServer.Reply missing = server.send("POST", "/v1/orgs/self/ws/commons/lambdas/needs/tags/latest", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("type").asText()).isEqualTo("QUERY_ERROR");
        RunningServer.Reply reserved = server.send("POST", "/v1/orgs/self/ws/commons/lambdas/needs/tags",
                "{\"tag_name\":\"latest\",\"version\":\"0123456789abcdef\"}");
        assertThat(reserved.status()).isEqualTo(400);
    }

    @Test
    void lambdasSurviveARestart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String version;
        try (RunningServer first = new RunningServer(dir)) {
            RocksetClient c = new RocksetClient(RunningServer.KEY, first.url());
            version = c.queryLambdas.create("commons", new CreateQueryLambdaRequest().name("kept")
                    .sql(sql("SELECT :n AS n", param("n", "int", "5")))).getData().getVersion();
            c.queryLambdas.create_0("commons", "kept", new CreateQueryLambdaTagRequest().tagName("stable").version(version));
        }
        try (RunningServer second = new RunningServer(dir)) {
            RocksetClient c = new RocksetClient(RunningServer.KEY, second.url());
            QueryResponse r = c.queryLambdas.execute("commons", "kept", "stable", new ExecuteQueryLambdaRequest());
            assertThat(((Map<?, ?>) r.getResults().get(0)).get("n")).isEqualTo(5.0);
            assertThat(c.queryLambdas.get("commons", "kept", "stable").getData().getVersion().getVersion())
                    .isEqualTo(version);
        }
    }
}
