package quarry.core.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import quarry.core.SourceLocation;
import quarry.core.jinja.JinjaEnvironment;
import quarry.core.jinja.JinjaException;
import quarry.core.jinja.MacroDefinition;
import quarry.core.jinja.Template;
import quarry.core.manifest.Macro;

/**
 * Every macro of the project, its packages and dbt's internals, parsed once and shared by all
 * renders (definitions are immutable). Knows dbt's lookup order for an unqualified name: the
 * node's own package, then the root project (which is how {@code generate_schema_name} overrides
 * work), then dbt's internal packages.
 */
public final class MacroRegistry {

    /** dbt's built-in macros; the adapter's internal package is {@code dbt_<type>}. */
    public static final String DBT = "dbt";

    private final String rootProject;
    private final List<String> internalPackages;
    private final Map<String, Map<String, MacroDefinition>> byPackage = new HashMap<>();
    private final Map<String, MacroDefinition> internal = new HashMap<>();
    private final Map<String, String> uniqueIds = new HashMap<>();

    public MacroRegistry(JinjaEnvironment env, String rootProject, String adapterType, Iterable<Macro> macros) {
        this.rootProject = rootProject;
        this.internalPackages = List.of(DBT, "dbt_" + adapterType);
        for (Macro m : macros) {
            // keep line numbers right: the block is parsed where it stands in its file
            String source = "\n".repeat(Math.max(0, m.line() - 1)) + m.macroSql();
            Template template;
            try {
                template = env.parse(m.originalFilePath(), source);
            } catch (JinjaException e) {
                throw new CompilationException(new SourceLocation(m.originalFilePath(), e.line()), e.detail(), e);
            }
            for (MacroDefinition d : template.macros()) {
                byPackage.computeIfAbsent(m.packageName(), k -> new HashMap<>()).put(d.name(), d);
                uniqueIds.put(m.packageName() + "." + d.name(), "macro." + m.packageName() + "." + d.name());
            }
        }
        // the adapter's internals override dbt's of the same name, as dbt's internal namespace does
        for (String pkg : internalPackages) {
            internal.putAll(byPackage.getOrDefault(pkg, Map.of()));
        }
    }

    public String rootProject() {
        return rootProject;
    }

    /** The unqualified lookup for a node of {@code packageName}. */
    public MacroDefinition find(String packageName, String name) {
        MacroDefinition d = packageName == null ? null : byPackage.getOrDefault(packageName, Map.of()).get(name);
        if (d == null && !internalPackages.contains(packageName)) {
            d = byPackage.getOrDefault(rootProject, Map.of()).get(name);
        }
        if (d == null) {
            d = internal.get(name);
        }
        return d;
    }

    /** The package's own macros: {@code dbt} means all internal packages together. */
    public Map<String, MacroDefinition> namespace(String packageName) {
        if (DBT.equals(packageName)) {
            return internal;
        }
        return byPackage.getOrDefault(packageName, Map.of());
    }

    public boolean hasPackage(String name) {
        return DBT.equals(name) || byPackage.containsKey(name) && !internalPackages.contains(name);
    }

    /** Package names reachable as namespaces ({@code dbt_utils.x()}), internal ones as {@code dbt}. */
    public Set<String> namespaces() {
        Set<String> out = new LinkedHashSet<>();
        out.add(DBT);
        for (String pkg : byPackage.keySet()) {
            if (!internalPackages.contains(pkg)) {
                out.add(pkg);
            }
        }
        return out;
    }

    /** Whether the root project itself defines a macro of this name (an override of a built-in). */
    public boolean rootDefines(String name) {
        return byPackage.getOrDefault(rootProject, Map.of()).containsKey(name);
    }

    /** The unique id of the macro an unqualified name resolves to for a package, for depends_on. */
    public String uniqueId(String packageName, String name) {
        for (String pkg : lookupOrder(packageName)) {
            String id = uniqueIds.get(pkg + "." + name);
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    private List<String> lookupOrder(String packageName) {
        List<String> order = new ArrayList<>();
        if (packageName != null) {
            order.add(packageName);
        }
        order.add(rootProject);
        order.add(internalPackages.get(1));
        order.add(DBT);
        return order;
    }
}
