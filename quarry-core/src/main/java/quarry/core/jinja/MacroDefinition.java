package quarry.core.jinja;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed macro, not bound to any render: {@code {% macro name(a, b=1) %}}, or dbt's
 * {@code {% test name(...) %}} (named {@code test_<name>}) and
 * {@code {% materialization name, adapter='x' %}} (named {@code materialization_<name>_<adapter>}).
 * Bind it to a render with {@link Context#bind(MacroDefinition)}.
 */
public final class MacroDefinition {
    private final String name;
    private final List<String> parameters;
    private final Expr[] defaults;
    final Stmt.Body body;
    final boolean catchKwargs;
    final boolean catchVarargs;
    final boolean usesCaller;
    private final Pos pos;
    private final Set<String> referencedNames;
    private final Kind kind;

    /** What declared the macro. */
    public enum Kind { MACRO, TEST, MATERIALIZATION, CALLER }

    MacroDefinition(Kind kind, String name, List<String> parameters, List<Expr> defaults, Stmt.Body body,
            Set<String> referencedNames, Pos pos) {
        this.kind = kind;
        this.name = name;
        this.parameters = List.copyOf(parameters);
        this.defaults = defaults.toArray(new Expr[0]);
        this.body = body;
        this.referencedNames = Collections.unmodifiableSortedSet(new TreeSet<>(referencedNames));
        this.catchKwargs = referencedNames.contains("kwargs");
        this.catchVarargs = referencedNames.contains("varargs");
        this.usesCaller = referencedNames.contains("caller");
        this.pos = pos;
    }

    /**
     * Every variable name the body reads (macros it calls, context members it uses) and every
     * {@code name.attribute} read ({@code dbt_utils.star}), sorted; dbt's {@code depends_on.macros}
     * is those that are macros.
     */
    public Set<String> referencedNames() {
        return referencedNames;
    }

    /** The name templates call it by ({@code test_not_null}, {@code materialization_table_default}). */
    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** Parameter names in order. */
    public List<String> parameters() {
        return parameters;
    }

    /** True when the parameter at {@code index} has a default value. */
    public boolean hasDefault(int index) {
        return defaults[index] != null;
    }

    public String templateName() {
        return pos.template();
    }

    /** The 1-based line of the opening tag. */
    public int line() {
        return pos.line();
    }

    Expr defaultAt(int index) {
        return defaults[index];
    }

    @Override
    public String toString() {
        return "MacroDefinition[" + name + parameters + " at " + pos.template() + ":" + pos.line() + "]";
    }
}
