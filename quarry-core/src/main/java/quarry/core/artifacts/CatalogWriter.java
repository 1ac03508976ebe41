package quarry.core.artifacts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import quarry.core.adapter.AdapterConnection;
import quarry.core.adapter.Column;
import quarry.core.adapter.Relation;
import quarry.core.adapter.RelationDetails;
import quarry.core.adapter.RelationStyle;
import quarry.core.adapter.RelationType;
import quarry.core.manifest.Manifest;
import quarry.core.manifest.Node;
import quarry.core.manifest.ResourceType;
import quarry.core.manifest.SourceDefinition;

/**
 * dbt's {@code target/catalog.json} (schema v1): for each model, seed and snapshot of the manifest,
 * and each source table, that exists in the database, its type and comment, its columns in order
 * ({@code index} from 1) and its statistics. Views are included with their columns. Relations that
 * do not exist are left out; an error reading one is listed under {@code errors}.
 */
public final class CatalogWriter {

    public static final String SCHEMA = "https://schemas.getdbt.com/dbt/catalog/v1.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What the catalog holds: the JSON to write, and how many nodes and sources it found. */
    public record Catalog(ObjectNode json, int nodes, int sources, List<String> errors) {}

    private final AdapterConnection connection;
    private final RelationStyle style;

    public CatalogWriter(AdapterConnection connection, RelationStyle style) {
        this.connection = connection;
        this.style = style;
    }

    public Catalog build(Manifest manifest, RunResultsWriter.Metadata metadata) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode meta = root.putObject("metadata");
        meta.put("dbt_schema_version", SCHEMA)
                .put("dbt_version", metadata.dbtVersion())
                .put("generated_at", DateTimeFormatter.ISO_INSTANT.format(metadata.generatedAt()))
                .put("invocation_id", metadata.invocationId())
                .put("invocation_started_at", DateTimeFormatter.ISO_INSTANT.format(metadata.invocationStartedAt()));
        meta.putObject("env");
        ObjectNode nodes = root.putObject("nodes");
        ObjectNode sources = root.putObject("sources");
        List<String> errors = new ArrayList<>();
        for (Node node : manifest.nodes().values()) {
            boolean relational = switch (node.resourceType()) {
                case MODEL -> !node.isEphemeral() && !"query_lambda".equals(node.materialized());
                case SEED, SNAPSHOT -> true;
                default -> false;
            };
            if (relational) {
                entry(node.uniqueId(), node.database(), node.schema(), node.alias(), nodes, errors);
            }
        }
        for (SourceDefinition source : manifest.sources().values()) {
            if (source.enabled()) {
                entry(source.uniqueId(), source.database(), source.schema(), source.identifier(), sources, errors);
            }
        }
        if (errors.isEmpty()) {
            root.putNull("errors");
        } else {
            errors.forEach(root.putArray("errors")::add);
        }
        return new Catalog(root, nodes.size(), sources.size(), List.copyOf(errors));
    }

    private void entry(String uniqueId, String database, String schema, String identifier, ObjectNode into,
            List<String> errors) {
        Relation relation = new Relation(database, schema, identifier, RelationType.TABLE, style);
        Optional<RelationDetails> details;
        List<Column> columns;
        try {
            details = connection.relationDetails(relation);
            if (details.isEmpty()) {
                return;
            }
            Relation typed = relation.withType("VIEW".equals(details.get().type()) ? RelationType.VIEW : RelationType.TABLE);
            columns = connection.getColumnsInRelation(typed);
        } catch (RuntimeException e) {
            errors.add(uniqueId + ": " + e.getMessage());
            return;
        }
        ObjectNode entry = into.putObject(uniqueId);
        entry.putObject("metadata")
                .put("type", details.get().type())
                .put("schema", schema)
                .put("name", identifier)
                .put("database", database)
                .put("comment", details.get().comment())
                .putNull("owner");
        ObjectNode cols = entry.putObject("columns");
        int index = 1;
        for (Column column : columns) {
            cols.putObject(column.name())
                    .put("type", column.dataType())
                    .put("index", index++)
                    .put("name", column.name())
                    .putNull("comment");
        }
        ObjectNode stats = entry.putObject("stats");
        Map<String, Long> values = details.get().stats();
        stat(stats, "has_stats", "Has Stats?", !values.isEmpty(), false,
                "Indicates whether there are statistics for this table");
        if (values.containsKey("row_count")) {
            stat(stats, "row_count", "Row Count", values.get("row_count"), true, "Rows in table");
        }
        if (values.containsKey("bytes")) {
            stat(stats, "bytes", "Bytes", values.get("bytes"), true, "Inserted bytes");
        }
        entry.put("unique_id", uniqueId);
    }

    private static void stat(ObjectNode stats, String id, String label, Object value, boolean include, String description) {
        ObjectNode stat = stats.putObject(id).put("id", id).put("label", label);
        stat.set("value", JSON.valueToTree(value));
        stat.put("include", include).put("description", description);
    }

    public static void write(Path file, Catalog catalog) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(partial.toFile(), catalog.json());
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
