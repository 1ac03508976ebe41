package quarry.rockset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import quarry.core.adapter.AdapterConnection;
import quarry.core.adapter.BuildRequest;
import quarry.core.adapter.BuildResult;
import quarry.core.adapter.Column;
import quarry.core.adapter.Materializations;
import quarry.core.adapter.QueryResult;
import quarry.core.adapter.Relation;
import quarry.core.adapter.RelationType;

/**
 * A session with a Rockset API server: runs SQL, answers dbt's relation questions (aliases and
 * collections are tables, views are views), and builds nodes with the materializations of this
 * package. Thread-safe: it holds no per-statement state.
 */
public final class RocksetConnection implements AdapterConnection, Materializations {

    private final RocksetClient client;
    private final RelationOperations operations;
    private final Map<String, Materialization> materializations;
    private final Runnable onClose;

    /** One materialization of this adapter: {@code view}, {@code table}, {@code incremental}, {@code seed}, {@code snapshot}. */
    interface Materialization {
        BuildResult build(BuildRequest request);
    }

    public RocksetConnection(RocksetClient client, RelationOperations operations, Runnable onClose) {
        this.client = Objects.requireNonNull(client, "client");
        this.operations = Objects.requireNonNull(operations, "operations");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
        Map<String, Materialization> all = new LinkedHashMap<>();
        all.put("view", new ViewMaterialization(operations));
        all.put("table", new TableMaterialization(operations));
        all.put("incremental", new IncrementalMaterialization(operations, this));
        all.put("seed", new SeedMaterialization(operations));
        all.put("snapshot", new SnapshotMaterialization(operations, this, java.time.Clock.systemUTC()));
        all.put("query_lambda", new QueryLambdaMaterialization(operations, new QueryLambdas(client)));
        this.materializations = Map.copyOf(all);
    }

    public RocksetClient client() {
        return client;
    }

    @Override
    public Set<String> supported() {
        return materializations.keySet();
    }

    @Override
    public BuildResult build(BuildRequest request) {
        Materialization materialization = materializations.get(request.materialization());
        if (materialization == null) {
            throw new IllegalArgumentException("the rockset adapter has no materialization '" + request.materialization() + "'");
        }
        return materialization.build(request);
    }

    @Override
    public QueryResult execute(String sql, boolean fetch) {
        Optional<DdlStatement> ddl = DdlStatement.parse(sql);
        if (ddl.isPresent() && ddl.get().kind() == DdlStatement.Kind.VIEW) {
            operations.createOrReplaceView(ddl.get().workspace(), ddl.get().name(), ddl.get().query());
            return new QueryResult("OK", 0, List.of(), List.of());
        }
        if (ddl.isPresent()) {
            // built as the table materialization builds one: aside, then swapped in for readers
            DdlStatement table = ddl.get();
            BuildResult built = build(new BuildRequest("table." + table.workspace() + "." + table.name(), "table",
                    RocksetRelation.of(table.workspace(), table.name(), RelationType.TABLE), table.query(), Map.of(),
                    true, false, Optional.empty()));
            return new QueryResult(built.message(), built.rowsAffected().orElse(0L), List.of(), List.of());
        }
        quarry.rockset.QueryResult result = client.query(QueryRequest.of(sql));
        if (!result.isDone()) {
            throw new RocksetApiException(500, "INTERNALERROR", "the server answered a synchronous query as "
                    + result.status(), null, null, result.queryId());
        }
        List<ObjectNode> rows = new ArrayList<>(result.rows());
        Optional<String> cursor = result.nextCursor();
        while (fetch && cursor.isPresent()) {
            quarry.rockset.QueryResult page = client.queryPage(result.queryId(), cursor.get(), 10_000);
            rows.addAll(page.rows());
            cursor = page.nextCursor();
        }
        long affected = rows.size() == 1 && rows.get(0).has("num_docs_inserted")
                ? rows.get(0).get("num_docs_inserted").asLong() : rows.size();
        if (!fetch) {
            return new QueryResult("OK", affected, List.of(), List.of());
        }
        List<String> columns = result.columnNames().orElseGet(() -> keysOf(rows));
        List<List<Object>> values = new ArrayList<>(rows.size());
        for (ObjectNode row : rows) {
            List<Object> value = new ArrayList<>(columns.size());
            for (String column : columns) {
                value.add(RocksetValues.toJava(row.get(column)));
            }
            values.add(value);
        }
        return new QueryResult("OK", affected, columns, values);
    }

    private static List<String> keysOf(List<ObjectNode> rows) {
        Set<String> keys = new LinkedHashSet<>();
        for (ObjectNode row : rows) {
            for (Iterator<String> names = row.fieldNames(); names.hasNext(); ) {
                keys.add(names.next());
            }
        }
        return List.copyOf(keys);
    }

    @Override
    public Optional<Relation> getRelation(String database, String schema, String identifier) {
        return operations.find(schema, identifier).map(RocksetConnection::relation);
    }

    @Override
    public List<Relation> listRelations(String database, String schema) {
        if (client.getWorkspace(schema).isEmpty()) {
            return List.of();
        }
        return operations.list(schema).stream().map(RocksetConnection::relation).toList();
    }

    static Relation relation(ExistingRelation existing) {
        return RocksetRelation.of(existing.workspace(), existing.name(),
                existing.isView() ? RelationType.VIEW : RelationType.TABLE);
    }

