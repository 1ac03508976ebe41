package quarry.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rockset.client.ApiException;
import com.rockset.client.RocksetClient;
import com.rockset.client.model.AddDocumentsRequest;
import com.rockset.client.model.AddDocumentsResponse;
import com.rockset.client.model.AsyncQueryOptions;
import com.rockset.client.model.Collection;
import com.rockset.client.model.CreateAliasRequest;
import com.rockset.client.model.CreateCollectionRequest;
import com.rockset.client.model.CreateViewRequest;
import com.rockset.client.model.CreateWorkspaceRequest;
import com.rockset.client.model.DeleteDocumentsRequest;
import com.rockset.client.model.DeleteDocumentsRequestData;
import com.rockset.client.model.DocumentStatus;
import com.rockset.client.model.GetCollectionCommitRequest;
import com.rockset.client.model.PatchDocument;
import com.rockset.client.model.PatchDocumentsRequest;
import com.rockset.client.model.PatchOperation;
import com.rockset.client.model.QueryInfo;
import com.rockset.client.model.QueryParameter;
import com.rockset.client.model.QueryPaginationResponse;
import com.rockset.client.model.QueryRequest;
import com.rockset.client.model.QueryRequestSql;
import com.rockset.client.model.QueryResponse;
import com.rockset.client.model.UpdateAliasRequest;
import com.rockset.client.model.UpdateViewRequest;
import com.rockset.client.model.View;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every endpoint of issue 3, driven only through the official client com.rockset:rockset-java:0.13.0. */
class RocksetClientConformanceTest {

    private static RunningServer server;
    private static RocksetClient client;

    @BeforeAll
    static void start() {
        server = new RunningServer();
        client = new RocksetClient(RunningServer.KEY, server.url());
    }

    @AfterAll
    static void stop() {
        System.out.println(server.logText());
        server.close();
    }

