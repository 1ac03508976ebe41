package quarry.core.jinja;

import java.util.List;
import java.util.Map;

/**
 * A parsed template: parsed once by {@link JinjaEnvironment#parse}, rendered any number of
 * times, from any number of threads (each render with its own {@link Context}). It also lists
 * the macros and dbt blocks defined at its top level, found without rendering.
 */
public final class Template {
    private final String name;
    private final JinjaEnvironment environment;
    private final Stmt.Body root;
    private final List<MacroDefinition> macros;
    private final List<NamedBlock> blocks;
    private final java.util.Set<String> referencedNames;

    Template(String name, JinjaEnvironment environment, Stmt.Body root, List<MacroDefinition> macros,
            List<NamedBlock> blocks, java.util.Set<String> referencedNames) {
        this.referencedNames = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(referencedNames));
        this.name = name;
        this.environment = environment;
        this.root = root;
        this.macros = List.copyOf(macros);
        this.blocks = List.copyOf(blocks);
    }

    Stmt.Body root() {
        return root;
    }

    public String name() {
        return name;
    }

    /** Macros defined at top level ({@code macro}, dbt's {@code test} and {@code materialization}), in order. */
    public List<MacroDefinition> macros() {
        return macros;
    }

    /** Every variable name and {@code name.attribute} the template reads, macro bodies included, sorted. */
    public java.util.Set<String> referencedNames() {
        return referencedNames;
    }

    /** dbt's {@code snapshot} and {@code docs} blocks at top level, in order. */
    public List<NamedBlock> blocks() {
        return blocks;
    }

    /** Renders with a fresh context holding {@code variables}. */
    public String render(Map<String, ?> variables) {
        return render(environment.newContext().setAll(variables));
    }

    /**
     * dbt's native rendering (used for some YAML values): a template that is one {@code {{ expression }}}
     * and nothing else evaluates to the expression's value (a bool, a number, a list...);
     * any other template renders to its string.
     */
    public Object evaluate(Context context) {
        if (root.statements.length == 1 && root.statements[0] instanceof Stmt.Print print) {
            try {
                return print.expr.eval(context.newTopFrame());
            } catch (ControlFlow flow) {
                throw new JinjaException("return() used outside of a macro", name, 0, 0, null);
            }
        }
        return render(context);
    }

    /** Renders in {@code context}; top-level sets stay local to this render of this template. */
    public String render(Context context) {
        StringBuilder out = new StringBuilder(256);
        try {
            root.render(context.newTopFrame(), out);
        } catch (ControlFlow flow) {
            if (flow.isReturn()) {
                throw new JinjaException("return() used outside of a macro", name, 0, 0, null);
            }
            throw new JinjaException("break or continue outside a loop", name, 0, 0, null);
        }
        return out.toString();
    }
}
