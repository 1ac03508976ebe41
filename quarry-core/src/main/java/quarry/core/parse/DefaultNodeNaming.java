package quarry.core.parse;

import java.util.Objects;

/**
 * dbt's built-in naming: the target schema, or {@code <target schema>_<custom schema>}; the custom
 * alias or the node's name ({@code <name>_v<version>} for versioned models); the custom database or
 * the target's.
 */
public record DefaultNodeNaming(String targetSchema, String targetDatabase) implements NodeNaming {

    public DefaultNodeNaming {
        Objects.requireNonNull(targetSchema, "targetSchema");
    }

    @Override
    public String schema(String customSchema, NodeDraft node) {
        return customSchema == null ? targetSchema : targetSchema + "_" + customSchema.strip();
    }

    @Override
    public String alias(String customAlias, NodeDraft node) {
        if (customAlias != null) {
            return customAlias.strip();
        }
        if (node.version() != null) {
            return node.name() + "_v" + node.version().replace('.', '_');
        }
        return node.name();
    }

    @Override
    public String database(String customDatabase, NodeDraft node) {
        return customDatabase == null ? targetDatabase : customDatabase.strip();
    }
}