    private static QueryResponse sql(String query) throws Exception {
        return client.queries.query(new QueryRequest().sql(new QueryRequestSql().query(query)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(QueryResponse r, int i) {
        return (Map<String, Object>) r.getResults().get(i);
    }

    /** A mutable document: the client's CustomDocumentsApi rewrites values in place. */
    private static Map<String, Object> doc(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static void collection(String ws, String name) throws Exception {
        client.collections.create(ws, new CreateCollectionRequest().name(name));
    }

    private static List<DocumentStatus> add(String ws, String coll, Object... docs) throws Exception {
        AddDocumentsRequest req = new AddDocumentsRequest();
        for (Object d : docs) {
            req.addDataItem(d);
        }
        AddDocumentsResponse r = client.documents.add(ws, coll, req);
        return r.getData();
    }

    @Test
    void organizationHasAnId() throws Exception {
        assertThat(client.organizations.get().getData().getId()).isNotBlank();
    }

    @Test
    void workspacesAreCreatedListedFetchedAndDeletedButNotWhenNonEmpty() throws Exception {
        var created = client.workspaces.create(new CreateWorkspaceRequest().name("ws_life").description("d"));
        assertThat(created.getData().getName()).isEqualTo("ws_life");
        assertThat(client.workspaces.get("ws_life").getData().getDescription()).isEqualTo("d");
        assertThat(client.workspaces.list().getData()).extracting(w -> w.getName()).contains("commons", "ws_life");
        collection("ws_life", "c");
        assertThatThrownBy(() -> client.workspaces.delete("ws_life"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(409));
        client.collections.delete("ws_life", "c");
        assertThat(client.workspaces.delete("ws_life").getData().getName()).isEqualTo("ws_life");
        assertThatThrownBy(() -> client.workspaces.get("ws_life"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("Workspace with name \"ws_life\" does not exist");
                });
        assertThatThrownBy(() -> client.workspaces.create(new CreateWorkspaceRequest().name("bad name")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(400));
    }

    @Test
    void collectionIsCreatedThenReadyWithLiveStatsAndGoneAfterDelete() throws Exception {
        var created = client.collections.create("commons", new CreateCollectionRequest().name("life"));
        assertThat(created.getData().getStatus()).isEqualTo(Collection.StatusEnum.CREATED);
        assertThat(client.collections.get("commons", "life").getData().getStatus())
                .isEqualTo(Collection.StatusEnum.READY);
        add("commons", "life", doc("a", 1), doc("a", 2));
        Collection c = client.collections.get("commons", "life").getData();
        assertThat(c.getStats().getDocCount()).isEqualTo(2L);
        assertThat(c.getStats().getBytesInserted()).isPositive();
        assertThat(client.collections.workspace("commons").getData()).extracting(Collection::getName).contains("life");
        client.collections.update("commons", "life",
                new com.rockset.client.model.UpdateCollectionRequest().description("updated"));
        assertThat(client.collections.get("commons", "life").getData().getDescription()).isEqualTo("updated");
        assertThat(client.collections.list().getData()).extracting(Collection::getName).contains("life");
        client.collections.delete("commons", "life");
        assertThatThrownBy(() -> client.collections.get("commons", "life"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getMessage()).isEqualTo("Collection \"life\" does not exist in workspace \"commons\"");
                });
        assertThatThrownBy(() -> collection("commons", "bad.name"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(400));
        collection("commons", "twice");
        assertThatThrownBy(() -> collection("commons", "twice"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    }

    @Test
    void documentsAreAddedWithGeneratedIdsReplacedPatchedAndDeleted() throws Exception {
        collection("commons", "docs");
        List<DocumentStatus> statuses = add("commons", "docs", doc("_id", "a", "n", 1, "tags", new ArrayList<>(List.of("x"))),
                doc("n", 2), doc("_id", 5));
        assertThat(statuses).hasSize(3);
        assertThat(statuses.get(0).getStatus()).isEqualTo(DocumentStatus.StatusEnum.ADDED);
        assertThat(statuses.get(0).getId()).isEqualTo("a");
        assertThat(statuses.get(1).getId()).isNotBlank();
        assertThat(statuses.get(2).getStatus()).isEqualTo(DocumentStatus.StatusEnum.ERROR);

        add("commons", "docs", doc("_id", "a", "m", "replaced"));
        QueryResponse r = sql("SELECT * FROM docs WHERE _id = 'a'");
        assertThat(row(r, 0)).containsEntry("m", "replaced").doesNotContainKey("n");

        var patch = new PatchDocumentsRequest().addDataItem(new PatchDocument().id("a")
                .addPatchItem(new PatchOperation().op(PatchOperation.OpEnum.REPLACE).path("/m").value("patched"))
                .addPatchItem(new PatchOperation().op(PatchOperation.OpEnum.ADD).path("/k").value(7)));
        var patched = client.documents.patch("commons", "docs", patch).getData();
        assertThat(patched.get(0).getStatus()).isEqualTo(DocumentStatus.StatusEnum.PATCHED);
        assertThat(patched.get(0).getPatchId()).isNotBlank();
        assertThat(row(sql("SELECT m, k FROM docs WHERE _id = 'a'"), 0)).containsEntry("m", "patched")
                .containsEntry("k", 7.0);

        var deleted = client.documents.delete("commons", "docs",
                new DeleteDocumentsRequest().addDataItem(new DeleteDocumentsRequestData().id("a"))).getData();
        assertThat(deleted.get(0).getStatus()).isEqualTo(DocumentStatus.StatusEnum.DELETED);
        assertThat(sql("SELECT * FROM docs WHERE _id = 'a'").getResults()).isEmpty();
        assertThat(row(sql("SELECT count(*) FROM docs"), 0)).containsEntry("?count", 1.0);
    }

    @Test
    void javaTimeValuesRoundTripAsTypedValues() throws Exception {
        collection("commons", "typed");
        add("commons", "typed", doc("_id", "t", "day", LocalDate.of(2020, 3, 2)));
        @SuppressWarnings("unchecked")
        Map<String, Object> day = (Map<String, Object>) row(sql("SELECT day FROM typed"), 0).get("day");
        assertThat(day).containsEntry("__rockset_type", "DATE").containsEntry("value", "2020-03-02");
        assertThat(row(sql("SELECT typeof(day) AS t FROM typed"), 0)).containsEntry("t", "date");
    }

    @Test
    void commitFenceHasPassedOnceAWriteIsAcknowledged() throws Exception {
        collection("commons", "fenced");
        var response = client.documents.add("commons", "fenced", new AddDocumentsRequest().addDataItem(doc("x", 1)));
        String fence = response.getLastOffset();
        assertThat(fence).isNotBlank();
        var commit = client.collections.get_0("commons", "fenced", new GetCollectionCommitRequest().name(List.of(fence)));
        assertThat(commit.getData().isPassed()).isTrue();
    }

    @Test
    void viewsAreCreatedWithEntitiesQueriedUpdatedAndDeleted() throws Exception {
        collection("commons", "vsrc");
        add("commons", "vsrc", doc("_id", "1", "k", "a"), doc("_id", "2", "k", "b"));
        View v = client.views.create("commons", new CreateViewRequest().name("v1")
                .query("SELECT * FROM commons.vsrc WHERE vsrc.k = 'a'").description("only a")).getData();
        assertThat(v.getName()).isEqualTo("v1");
        assertThat(v.getQuerySql()).isEqualTo("SELECT * FROM commons.vsrc WHERE vsrc.k = 'a'");
        assertThat(v.getDescription()).isEqualTo("only a");
        assertThat(v.getEntities()).containsExactly("commons.vsrc");
        assertThat(sql("SELECT _id FROM v1").getResults()).hasSize(1);
        assertThat(client.views.workspace("commons").getData()).extracting(View::getName).contains("v1");
        assertThat(client.views.list().getData()).extracting(View::getName).contains("v1");
        client.views.update("commons", "v1", new UpdateViewRequest().query("SELECT k FROM vsrc"));
        assertThat(client.views.get("commons", "v1").getData().getQuerySql()).isEqualTo("SELECT k FROM vsrc");
        assertThat(sql("SELECT * FROM commons.v1").getResults()).hasSize(2);
        client.views.delete("commons", "v1");
        assertThatThrownBy(() -> client.views.get("commons", "v1"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    }

    @Test
    void aliasesResolveInFromAndRepointAtomically() throws Exception {
        collection("commons", "blue");
        collection("commons", "green");
        add("commons", "blue", doc("color", "blue"));
        add("commons", "green", doc("color", "green"));
        client.aliases.create("commons", new CreateAliasRequest().name("live").addCollectionsItem("commons.blue"));
        assertThat(row(sql("SELECT color FROM live"), 0)).containsEntry("color", "blue");
        client.aliases.update("commons", "live", new UpdateAliasRequest().addCollectionsItem("commons.green"));
        assertThat(client.aliases.get("commons", "live").getData().getCollections()).containsExactly("commons.green");
        assertThat(row(sql("SELECT color FROM commons.live"), 0)).containsEntry("color", "green");
        assertThat(client.aliases.workspace("commons").getData()).extracting(a -> a.getName()).contains("live");
        assertThat(client.aliases.list().getData()).extracting(a -> a.getName()).contains("live");
        client.aliases.delete("commons", "live");
        assertThatThrownBy(() -> client.aliases.get("commons", "live")).isInstanceOf(ApiException.class);
    }

    @Test
    void queriesBindNamedAndPositionalParametersAndApplyTheDefaultRowLimit() throws Exception {
        QueryResponse named = client.queries.query(new QueryRequest().sql(new QueryRequestSql()
                .query("SELECT :name AS echo, :n + 1 AS next").addParametersItem(
                        new QueryParameter().name("name").type("string").value("hi"))
                .addParametersItem(new QueryParameter().name("n").type("int").value("41"))));
        assertThat(row(named, 0)).containsEntry("echo", "hi").containsEntry("next", 42.0);
        assertThat(named.getColumnFields()).extracting(f -> f.getName()).containsExactly("echo", "next");
        assertThat(named.getQueryId()).isNotBlank();
        assertThat(named.getStatus()).isEqualTo(QueryResponse.StatusEnum.COMPLETED);

        QueryResponse positional = client.queries.query(new QueryRequest().sql(new QueryRequestSql()
                .query("SELECT :1, :2").addParametersItem(new QueryParameter().type("int").value("1"))
                .addParametersItem(new QueryParameter().type("string").value("two"))));
        assertThat(row(positional, 0)).containsEntry("?field0", 1.0).containsEntry("?field1", "two");

        collection("commons", "limited");
        List<Object> docs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            docs.add(doc("i", i));
        }
        client.documents.add("commons", "limited", new AddDocumentsRequest().data(docs));
        QueryResponse limited = client.queries.query(new QueryRequest().sql(new QueryRequestSql()
                .query("SELECT i FROM limited").defaultRowLimit(7)));
        assertThat(limited.getResults()).hasSize(7);
        assertThat(limited.getCollections()).containsExactly("commons.limited");
        QueryResponse star = sql("SELECT * FROM limited LIMIT 1");
        assertThat(star.getColumnFields()).isNull();
    }

    @Test
    void maxInitialResultsPaginatesThroughPages() throws Exception {
        collection("commons", "paged");
        List<Object> docs = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            docs.add(doc("i", i));
        }
        client.documents.add("commons", "paged", new AddDocumentsRequest().data(docs));
        QueryResponse first = client.queries.query(new QueryRequest().maxInitialResults(10L)
                .sql(new QueryRequestSql().query("SELECT i FROM paged ORDER BY i")));
        assertThat(first.getResults()).hasSize(10);
        List<Object> all = new ArrayList<>(first.getResults());
        String cursor = first.getPagination().getNextCursor();
        while (cursor != null && !cursor.isEmpty()) {
            QueryPaginationResponse page = client.queries.get_0(first.getQueryId(), cursor, 10, 0);
            all.addAll(page.getResults());
            cursor = page.getPagination().getNextCursor();
        }
        assertThat(all).hasSize(25);
        assertThat(((Map<?, ?>) all.get(24)).get("i")).isEqualTo(24.0);
    }

    @Test
    void asyncQueriesCompleteAndServeTheirResults() throws Exception {
        QueryResponse queued = client.queries.query(new QueryRequest().async(true)
                .sql(new QueryRequestSql().query("SELECT 41 + 1 AS answer")));
        String id = queued.getQueryId();
        QueryInfo info = client.queries.get(id).getData();
        for (int i = 0; i < 200 && info.getStatus() != QueryInfo.StatusEnum.COMPLETED; i++) {
            Thread.sleep(25);
            info = client.queries.get(id).getData();
        }
        assertThat(info.getStatus()).isEqualTo(QueryInfo.StatusEnum.COMPLETED);
        assertThat(info.getExpiresAt()).isNotBlank();
        QueryPaginationResponse page = client.queries.get_0(id, null, null, null);
        assertThat(((Map<?, ?>) page.getResults().get(0)).get("answer")).isEqualTo(42.0);

        QueryResponse inline = client.queries.query(new QueryRequest().asyncOptions(
                new AsyncQueryOptions().clientTimeoutMs(30_000L)).sql(new QueryRequestSql().query("SELECT 1 AS one")));
        assertThat(inline.getStatus()).isEqualTo(QueryResponse.StatusEnum.COMPLETED);
        assertThat(row(inline, 0)).containsEntry("one", 1.0);
        assertThat(client.queries.list().getData()).isNotNull();
    }

    @Test
    void cancellingARunningAsyncQueryStopsIt() throws Exception {
        bigCollection("slow");
        QueryResponse queued = client.queries.query(new QueryRequest().async(true).sql(new QueryRequestSql()
                .query("SELECT count(*) FROM slow a, slow b, slow c WHERE a.i + b.i * c.i = -1")));
        String id = queued.getQueryId();
        var cancelled = client.queries.cancel(id);
        assertThat(cancelled.getData().getStatus()).isEqualTo(QueryInfo.StatusEnum.CANCELLED);
        assertThat(client.queries.get(id).getData().getStatus()).isEqualTo(QueryInfo.StatusEnum.CANCELLED);
    }

    private static void bigCollection(String name) throws Exception {
        collection("commons", name);
        List<Object> docs = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            docs.add(doc("i", i));
        }
        client.documents.add("commons", name, new AddDocumentsRequest().data(docs));
    }

    @Test
    void synchronousQueryPastItsTimeoutIsA408() throws Exception {
        bigCollection("slow408");
        assertThatThrownBy(() -> client.queries.query(new QueryRequest().timeoutMs(300L).sql(new QueryRequestSql()
                .query("SELECT count(*) FROM slow408 a, slow408 b, slow408 c WHERE a.i + b.i * c.i = -1"))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(408);
                    assertThat(e.getMessage()).startsWith("Query timeout reached.");
                });
    }

    @Test
    void validationsParseWithoutRunning() throws Exception {
        collection("commons", "valid");
        var v = client.queries.validate(new QueryRequest().sql(new QueryRequestSql().query("SELECT * FROM valid")));
        assertThat(v.getCollections()).containsExactly("commons.valid");
        assertThatThrownBy(() -> client.queries.validate(new QueryRequest().sql(new QueryRequestSql()
                .query("SELECT FROM WHERE")))).isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.getCode()).isEqualTo(400));
    }

    @Test
    void insertIntoUpsertsByIdAndDeletesWithOp() throws Exception {
        collection("commons", "ins");
        QueryResponse r = sql("INSERT INTO commons.ins SELECT 'a' AS _id, 1 AS v UNION ALL SELECT 'b', 2");
        assertThat(row(r, 0)).containsEntry("num_docs_inserted", 2.0);
        assertThat(r.getResults()).hasSize(1);
        assertThat(r.getLastOffset()).isNotBlank();
        sql("INSERT INTO ins SELECT 'a' AS _id, 10 AS v");
        sql("INSERT INTO ins SELECT _id, 'DELETE' AS _op FROM ins WHERE _id = 'b'");
        QueryResponse all = sql("SELECT _id, v FROM ins ORDER BY _id");
        assertThat(all.getResults()).hasSize(1);
        assertThat(row(all, 0)).containsEntry("_id", "a").containsEntry("v", 10.0);
    }

    @Test
    void describeReportsOneRowPerPathAndType() throws Exception {
        collection("commons", "desc");
        add("commons", "desc", doc("age", 1, "o", doc("x", "s")), doc("age", "old"));
        QueryResponse r = sql("DESCRIBE commons.desc");
        List<String> rows = new ArrayList<>();
        for (Object o : r.getResults()) {
            Map<?, ?> m = (Map<?, ?>) o;
            rows.add(m.get("field") + " " + m.get("type") + " " + m.get("occurrences") + " " + m.get("total"));
        }
        assertThat(rows).contains("[age] int 1.0 2.0", "[age] string 1.0 2.0", "[o] object 1.0 2.0",
                "[o, x] string 1.0 1.0", "[_id] string 2.0 2.0", "[_event_time] timestamp 2.0 2.0");
        List<String> top = new ArrayList<>();
        for (Object o : sql("DESCRIBE desc OPTION(max_field_depth=1)").getResults()) {
            top.add(String.valueOf(((Map<?, ?>) o).get("field")));
        }
        assertThat(top).doesNotContain("[o, x]").contains("[o]");
    }

    @Test
    void sqlErrorsAreQueryErrorsWithPositions() {
        assertThatThrownBy(() -> sql("SELECT COUT(*) FROM _events"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("Function `COUT` not found.");
                });
        assertThatThrownBy(() -> sql("SELECT * FROM commons.missing_coll"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("missing_coll");
                });
    }

    @Test
    void virtualInstanceQueryRouteIsAnAlias() throws Exception {
        QueryResponse r = client.virtualInstances.query("default", new QueryRequest()
                .sql(new QueryRequestSql().query("SELECT 'vi' AS via")));
        assertThat(row(r, 0)).containsEntry("via", "vi");
        var vis = client.virtualInstances.list().getData();
        assertThat(vis).hasSize(1);
        assertThat(vis.get(0).isDefaultVi()).isTrue();
    }
}
