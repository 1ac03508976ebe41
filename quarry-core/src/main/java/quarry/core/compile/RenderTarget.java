package quarry.core.compile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import quarry.core.manifest.Node;
import quarry.core.manifest.ResourceType;
import quarry.core.parse.NodeDraft;

/** The node being rendered, as the Jinja context needs it, whether parsing (a draft) or compiling (a node). */
public record RenderTarget(ResourceType resourceType, String uniqueId, String packageName, String name,
        List<String> fqn, String path, String originalFilePath, Map<String, Object> config, String database,
        String schema, String alias, String rawCode, String version, Node node) {

    public static RenderTarget of(NodeDraft d, String database, String schema) {
        return new RenderTarget(d.resourceType(), d.uniqueId(), d.packageName(), d.name(), d.fqn(), d.path(),
                d.originalFilePath(), d.config(), database, schema, d.name(), d.rawCode(), d.version(), null);
    }

    public static RenderTarget of(Node n) {
        return new RenderTarget(n.resourceType(), n.uniqueId(), n.packageName(), n.name(), n.fqn(), n.path(),
                n.originalFilePath(), n.config(), n.database(), n.schema(), n.alias(), n.rawCode(), n.version(), n);
    }

    /** {@code model} in Jinja: the node as a dict with manifest field names. */
    public Map<String, Object> asDict() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unique_id", uniqueId);
        m.put("name", name);
        m.put("resource_type", resourceType.dbtName());
        m.put("package_name", packageName);
        m.put("path", path);
        m.put("original_file_path", originalFilePath);
        m.put("fqn", fqn);
        m.put("database", database);
        m.put("schema", schema);
        m.put("alias", alias);
        m.put("identifier", alias);
        m.put("config", config);
        m.put("tags", config.getOrDefault("tags", List.of()));
        m.put("meta", config.getOrDefault("meta", Map.of()));
        m.put("raw_code", rawCode);
        m.put("raw_sql", rawCode);
        m.put("language", "sql");
        m.put("version", version);
        if (node != null) {
            m.put("description", node.description());
            Map<String, Object> columns = new LinkedHashMap<>();
            node.columns().forEach((k, c) -> {
                Map<String, Object> col = new LinkedHashMap<>();
                col.put("name", c.name());
                col.put("description", c.description());
                col.put("data_type", c.dataType());
                col.put("meta", c.meta());
                col.put("tags", c.tags());
                col.put("quote", c.quote());
                columns.put(k, col);
            });
            m.put("columns", columns);
            m.put("refs", node.refs().stream().map(r -> {
                Map<String, Object> ref = new LinkedHashMap<>();
                ref.put("name", r.name());
                ref.put("package", r.packageName());
                ref.put("version", r.version());
                return ref;
            }).toList());
            m.put("sources", node.sources());
            m.put("depends_on", Map.of("nodes", node.dependsOnNodes(), "macros", node.dependsOnMacros()));
            m.put("column_name", node.columnName());
            if (node.testMetadata() != null) {
                m.put("test_metadata", Map.of("name", node.testMetadata().name(),
                        "kwargs", node.testMetadata().kwargs()));
            }
        } else {
            m.put("description", "");
            m.put("columns", Map.of());
            m.put("refs", List.of());
            m.put("sources", List.of());
            m.put("depends_on", Map.of("nodes", List.of(), "macros", List.of()));
        }
        return m;
    }
}
