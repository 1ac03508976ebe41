package quarry.core.compile;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import quarry.core.jinja.Context;
import quarry.core.jinja.Macro;
import quarry.core.jinja.MacroDefinition;
import quarry.core.jinja.MacroNamespace;

/**
 * The macros one render sees: unqualified names in dbt's order (the node's package, the root
 * project, dbt's internals) and package namespaces ({@code dbt.concat}, {@code my_package.x}),
 * bound lazily to the render's context. Records the unique id of every macro used, for
 * {@code depends_on.macros}.
 */
final class MacroScope {

    private final MacroRegistry registry;
    private final Context context;
    private final String packageName;
    private final Map<String, Object> bound = new HashMap<>();
    private final Map<String, MacroNamespace> namespaces = new HashMap<>();
    private final Set<String> used;

    MacroScope(MacroRegistry registry, Context context, String packageName, Set<String> used) {
        this.registry = registry;
        this.context = context;
        this.packageName = packageName;
        this.used = used;
    }

    /** The context fallback: a macro or a package namespace by name, else null. */
    Object resolve(String name) {
        Object cached = bound.get(name);
        if (cached != null) {
            return cached;
        }
        MacroDefinition d = registry.find(packageName, name);
        Object value = null;
        if (d != null) {
            value = context.bind(d);
            if (used != null) {
                String id = registry.uniqueId(packageName, name);
                if (id != null) {
                    used.add(id);
                }
            }
        } else if (registry.hasPackage(name)) {
            value = namespace(name);
        }
        if (value != null) {
            bound.put(name, value);
        }
        return value;
    }

    MacroNamespace namespace(String pkg) {
        return namespaces.computeIfAbsent(pkg, p -> new MacroNamespace(p, context, registry.namespace(p)));
    }

    /** A macro of a package namespace, or null. */
    Macro inPackage(String pkg, String name) {
        if (!registry.hasPackage(pkg)) {
            return null;
        }
        return namespace(pkg).macro(name);
    }

    MacroRegistry registry() {
        return registry;
    }
}
