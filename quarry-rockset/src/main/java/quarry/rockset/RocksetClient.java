package quarry.rockset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * A typed client of the Rockset REST API over {@code java.net.http}: workspaces, collections,
 * documents, views, aliases and queries. Numbers keep their JSON precision (the official Java
 * client reads every number as a double). Retryable failures are retried by the
 * {@link RetryPolicy}; every other error surfaces as a {@link RocksetApiException} carrying the
 * server's message. The API key is sent in the {@code Authorization} header and nowhere else.
 */
public final class RocksetClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RocksetTransport transport;
    private final AtomicLong serverElapsedMillis = new AtomicLong();
    private final RunningQueries running = new RunningQueries();
    private final List<BiConsumer<String, String>> relationChanges = new CopyOnWriteArrayList<>();

    public RocksetClient(URI baseUrl, String apiKey, RetryPolicy retryPolicy, Duration requestTimeout, String userAgent) {
        this.transport = new RocksetTransport(baseUrl, apiKey, retryPolicy, requestTimeout, userAgent);
    }

    public URI baseUrl() {
        return transport.baseUrl();
    }

    /** The sum of {@code stats.elapsed_time_ms} the server reported for this client's queries. */
    public long serverElapsedMillis() {
        return serverElapsedMillis.get();
    }

    /** How many HTTP requests this client has sent, retries included. */
    public long requestCount() {
        return transport.requestCount();
    }

    /**
     * Registers {@code listener} to be told, before the request is sent, of every request of this
     * client that creates, changes or deletes a collection, view or alias ({@code (workspace,
     * name)}) or deletes a workspace ({@code (workspace, null)}).
     */
    public void onRelationChange(BiConsumer<String, String> listener) {
        relationChanges.add(listener);
    }

    private void changing(String workspace, String name) {
        relationChanges.forEach(listener -> listener.accept(workspace, name));
    }

    // ---- organization and workspaces ----

    public JsonNode organization() {
        return send("GET", "/v1/orgs/self", null).path("data");
    }

    public List<JsonNode> listWorkspaces() {
        return list(send("GET", "/v1/orgs/self/ws", null));
    }

    public Optional<JsonNode> getWorkspace(String workspace) {
        return optional(() -> send("GET", ws(workspace), null).path("data"));
    }

    /** Creates the workspace; one that already exists is left as it is. Returns whether it was created. */
    public boolean ensureWorkspace(String workspace) {
        try {
            send("POST", "/v1/orgs/self/ws", object().put("name", workspace));
            return true;
        } catch (RocksetApiException e) {
            if (e.status() != 409) {
                throw e;
            }
            return false;
        }
    }

    /** Deletes the workspace; returns false when it did not exist. */
    public boolean deleteWorkspace(String workspace) {
        changing(workspace, null);
        return deleted(() -> send("DELETE", ws(workspace), null));
    }

    // ---- collections and documents ----

    public JsonNode createCollection(String workspace, String name) {
        changing(workspace, name);
        return send("POST", ws(workspace) + "/collections", object().put("name", name)).path("data");
    }

    /** Sets a collection's description ({@code PUT …/collections/{c}}). */
    public JsonNode updateCollection(String workspace, String name, String description) {
        return send("PUT", collection(workspace, name), object().put("description", description)).path("data");
    }

    public Optional<JsonNode> getCollection(String workspace, String name) {
        return optional(() -> send("GET", collection(workspace, name), null).path("data"));
    }

    public List<JsonNode> listCollections(String workspace) {
        return list(send("GET", ws(workspace) + "/collections", null));
    }

    public boolean deleteCollection(String workspace, String name) {
        changing(workspace, name);
        return deleted(() -> send("DELETE", collection(workspace, name), null));
    }

    /** The outcome of a document write: the commit fence to wait for, and each document's status. */
    public record WriteResult(Optional<String> lastOffset, List<JsonNode> statuses) {
        public WriteResult {
            statuses = List.copyOf(statuses);
        }
    }

    public WriteResult addDocuments(String workspace, String name, List<? extends JsonNode> documents) {
        ObjectNode body = object();
        body.putArray("data").addAll(documents);
        return writeResult(send("POST", collection(workspace, name) + "/docs", body));
    }

    public WriteResult deleteDocuments(String workspace, String name, List<String> ids) {
        ObjectNode body = object();
        ArrayNode data = body.putArray("data");
        ids.forEach(id -> data.addObject().put("_id", id));
        return writeResult(send("DELETE", collection(workspace, name) + "/docs", body));
    }

    /** Whether the writes up to {@code fence} are visible to queries. */
    public boolean commitFencePassed(String workspace, String name, String fence) {
        JsonNode answer = send("GET", collection(workspace, name) + "/offsets/commit?fence=" + encode(fence), null);
        return answer.path("data").path("passed").asBoolean(false);
    }

    // ---- views and aliases ----

    public JsonNode createView(String workspace, String name, String sql, String description) {
        changing(workspace, name);
        ObjectNode body = object().put("name", name).put("query", sql).put("description", description);
        return send("POST", ws(workspace) + "/views", body).path("data");
    }

    public JsonNode updateView(String workspace, String name, String sql, String description) {
        changing(workspace, name);
        ObjectNode body = object().put("query", sql).put("description", description);
        return send("POST", ws(workspace) + "/views/" + encode(name), body).path("data");
    }

    public Optional<JsonNode> getView(String workspace, String name) {
        return optional(() -> send("GET", ws(workspace) + "/views/" + encode(name), null).path("data"));
    }

    public List<JsonNode> listViews(String workspace) {
        return list(send("GET", ws(workspace) + "/views", null));
    }

    public boolean deleteView(String workspace, String name) {
        changing(workspace, name);
        return deleted(() -> send("DELETE", ws(workspace) + "/views/" + encode(name), null));
    }

    public JsonNode createAlias(String workspace, String name, List<String> collections, String description) {
        changing(workspace, name);
        ObjectNode body = object().put("name", name).put("description", description);
        collections.forEach(body.putArray("collections")::add);
        return send("POST", ws(workspace) + "/aliases", body).path("data");
    }

    public JsonNode updateAlias(String workspace, String name, List<String> collections, String description) {
        changing(workspace, name);
        ObjectNode body = object().put("description", description);
        collections.forEach(body.putArray("collections")::add);
        return send("POST", ws(workspace) + "/aliases/" + encode(name), body).path("data");
    }

    public Optional<JsonNode> getAlias(String workspace, String name) {
        return optional(() -> send("GET", ws(workspace) + "/aliases/" + encode(name), null).path("data"));
    }

    public List<JsonNode> listAliases(String workspace) {
        return list(send("GET", ws(workspace) + "/aliases", null));
    }

    public boolean deleteAlias(String workspace, String name) {
        changing(workspace, name);
        return deleted(() -> send("DELETE", ws(workspace) + "/aliases/" + encode(name), null));
    }

    // ---- queries ----

    public QueryResult query(QueryRequest request) {
        ObjectNode sql = object().put("query", request.sql());
        ArrayNode parameters = sql.putArray("parameters");
        for (QueryRequest.Parameter p : request.parameters()) {
            ObjectNode parameter = parameters.addObject();
            if (p.name() != null) {
                parameter.put("name", p.name());
            }
            parameter.put("type", p.type()).put("value", p.value());
        }
        if (request.defaultRowLimit() != null) {
            sql.put("default_row_limit", request.defaultRowLimit());
        }
        ObjectNode body = object();
        body.set("sql", sql);
        if (request.async()) {
            body.put("async", true);
            if (request.clientTimeoutMs() != null) {
                body.putObject("async_options").put("client_timeout_ms", request.clientTimeoutMs());
            }
        }
        if (request.timeoutMs() != null) {
            body.put("timeout_ms", request.timeoutMs());
        }
        if (request.maxInitialResults() != null) {
            body.put("max_initial_results", request.maxInitialResults());
        }
        String path = request.virtualInstance() == null
                ? "/v1/orgs/self/queries"
                : "/v1/orgs/self/virtualinstances/" + encode(request.virtualInstance()) + "/queries";
        if (!request.async()) {
            return queryResult(send("POST", path, body));
        }
        return running.submit(() -> queryResult(send("POST", path, body)));
    }

    /**
     * Cancels ({@code DELETE /queries/{id}}) every asynchronous query of this client that has not been
     * seen done, as Ctrl-C does; returns their ids. Synchronous queries end with their request.
     */
    public List<String> cancelRunning() {
        List<String> cancelled = new ArrayList<>();
        for (String id : running.awaitAndList(transport.requestTimeout().toMillis())) {
            try {
                cancelQuery(id);
                cancelled.add(id);
            } catch (RocksetApiException e) {
                // it finished between the listing and the cancel: nothing left to stop
            }
            running.done(id);
        }
        return cancelled;
    }

    /** The status of a query as {@code GET /queries/{id}} reports it (the {@code data} object plus the top-level {@code last_offset}). */
    public record QueryStatus(String status, Optional<String> lastOffset, Optional<String> error) {
        public boolean isDone() {
            return !status.equals("QUEUED") && !status.equals("RUNNING");
        }
    }

    public QueryStatus queryStatus(String queryId) {
        JsonNode answer = send("GET", "/v1/orgs/self/queries/" + encode(queryId), null);
        JsonNode data = answer.path("data");
        Optional<String> lastOffset = text(answer.get("last_offset")).or(() -> text(data.get("last_offset")));
        Optional<String> error = data.path("query_errors").isArray() && !data.path("query_errors").isEmpty()
                ? text(data.path("query_errors").get(0).get("message"))
                : Optional.empty();
        QueryStatus status = new QueryStatus(data.path("status").asText(""), lastOffset, error);
        if (status.isDone()) {
            running.done(queryId);
        }
        return status;
    }

    /** One page of a query's results, from {@code cursor} (null for the first page). */
    public QueryResult queryPage(String queryId, String cursor, int docs) {
        String path = "/v1/orgs/self/queries/" + encode(queryId) + "/pages?docs=" + docs
                + (cursor == null ? "" : "&cursor=" + encode(cursor));
        JsonNode answer = send("GET", path, null);
        return new QueryResult(queryId, "COMPLETED", Optional.empty(), rows(answer.path("results")),
                Optional.empty(), text(answer.path("pagination").get("next_cursor")), 0);
    }

    public void cancelQuery(String queryId) {
        deleted(() -> send("DELETE", "/v1/orgs/self/queries/" + encode(queryId), null));
    }

    // ---- transport ----

    JsonNode send(String method, String pathAndQuery, JsonNode body) {
        return transport.send(method, pathAndQuery, body);
    }

    private QueryResult queryResult(JsonNode answer) {
        Optional<List<String>> columns = Optional.empty();
        if (answer.path("column_fields").isArray()) {
            List<String> names = new ArrayList<>();
            answer.path("column_fields").forEach(f -> names.add(f.path("name").asText()));
            columns = Optional.of(names);
        }
        long elapsed = answer.path("stats").path("elapsed_time_ms").asLong(0);
        serverElapsedMillis.addAndGet(elapsed);
        return new QueryResult(answer.path("query_id").asText(""), answer.path("status").asText("COMPLETED"),
                columns, rows(answer.path("results")), text(answer.get("last_offset")),
                text(answer.path("pagination").get("next_cursor")), elapsed);
    }

    private static List<ObjectNode> rows(JsonNode results) {
        List<ObjectNode> rows = new ArrayList<>(results.size());
        results.forEach(r -> rows.add(r.isObject() ? (ObjectNode) r : JSON.createObjectNode()));
        return rows;
    }

    private static WriteResult writeResult(JsonNode answer) {
        List<JsonNode> statuses = new ArrayList<>();
        answer.path("data").forEach(statuses::add);
        return new WriteResult(text(answer.get("last_offset")), statuses);
    }

    static List<JsonNode> list(JsonNode answer) {
        List<JsonNode> items = new ArrayList<>();
        answer.path("data").forEach(items::add);
        return items;
    }

    static Optional<JsonNode> optional(java.util.function.Supplier<JsonNode> call) {
        try {
            return Optional.of(call.get());
        } catch (RocksetApiException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static boolean deleted(java.util.function.Supplier<JsonNode> call) {
        return optional(call).isPresent();
    }

    private static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static String ws(String workspace) {
        return "/v1/orgs/self/ws/" + encode(workspace);
    }

    private static String collection(String workspace, String name) {
        return ws(workspace) + "/collections/" + encode(name);
    }

    static String encode(String segment) {
        return RocksetTransport.encode(segment);
    }

    private static Optional<String> text(JsonNode node) {
        return RocksetTransport.text(node);
    }

    @Override
    public String toString() {
        return "RocksetClient[" + transport.baseUrl() + "]";
    }
}
