package quarry.rockset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import quarry.core.adapter.BuildRequest;
import quarry.core.adapter.BuildResult;
import quarry.core.adapter.Column;

/**
 * dbt's {@code incremental}: the first run and {@code --full-refresh} build a table; later runs
 * insert the model's rows into the table's collection. With a {@code unique_key} (any column or
 * list of columns, not only {@code _id}), each row carries a deterministic {@code _id} derived from
 * its key, so Rockset upserts it: see docs/adapter.md for the strategies and {@code on_schema_change}.
 */
final class IncrementalMaterialization implements RocksetConnection.Materialization {

    static final List<String> STRATEGIES = List.of("append", "merge", "delete+insert");
    static final List<String> SCHEMA_CHANGES = List.of("ignore", "append_new_columns", "sync_all_columns", "fail");

    private final RelationOperations operations;
    private final RocksetConnection connection;

    IncrementalMaterialization(RelationOperations operations, RocksetConnection connection) {
        this.operations = operations;
        this.connection = connection;
    }

    @Override
    public BuildResult build(BuildRequest request) {
        List<String> keys = uniqueKey(request.config("unique_key", null));
        String strategy = strategy(request, keys);
        String onSchemaChange = String.valueOf(request.config("on_schema_change", "ignore")).toLowerCase(Locale.ROOT);
        if (!SCHEMA_CHANGES.contains(onSchemaChange)) {
            throw new IllegalArgumentException("on_schema_change '" + onSchemaChange + "' is not one of " + SCHEMA_CHANGES);
        }
        String workspace = request.target().schema();
        String name = request.target().identifier();
        Optional<ExistingRelation> existing = operations.find(workspace, name);
        String rowsSql = keyed(request.compiledSql(), strategy.equals("append") ? List.of() : keys);
        if (!request.incremental() || existing.isEmpty() || !existing.get().isTable()) {
            long inserted = operations.replaceWithTable(workspace, name, rowsSql);
            return TableMaterialization.inserted(inserted, rowsSql);
        }
        String collection = existing.get().collection().orElse(name);
        if (onSchemaChange.equals("fail")) {
            failOnSchemaChange(request);
        }
        List<String> statements = new ArrayList<>();
        if (strategy.equals("delete+insert")) {
            String delete = deleteMatching(workspace, collection, request.compiledSql(), keys, predicates(request));
            operations.insertInto(workspace, collection, delete);
            statements.add(delete);
        }
        long inserted = operations.insertInto(workspace, collection, rowsSql);
        statements.add(rowsSql);
        Optional<Long> rows = inserted < 0 ? Optional.empty() : Optional.of(inserted);
        return new BuildResult(rows.map(n -> "INSERT " + n).orElse("OK"), rows, statements);
    }

    static List<String> uniqueKey(Object configured) {
        if (configured == null) {
            return List.of();
        }
        if (configured instanceof List<?> list) {
            return list.stream().map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        String text = String.valueOf(configured).strip();
        return text.isEmpty() ? List.of() : List.of(text);
    }

    private static String strategy(BuildRequest request, List<String> keys) {
        Object configured = request.config("incremental_strategy", null);
        String strategy = configured == null ? (keys.isEmpty() ? "append" : "merge")
                : String.valueOf(configured).toLowerCase(Locale.ROOT).strip();
        if (!STRATEGIES.contains(strategy)) {
            throw new IllegalArgumentException("incremental_strategy '" + strategy + "' is not supported by the rockset"
                    + " adapter; use one of " + STRATEGIES);
        }
        if (!strategy.equals("append") && keys.isEmpty()) {
            throw new IllegalArgumentException("incremental_strategy '" + strategy + "' needs a unique_key");
        }
        return strategy;
    }

    /**
     * The model's rows with an {@code _id} derived from the key: one column {@code k} gives
     * {@code CAST(k AS string)}, several give {@code JSON_FORMAT([CAST(k1 AS string), ...])}. With the key
     * {@code _id} itself, or no key, the rows are taken as they are.
     */
    static String keyed(String sql, List<String> keys) {
        if (keys.isEmpty() || keys.equals(List.of("_id"))) {
            return sql;
        }
        String id = keys.size() == 1
                ? "CAST(" + RocksetRelation.quoteColumn(keys.get(0)) + " AS string)"
                : "JSON_FORMAT([" + String.join(", ", keys.stream()
                        .map(k -> "CAST(" + RocksetRelation.quoteColumn(k) + " AS string)").toList()) + "])";
        return "SELECT * EXCEPT (_id), " + id + " AS _id FROM (\n" + sql + "\n) AS _dbt_src";
    }

    /** Deletes the target's rows whose key appears among the model's rows (and that match the predicates). */
    static String deleteMatching(String workspace, String collection, String sql, List<String> keys, List<String> predicates) {
        List<String> matches = new ArrayList<>();
        for (String key : keys) {
            String column = RocksetRelation.quoteColumn(key);
            matches.add("DBT_INTERNAL_SOURCE." + column + " = DBT_INTERNAL_DEST." + column);
        }
        StringBuilder delete = new StringBuilder("SELECT DBT_INTERNAL_DEST._id, 'DELETE' AS _op FROM ")
                .append(RelationOperations.quote(workspace)).append('.').append(RelationOperations.quote(collection))
                .append(" AS DBT_INTERNAL_DEST WHERE EXISTS (SELECT 1 FROM (\n").append(sql)
                .append("\n) AS DBT_INTERNAL_SOURCE WHERE ").append(String.join(" AND ", matches)).append(')');
        for (String predicate : predicates) {
            delete.append(" AND (").append(predicate).append(')');
        }
        return delete.toString();
    }

    private static List<String> predicates(BuildRequest request) {
        Object configured = request.config("incremental_predicates", null);
        if (configured == null) {
            return List.of();
        }
        if (configured instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(configured));
    }

    private void failOnSchemaChange(BuildRequest request) {
        Set<String> existing = names(connection.getColumnsInRelation(request.target()));
        Set<String> incoming = names(RocksetValues.columnsOfRows(connection.client()
                .query(QueryRequest.of("SELECT * FROM (\n" + request.compiledSql() + "\n) AS _dbt_probe LIMIT 100")).rows()));
        if (!existing.equals(incoming)) {
            Set<String> added = new TreeSet<>(incoming);
            added.removeAll(existing);
            Set<String> removed = new TreeSet<>(existing);
            removed.removeAll(incoming);
            throw new IllegalStateException("The source and target schemas on this incremental model are out of sync"
                    + " (on_schema_change: fail). New columns: " + added + "; missing columns: " + removed
                    + ". Run with --full-refresh to rebuild it.");
        }
    }

    private static Set<String> names(List<Column> columns) {
        Set<String> names = new TreeSet<>();
        columns.forEach(c -> names.add(c.name()));
        return names;
    }
}
