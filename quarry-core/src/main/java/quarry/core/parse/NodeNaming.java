package quarry.core.parse;

/**
 * dbt's {@code generate_schema_name}, {@code generate_alias_name} and {@code generate_database_name}:
 * where a node lands. {@link DefaultNodeNaming} is dbt's built-in behaviour; a project that
 * overrides one of these macros gets a Jinja-backed implementation instead.
 */
public interface NodeNaming {

    String schema(String customSchema, NodeDraft node);

    String alias(String customAlias, NodeDraft node);

    String database(String customDatabase, NodeDraft node);
}
