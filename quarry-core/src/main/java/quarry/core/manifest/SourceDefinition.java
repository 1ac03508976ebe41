package quarry.core.manifest;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One table of a dbt source ({@code sources:} in properties YAML), as {@code source('name', 'table')}
 * resolves it. {@code identifier} defaults to the table name, {@code schema} to the source name.
 */
public record SourceDefinition(
        String uniqueId,
        String packageName,
        String sourceName,
        String sourceDescription,
        String name,
        String identifier,
        String database,
        String schema,
        String loader,
        String description,
        Map<String, ColumnInfo> columns,
        Map<String, Object> config,
        Map<String, Object> quoting,
        Map<String, Object> freshness,
        String loadedAtField,
        Map<String, Object> meta,
        Map<String, Object> sourceMeta,
        List<String> tags,
        List<String> fqn,
        String path,
        String originalFilePath,
        Map<String, Object> external) {

    public SourceDefinition {
        Objects.requireNonNull(uniqueId, "uniqueId");
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
        config = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
        quoting = quoting == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(quoting));
        meta = meta == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
        sourceMeta = sourceMeta == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sourceMeta));
        tags = List.copyOf(tags);
        fqn = List.copyOf(fqn);
    }

    public boolean enabled() {
        return !Boolean.FALSE.equals(config.get("enabled"));
    }
}
