package quarry.core.jinja;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A package's macros under its name, as templates see {@code dbt_utils.star(...)} or
 * {@code dbt.concat(...)}: each definition is bound to the render's {@link Context} on first use.
 */
public final class MacroNamespace implements JinjaObject {
    private final String name;
    private final Context context;
    private final Map<String, MacroDefinition> definitions;
    private final Map<String, Macro> bound = new HashMap<>();

    public MacroNamespace(String name, Context context, Map<String, MacroDefinition> definitions) {
        this.name = Objects.requireNonNull(name);
        this.context = Objects.requireNonNull(context);
        this.definitions = Objects.requireNonNull(definitions);
    }

    /** The bound macro {@code name}, or null when the package defines none. */
    public Macro macro(String macroName) {
        Macro macro = bound.get(macroName);
        if (macro == null) {
            MacroDefinition definition = definitions.get(macroName);
            if (definition == null) {
                return null;
            }
            macro = context.bind(definition);
            bound.put(macroName, macro);
        }
        return macro;
    }

    @Override
    public Object attribute(String attribute) {
        Macro macro = macro(attribute);
        return macro != null ? macro : Undefined.withHint("'" + name + "' has no macro named '" + attribute + "'");
    }

    @Override
    public String toString() {
        return "<MacroNamespace " + name + ">";
    }
}
