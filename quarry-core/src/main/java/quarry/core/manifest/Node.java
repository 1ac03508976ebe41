package quarry.core.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A node of the manifest that is built or run: a model, seed, snapshot, test (singular or generic)
 * or analysis, with its resolved config, where it lands (database, schema, alias) and what it
 * depends on. The Jinja {@code model} variable and manifest.json show these fields.
 *
 * @param path the file path inside its resource folder ({@code staging/stg_orders.sql})
 * @param originalFilePath the path inside its package ({@code models/staging/stg_orders.sql})
 * @param checksum sha256 of the file's contents
 * @param config the resolved config (project tree, then properties YAML, then {@code config()})
 * @param testMetadata for generic tests only
 */
public record Node(
        ResourceType resourceType,
        String uniqueId,
        String packageName,
        String name,
        String path,
        String originalFilePath,
        List<String> fqn,
        String database,
        String schema,
        String alias,
        String rawCode,
        String language,
        String checksum,
        Map<String, Object> config,
        Map<String, Object> unrenderedConfig,
        Map<String, Object> configCallDict,
        String description,
        Map<String, ColumnInfo> columns,
        String patchPath,
        List<RefCall> refs,
        List<List<String>> sources,
        List<String> dependsOnMacros,
        List<String> dependsOnNodes,
        TestMetadata testMetadata,
        String columnName,
        String fileKeyName,
        String attachedNode,
        String version,
        boolean staticallyParsed) {

    public Node {
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(uniqueId, "uniqueId");
        fqn = List.copyOf(fqn);
        config = unmodifiable(config);
        unrenderedConfig = unmodifiable(unrenderedConfig);
        configCallDict = unmodifiable(configCallDict);
        columns = Frozen.map(columns);
        refs = List.copyOf(refs);
        sources = List.copyOf(sources);
        dependsOnMacros = List.copyOf(dependsOnMacros);
        dependsOnNodes = List.copyOf(dependsOnNodes);
        description = description == null ? "" : description;
    }

    /** An unmodifiable copy, unless the map already is one (nodes are rebuilt often while parsing). */
    private static Map<String, Object> unmodifiable(Map<String, Object> map) {
        return map == null || map.isEmpty() ? Map.of() : Frozen.map(map);
    }

    public String materialized() {
        Object m = config.get("materialized");
        return m == null ? null : String.valueOf(m);
    }

    /**
     * The checksum manifest.json shows: the file's, except for a generic test, whose is empty as in
     * dbt (what it tests is in its unique id and config).
     */
    public String manifestChecksum() {
        return testMetadata != null ? "" : checksum;
    }

    public boolean isEphemeral() {
        return "ephemeral".equals(materialized());
    }

    public boolean enabled() {
        return !Boolean.FALSE.equals(config.get("enabled"));
    }

    @SuppressWarnings("unchecked")
    public List<String> tags() {
        Object tags = config.get("tags");
        return tags instanceof List<?> l ? (List<String>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> meta() {
        Object meta = config.get("meta");
        return meta instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** Where compiled SQL is written under target/compiled/&lt;package&gt;/: one file per node, or file/name for many-per-file nodes. */
    public String targetWritePath() {
        if (resourceType == ResourceType.TEST && testMetadata != null
                || resourceType == ResourceType.SNAPSHOT && originalFilePath.endsWith(".yml")) {
            return originalFilePath + "/" + path;
        }
        return originalFilePath;
    }

    /** The node's file under the target folder for an artifact kind: {@code compiled/<package>/<write path>}, {@code run/…}. */
    public String artifactPath(String kind) {
        return kind + "/" + packageName + "/" + targetWritePath();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder(ResourceType type, String uniqueId) {
        return new Builder(type, uniqueId);
    }

    /** Builds a node field by field; the parsers fill it as they learn its parts. */
    public static final class Builder {
        ResourceType resourceType;
        String uniqueId;
        String packageName;
        String name;
        String path;
        String originalFilePath;
        List<String> fqn = List.of();
        String database;
        String schema;
        String alias;
        String rawCode = "";
        String language = "sql";
        String checksum = "";
        Map<String, Object> config = Map.of();
        Map<String, Object> unrenderedConfig = Map.of();
        Map<String, Object> configCallDict = Map.of();
        String description = "";
        Map<String, ColumnInfo> columns = Map.of();
        String patchPath;
        List<RefCall> refs = new ArrayList<>();
        List<List<String>> sources = new ArrayList<>();
        List<String> dependsOnMacros = new ArrayList<>();
        List<String> dependsOnNodes = new ArrayList<>();
        TestMetadata testMetadata;
        String columnName;
        String fileKeyName;
        String attachedNode;
        String version;
        boolean staticallyParsed;

        Builder(ResourceType resourceType, String uniqueId) {
            this.resourceType = resourceType;
            this.uniqueId = uniqueId;
        }

        Builder(Node n) {
            this(n.resourceType, n.uniqueId);
            packageName = n.packageName;
            name = n.name;
            path = n.path;
            originalFilePath = n.originalFilePath;
            fqn = n.fqn;
            database = n.database;
            schema = n.schema;
            alias = n.alias;
            rawCode = n.rawCode;
            language = n.language;
            checksum = n.checksum;
            config = n.config;
            unrenderedConfig = n.unrenderedConfig;
            configCallDict = n.configCallDict;
            description = n.description;
            columns = n.columns;
            patchPath = n.patchPath;
            refs = new ArrayList<>(n.refs);
            sources = new ArrayList<>(n.sources);
            dependsOnMacros = new ArrayList<>(n.dependsOnMacros);
            dependsOnNodes = new ArrayList<>(n.dependsOnNodes);
            testMetadata = n.testMetadata;
            columnName = n.columnName;
            fileKeyName = n.fileKeyName;
            attachedNode = n.attachedNode;
            version = n.version;
            staticallyParsed = n.staticallyParsed;
        }

        public Builder uniqueId(String v) { uniqueId = v; return this; }
        public Builder packageName(String v) { packageName = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder path(String v) { path = v; return this; }
        public Builder originalFilePath(String v) { originalFilePath = v; return this; }
        public Builder fqn(List<String> v) { fqn = v; return this; }
        public Builder database(String v) { database = v; return this; }
        public Builder schema(String v) { schema = v; return this; }
        public Builder alias(String v) { alias = v; return this; }
        public Builder rawCode(String v) { rawCode = v; return this; }
        public Builder language(String v) { language = v; return this; }
        public Builder checksum(String v) { checksum = v; return this; }
        public Builder config(Map<String, Object> v) { config = v; return this; }
        public Builder unrenderedConfig(Map<String, Object> v) { unrenderedConfig = v; return this; }
        public Builder configCallDict(Map<String, Object> v) { configCallDict = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder columns(Map<String, ColumnInfo> v) { columns = v; return this; }
        public Builder patchPath(String v) { patchPath = v; return this; }
        public Builder refs(List<RefCall> v) { refs = new ArrayList<>(v); return this; }
        public Builder sources(List<List<String>> v) { sources = new ArrayList<>(v); return this; }
        public Builder dependsOnMacros(List<String> v) { dependsOnMacros = new ArrayList<>(v); return this; }
        public Builder dependsOnNodes(List<String> v) { dependsOnNodes = new ArrayList<>(v); return this; }
        public Builder testMetadata(TestMetadata v) { testMetadata = v; return this; }
        public Builder columnName(String v) { columnName = v; return this; }
        public Builder fileKeyName(String v) { fileKeyName = v; return this; }
        public Builder attachedNode(String v) { attachedNode = v; return this; }
        public Builder version(String v) { version = v; return this; }
        public Builder staticallyParsed(boolean v) { staticallyParsed = v; return this; }

        public Node build() {
            return new Node(resourceType, uniqueId, packageName, name, path, originalFilePath, fqn, database, schema,
                    alias, rawCode, language, checksum, config, unrenderedConfig, configCallDict, description, columns,
                    patchPath, refs, sources, dependsOnMacros, dependsOnNodes, testMetadata, columnName, fileKeyName,
                    attachedNode, version, staticallyParsed);
        }
    }
}
