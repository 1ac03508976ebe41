package quarry.core.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import quarry.core.jinja.Context;
import quarry.core.jinja.JinjaException;
import quarry.core.manifest.Macro;
import quarry.core.manifest.Manifest;
import quarry.core.manifest.Node;

/**
 * Materializations written in Jinja ({@code {% materialization name, adapter='x' %}} blocks of the
 * project or a package), found and run as dbt does for a materialization the adapter does not
 * build itself (docs/adapter.md, "Materializations written in Jinja").
 */
final class JinjaMaterializations {

    private final Compiler compiler;

    JinjaMaterializations(Compiler compiler) {
        this.compiler = compiler;
    }

    /**
     * The macro that builds this materialization on this adapter: the adapter's own before
     * {@code default}, the root project's before a package's before dbt's built-ins.
     */
    Optional<Macro> find(String materialization) {
        Manifest manifest = compiler.manifest();
        String adapterType = compiler.jinja().settings().adapter().type();
        for (String adapter : List.of(adapterType, "default")) {
            String name = "materialization_" + materialization + "_" + adapter;
            Macro found = null;
            for (Macro m : manifest.macros().values()) {
                if (m.name().equals(name) && (found == null || rank(m, manifest) < rank(found, manifest))) {
                    found = m;
                }
            }
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    private static int rank(Macro m, Manifest manifest) {
        return m.packageName().equals(manifest.projectName()) ? 0 : m.packageName().startsWith("dbt") ? 2 : 1;
    }

    /**
     * Calls the macro in the node's context with {@code sql} (and {@code compiled_code}) set to its
     * compiled SQL and {@code pre_hooks}/{@code post_hooks} to its rendered hooks; the macro runs
     * the statements itself. Returns its {@code main} statement's message ("OK" when it stored none).
     */
    String run(Node node, Macro macro, String sql, List<String> preHooks, List<String> postHooks) {
        Context ctx = compiler.executionContext(node);
        ctx.set("sql", sql);
        ctx.set("compiled_code", sql);
        ctx.set("pre_hooks", hookDicts(preHooks));
        ctx.set("post_hooks", hookDicts(postHooks));
        String call = "{%- set __quarry_returned = " + macro.packageName() + "." + macro.name() + "() -%}"
                + "{%- set __quarry_main = load_result('main') -%}"
                + "{{- __quarry_main.response if __quarry_main and __quarry_main.response else 'OK' -}}";
        try {
            return compiler.jinja().templates().shared(call).render(ctx).strip();
        } catch (JinjaException e) {
            throw Templates.located(e, macro.originalFilePath());
        }
    }

    private static List<Map<String, Object>> hookDicts(List<String> hooks) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String hook : hooks) {
            out.add(Map.of("sql", hook, "transaction", true, "index", out.size()));
        }
        return out;
    }
}
