package quarry.rockset;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import quarry.core.adapter.BuildRequest;
import quarry.core.adapter.BuildResult;
import quarry.core.adapter.Column;

/**
 * dbt's {@code snapshot} (type-2 slowly changing dimension), which dbt-rockset never had. Each
 * version of a source row is a document whose {@code _id} is its {@code dbt_scd_id}, so closing a
 * version is an upsert of that document with {@code dbt_valid_to} set. A run closes the current
 * versions whose row changed (timestamp strategy: a newer {@code updated_at}; check strategy: a
 * differing check column) or, with hard deletes invalidated, vanished; then inserts a new current
 * version for every source row without one.
 */
final class SnapshotMaterialization implements RocksetConnection.Materialization {

    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final RelationOperations operations;
    private final RocksetConnection connection;
    private final Clock clock;

    SnapshotMaterialization(RelationOperations operations, RocksetConnection connection, Clock clock) {
        this.operations = operations;
        this.connection = connection;
        this.clock = clock;
    }

    /** dbt's snapshot meta columns, renamed by {@code snapshot_meta_column_names} when given. */
    record MetaColumns(String validFrom, String validTo, String scdId, String updatedAt) {
        static MetaColumns of(Object configured) {
            Map<?, ?> names = configured instanceof Map<?, ?> m ? m : Map.of();
            return new MetaColumns(name(names, "dbt_valid_from"), name(names, "dbt_valid_to"),
                    name(names, "dbt_scd_id"), name(names, "dbt_updated_at"));
        }

        private static String name(Map<?, ?> names, String key) {
            Object value = names.get(key);
            return value == null ? key : String.valueOf(value);
        }
    }

    @Override
    public BuildResult build(BuildRequest request) {
        List<String> keys = IncrementalMaterialization.uniqueKey(request.config("unique_key", null));
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("snapshot " + request.target().identifier() + " needs a unique_key");
        }
        String strategy = String.valueOf(request.config("strategy", "timestamp")).toLowerCase(Locale.ROOT);
        MetaColumns meta = MetaColumns.of(request.config("snapshot_meta_column_names", null));
        String snapshotTime = "TIMESTAMP '" + LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).format(LITERAL) + "'";
        String updatedAt;
        String changed;
        switch (strategy) {
            case "timestamp" -> {
                Object column = request.config("updated_at", null);
                if (column == null) {
                    throw new IllegalArgumentException("snapshot " + request.target().identifier()
                            + " uses the timestamp strategy and needs updated_at");
                }
                updatedAt = "s." + RocksetRelation.quoteColumn(String.valueOf(column));
                changed = updatedAt + " > t." + RocksetRelation.quoteColumn(meta.updatedAt());
            }
            case "check" -> {
                updatedAt = snapshotTime;
                List<String> differences = new ArrayList<>();
                for (String column : checkColumns(request, keys)) {
                    String quoted = RocksetRelation.quoteColumn(column);
                    differences.add("s." + quoted + " IS DISTINCT FROM t." + quoted);
                }
                changed = differences.isEmpty() ? "FALSE" : "(" + String.join(" OR ", differences) + ")";
            }
            default -> throw new IllegalArgumentException("snapshot strategy '" + strategy
                    + "' is not one of timestamp, check");
        }
        String workspace = request.target().schema();
        String name = request.target().identifier();
        String source = "(\n" + request.compiledSql() + "\n)";
        String scdId = "TO_HEX(MD5(CONCAT(" + String.join(", '|', ", keys.stream()
                .map(k -> "COALESCE(CAST(s." + RocksetRelation.quoteColumn(k) + " AS string), '')").toList())
                + ", '|', COALESCE(CAST(" + updatedAt + " AS string), ''))))";
        String validTo = RocksetRelation.quoteColumn(meta.validTo());
        String newVersions = "SELECT s.* EXCEPT (_id, _event_time, _meta), " + scdId + " AS _id, "
                + scdId + " AS " + RocksetRelation.quoteColumn(meta.scdId()) + ", "
                + updatedAt + " AS " + RocksetRelation.quoteColumn(meta.updatedAt()) + ", "
                + updatedAt + " AS " + RocksetRelation.quoteColumn(meta.validFrom()) + ", "
                + "CAST(NULL AS timestamp) AS " + validTo + " FROM " + source + " AS s";

        Optional<ExistingRelation> existing = operations.find(workspace, name);
        if (existing.isEmpty() || !existing.get().isTable()) {
            long inserted = operations.replaceWithTable(workspace, name, newVersions);
            return TableMaterialization.inserted(inserted, newVersions);
        }
        String target = RelationOperations.quote(workspace) + "." + RelationOperations.quote(existing.get().collection().orElse(name));
        String sameKey = String.join(" AND ", keys.stream()
                .map(k -> "s." + RocksetRelation.quoteColumn(k) + " = t." + RocksetRelation.quoteColumn(k)).toList());
        String collection = existing.get().collection().orElse(name);
        List<String> statements = new ArrayList<>();
        String close = "SELECT t.* EXCEPT (" + validTo + "), " + updatedAt + " AS " + validTo + " FROM " + target
                + " AS t JOIN " + source + " AS s ON " + sameKey + " WHERE t." + validTo + " IS NULL AND " + changed;
        operations.insertInto(workspace, collection, close);
        statements.add(close);
        if (invalidatesHardDeletes(request)) {
            String vanished = "SELECT t.* EXCEPT (" + validTo + "), " + snapshotTime + " AS " + validTo + " FROM " + target
                    + " AS t WHERE t." + validTo + " IS NULL AND NOT EXISTS (SELECT 1 FROM " + source + " AS s WHERE "
                    + sameKey + ")";
            operations.insertInto(workspace, collection, vanished);
            statements.add(vanished);
        }
        String insert = newVersions + " WHERE NOT EXISTS (SELECT 1 FROM " + target + " AS t WHERE " + sameKey
                + " AND t." + validTo + " IS NULL)";
        long inserted = operations.insertInto(workspace, collection, insert);
        statements.add(insert);
        Optional<Long> rows = inserted < 0 ? Optional.empty() : Optional.of(inserted);
        return new BuildResult(rows.map(n -> "INSERT " + n).orElse("OK"), rows, statements);
    }

    private List<String> checkColumns(BuildRequest request, List<String> keys) {
        Object configured = request.config("check_cols", null);
        if (configured instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (configured == null || !"all".equalsIgnoreCase(String.valueOf(configured).strip())) {
            throw new IllegalArgumentException("snapshot " + request.target().identifier()
                    + " uses the check strategy and needs check_cols: a list of columns, or 'all'");
        }
        List<String> columns = new ArrayList<>();
        for (Column column : RocksetValues.columnsOfRows(connection.client().query(QueryRequest.of(
                "SELECT * FROM (\n" + request.compiledSql() + "\n) AS _dbt_probe LIMIT 100")).rows())) {
            if (!keys.contains(column.name())) {
                columns.add(column.name());
            }
        }
        return columns;
    }

    private static boolean invalidatesHardDeletes(BuildRequest request) {
        Object hardDeletes = request.config("hard_deletes", null);
        if (hardDeletes != null) {
            return "invalidate".equalsIgnoreCase(String.valueOf(hardDeletes).strip());
        }
        Object legacy = request.config("invalidate_hard_deletes", false);
        return legacy instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(legacy));
    }
}