    /**
     * The top-level fields of a table (from {@code DESCRIBE} of its collection) or of a view (from
     * the documents it returns), each with its types joined by {@code /}, most frequent first.
     * Rockset's own fields {@code _id}, {@code _event_time} and {@code _meta} are left out.
     */
    @Override
    public List<Column> getColumnsInRelation(Relation relation) {
        Optional<ExistingRelation> existing = operations.find(relation.schema(), relation.identifier());
        if (existing.isEmpty()) {
            return List.of();
        }
        if (existing.get().isView()) {
            return RocksetValues.columnsOfRows(client.query(QueryRequest.of("SELECT * FROM "
                    + RelationOperations.quote(relation.schema()) + "." + RelationOperations.quote(relation.identifier())
                    + " LIMIT 1000")).rows());
        }
        String collection = existing.get().collection().orElse(relation.identifier());
        quarry.rockset.QueryResult described = client.query(QueryRequest.of("DESCRIBE "
                + RelationOperations.quote(relation.schema()) + "." + RelationOperations.quote(collection)
                + " OPTION(max_field_depth=1)"));
        return RocksetValues.columnsOfDescribe(described.rows());
    }

    /**
     * A view's description; a table's (alias or collection) description, with the collection's
     * {@code stats.doc_count} as {@code row_count} and {@code stats.bytes_inserted} as {@code bytes}.
     */
    @Override
    public Optional<quarry.core.adapter.RelationDetails> relationDetails(Relation relation) {
        Optional<ExistingRelation> existing = operations.find(relation.schema(), relation.identifier());
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        ExistingRelation found = existing.get();
        if (found.isView()) {
            String comment = client.getView(found.workspace(), found.name()).map(v -> v.path("description").asText(null))
                    .orElse(null);
            return Optional.of(new quarry.core.adapter.RelationDetails("VIEW", comment, Map.of()));
        }
        Map<String, Long> stats = new LinkedHashMap<>();
        String comment = found.kind() == ExistingRelation.Kind.ALIAS
                ? client.getAlias(found.workspace(), found.name()).map(a -> a.path("description").asText(null)).orElse(null)
                : null;
        Optional<JsonNode> collection = found.collection().flatMap(c -> client.getCollection(found.workspace(), c));
        if (collection.isPresent()) {
            JsonNode s = collection.get().path("stats");
            if (s.path("doc_count").isNumber()) {
                stats.put("row_count", s.path("doc_count").asLong());
            }
            if (s.path("bytes_inserted").isNumber()) {
                stats.put("bytes", s.path("bytes_inserted").asLong());
            }
            if (comment == null) {
                comment = collection.get().path("description").asText(null);
            }
        }
        return Optional.of(new quarry.core.adapter.RelationDetails("COLLECTION", comment, stats));
    }

    /**
     * Keeps a model's description on the server: a view is updated with its own SQL and the new
     * description; a table's alias and the collection behind it both get it.
     */
    @Override
    public void persistDescription(Relation relation, String description) {
        String text = description == null ? "" : description;
        ExistingRelation found = operations.find(relation.schema(), relation.identifier()).orElseThrow(() ->
                new RocksetApiException(404, "NotFound", relation.schema() + "." + relation.identifier()
                        + " does not exist, so its description cannot be kept", null, null, null));
        switch (found.kind()) {
            case VIEW -> {
                JsonNode view = client.getView(found.workspace(), found.name()).orElseThrow();
                client.updateView(found.workspace(), found.name(), view.path("query_sql").asText(), text);
            }
            case ALIAS -> {
                List<String> collections = new ArrayList<>();
                client.getAlias(found.workspace(), found.name()).orElseThrow().path("collections")
                        .forEach(c -> collections.add(c.asText()));
                client.updateAlias(found.workspace(), found.name(), collections, text);
                found.collection().ifPresent(c -> client.updateCollection(found.workspace(), c, text));
            }
            case COLLECTION -> client.updateCollection(found.workspace(), found.name(), text);
        }
    }

    @Override
    public void createSchema(String database, String schema) {
        operations.ensureWorkspace(schema);
    }

    /** Drops every query lambda, view, table and collection of the workspace, then the workspace. */
    @Override
    public void dropSchema(String database, String schema) {
        operations.forgetWorkspace(schema);
        if (client.getWorkspace(schema).isEmpty()) {
            return;
        }
        QueryLambdas lambdas = new QueryLambdas(client);
        for (JsonNode lambda : lambdas.list(schema)) {
            lambdas.delete(schema, lambda.path("name").asText());
        }
        for (JsonNode view : client.listViews(schema)) {
            client.deleteView(schema, view.path("name").asText());
        }
        for (JsonNode alias : client.listAliases(schema)) {
            client.deleteAlias(schema, alias.path("name").asText());
        }
        for (JsonNode collection : client.listCollections(schema)) {
            client.deleteCollection(schema, collection.path("name").asText());
        }
        client.deleteWorkspace(schema);
    }

    @Override
    public void dropRelation(Relation relation) {
        operations.find(relation.schema(), relation.identifier()).ifPresent(operations::drop);
    }

    @Override
    public void renameRelation(Relation from, Relation to) {
        throw new UnsupportedOperationException("Rockset cannot rename " + from + " to " + to
                + ": it has no rename; rebuild the model under its new name instead");
    }

    @Override
    public List<String> cancelOpen() {
        return client.cancelRunning();
    }

    /** The server-reported query time and the number of requests, which FanOutBench reads from logs/dbt.log. */
    @Override
    public Optional<String> usageSummary() {
        return Optional.of("Server-reported query time: " + client.serverElapsedMillis() + " ms over "
                + client.requestCount() + " requests");
    }

    @Override
    public void close() {
        onClose.run();
    }
}
