package quarry.core.compile;

import java.util.Map;
import quarry.core.SourceLocation;
import quarry.core.jinja.Arguments;
import quarry.core.jinja.Context;
import quarry.core.jinja.JinjaException;
import quarry.core.parse.DefaultNodeNaming;
import quarry.core.parse.NodeDraft;
import quarry.core.parse.NodeNaming;

/**
 * Node naming when the root project overrides {@code generate_schema_name},
 * {@code generate_alias_name} or {@code generate_database_name}: the override is called as dbt
 * calls it, with the custom value and the node; the others keep dbt's built-in behaviour.
 */
final class JinjaNodeNaming implements NodeNaming {

    private final NodeContexts contexts;
    private final DefaultNodeNaming defaults;
    private final boolean schema;
    private final boolean alias;
    private final boolean database;

    JinjaNodeNaming(NodeContexts contexts, DefaultNodeNaming defaults) {
        this.contexts = contexts;
        this.defaults = defaults;
        MacroRegistry macros = contexts.macros();
        this.schema = macros.rootDefines("generate_schema_name");
        this.alias = macros.rootDefines("generate_alias_name");
        this.database = macros.rootDefines("generate_database_name");
    }

    boolean overridesAnything() {
        return schema || alias || database;
    }

    @Override
    public String schema(String customSchema, NodeDraft node) {
        return schema ? call("generate_schema_name", customSchema, node) : defaults.schema(customSchema, node);
    }

    @Override
    public String alias(String customAlias, NodeDraft node) {
        return alias ? call("generate_alias_name", customAlias, node) : defaults.alias(customAlias, node);
    }

    @Override
    public String database(String customDatabase, NodeDraft node) {
        return database ? call("generate_database_name", customDatabase, node) : defaults.database(customDatabase, node);
    }

    private String call(String macro, String custom, NodeDraft node) {
        Context ctx = contexts.forMacros(node.packageName(), node.config());
        Map<String, Object> dict = RenderTarget.of(node, null, null).asDict();
        try {
            Object result = ctx.call(macro, Arguments.of(custom, dict));
            return result == null ? null : TextValues.str(result).strip();
        } catch (JinjaException e) {
            CompilationException located = Templates.located(e, node.originalFilePath());
            throw new CompilationException(located.location().orElse(SourceLocation.of(node.originalFilePath())),
                    macro + " failed for " + node.resourceType().dbtName() + " '" + node.name() + "': "
                            + (e.detail() == null ? e.getMessage() : e.detail()), e);
        }
    }
}
