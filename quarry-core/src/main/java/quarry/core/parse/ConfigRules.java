package quarry.core.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import quarry.core.manifest.ResourceType;

/**
 * dbt's config keys and how layers of config combine: most keys clobber; {@code tags},
 * {@code pre-hook}, {@code post-hook} and {@code packages} append; {@code meta}, {@code quoting},
 * {@code column_types}, {@code docs}, {@code persist_docs}, {@code contract} and {@code grants} update.
 */
public final class ConfigRules {

    private ConfigRules() {}

    static final Set<String> APPEND = Set.of("tags", "pre-hook", "post-hook", "packages");
    static final Set<String> UPDATE = Set.of("meta", "quoting", "column_types", "docs", "persist_docs", "contract",
            "grants", "snapshot_meta_column_names");

    static final Set<String> COMMON = Set.of("enabled", "materialized", "alias", "schema", "database", "tags", "meta",
            "group", "access", "docs", "persist_docs", "pre-hook", "post-hook", "pre_hook", "post_hook", "quoting",
            "column_types", "full_refresh", "unique_key", "incremental_strategy", "incremental_predicates",
            "on_schema_change", "on_configuration_change", "grants", "contract", "event_time", "batch_size",
            "lookback", "begin", "concurrent_batches", "freshness", "on_error", "latest_version_pointer",
            "static_analysis", "packages", "sql_header", "bind", "predicates", "docs_blocks",
            "partition_by", "cluster_by", "indexes", "labels", "query_lambda", "description");
    static final Set<String> TEST = Set.of("severity", "where", "limit", "fail_calc", "warn_if", "error_if",
            "store_failures", "store_failures_as");
    static final Set<String> SNAPSHOT = Set.of("strategy", "updated_at", "check_cols", "target_schema",
            "target_database", "hard_deletes", "invalidate_hard_deletes", "dbt_valid_to_current",
            "snapshot_meta_column_names");
    static final Set<String> SEED = Set.of("quote_columns", "delimiter");
    static final Set<String> SOURCE = Set.of("loaded_at_field", "loaded_at_query");

    /** Every key dbt knows for this resource type (adapter-specific keys are accepted too). */
    public static Set<String> knownKeys(ResourceType type) {
        java.util.HashSet<String> keys = new java.util.HashSet<>(COMMON);
        switch (type) {
            case TEST -> keys.addAll(TEST);
            case SNAPSHOT -> keys.addAll(SNAPSHOT);
            case SEED -> keys.addAll(SEED);
            case SOURCE -> keys.addAll(SOURCE);
            default -> { }
        }
        return keys;
    }

    /** {@code pre_hook} as config() writes it is {@code pre-hook} in the resolved config. */
    public static String canonicalKey(String key) {
        return switch (key) {
            case "pre_hook" -> "pre-hook";
            case "post_hook" -> "post-hook";
            default -> key;
        };
    }

    /** Merges {@code layer} over {@code base} in place with dbt's rules. */
    @SuppressWarnings("unchecked")
    public static void mergeInto(Map<String, Object> base, Map<String, Object> layer) {
        for (Map.Entry<String, Object> e : layer.entrySet()) {
            String key = canonicalKey(e.getKey());
            Object value = e.getValue();
            if (APPEND.contains(key)) {
                List<Object> merged = new ArrayList<>(asList(base.get(key)));
                for (Object item : asList(value)) {
                    if (!key.equals("tags") || !merged.contains(item)) {
                        merged.add(item);
                    }
                }
                base.put(key, merged);
            } else if (UPDATE.contains(key) && value instanceof Map<?, ?> m && base.get(key) instanceof Map<?, ?> old) {
                Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) old);
                merged.putAll((Map<String, Object>) m);
                base.put(key, merged);
            } else {
                base.put(key, value);
            }
        }
    }

    static List<Object> asList(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return List.of(value);
    }

    private static final Map<ResourceType, Map<String, Object>> DEFAULTS = new java.util.EnumMap<>(ResourceType.class);

    static {
        for (ResourceType type : ResourceType.values()) {
            DEFAULTS.put(type, java.util.Collections.unmodifiableMap(buildDefaults(type)));
        }
    }

    /**
     * The config every node of a type starts from, before any layer: a fresh mutable map whose
     * nested values are shared and never mutated (merging replaces them).
     */
    public static Map<String, Object> defaults(ResourceType type) {
        return new LinkedHashMap<>(DEFAULTS.get(type));
    }

    private static Map<String, Object> buildDefaults(ResourceType type) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("enabled", true);
        c.put("alias", null);
        c.put("schema", null);
        c.put("database", null);
        c.put("tags", List.of());
        c.put("meta", Map.of());
        c.put("group", null);
        switch (type) {
            case SEED -> c.put("materialized", "seed");
            case SNAPSHOT -> c.put("materialized", "snapshot");
            case TEST -> c.put("materialized", "test");
            default -> c.put("materialized", "view");
        }
        if (type == ResourceType.TEST) {
            c.put("schema", "dbt_test__audit");
            c.put("severity", "ERROR");
            c.put("store_failures", null);
            c.put("store_failures_as", null);
            c.put("where", null);
            c.put("limit", null);
            c.put("fail_calc", "count(*)");
            c.put("warn_if", "!= 0");
            c.put("error_if", "!= 0");
            return c;
        }
        c.put("incremental_strategy", null);
        c.put("persist_docs", Map.of());
        c.put("post-hook", List.of());
        c.put("pre-hook", List.of());
        c.put("quoting", Map.of());
        c.put("column_types", Map.of());
        c.put("full_refresh", null);
        c.put("unique_key", null);
        c.put("on_schema_change", "ignore");
        c.put("on_configuration_change", "apply");
        c.put("grants", Map.of());
        c.put("packages", List.of());
        Map<String, Object> docs = new LinkedHashMap<>();
        docs.put("show", true);
        docs.put("node_color", null);
        c.put("docs", java.util.Collections.unmodifiableMap(docs));
        Map<String, Object> contract = new LinkedHashMap<>();
        contract.put("enforced", false);
        contract.put("alias_types", true);
        c.put("contract", java.util.Collections.unmodifiableMap(contract));
        if (type == ResourceType.MODEL) {
            c.put("access", "protected");
        }
        if (type == ResourceType.SEED) {
            c.put("delimiter", ",");
            c.put("quote_columns", null);
        }
        if (type == ResourceType.SNAPSHOT) {
            c.put("strategy", null);
            c.put("target_schema", null);
            c.put("target_database", null);
            c.put("updated_at", null);
            c.put("check_cols", null);
        }
        return c;
    }
}
