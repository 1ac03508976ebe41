package quarry.core.jinja;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The variables of one render (dbt's per-node context): values set here are visible to the
 * template and to every macro bound here. A name is looked up in the template's own scopes,
 * then in this context, then in the environment's globals, then in the fallback resolver
 * (a place to find macros lazily), and is otherwise {@link Undefined}. Not thread-safe: one
 * context per render.
 */
public final class Context {
    private final JinjaEnvironment environment;
    private final Map<String, Object> variables = new HashMap<>();
    private Function<String, Object> fallback;
    private boolean lenient;
    private final Frame root;

    Context(JinjaEnvironment environment) {
        this.environment = environment;
        this.root = new Frame(null, this);
    }

    public JinjaEnvironment environment() {
        return environment;
    }

    /** Sets a variable of this render; Java numbers become Python ints and floats. */
    public Context set(String name, Object value) {
        variables.put(Objects.requireNonNull(name), Py.canonical(value));
        return this;
    }

    public Context setAll(Map<String, ?> values) {
        values.forEach(this::set);
        return this;
    }

    /**
     * A resolver for names found nowhere else, called at most once per lookup; it returns null
     * for an unknown name. The result is not cached: cache in the resolver if it allocates.
     */
    public Context fallback(Function<String, Object> resolver) {
        this.fallback = resolver;
        return this;
    }

    /**
     * Lenient undefined, as dbt uses while parsing: attribute access, items and calls on an
     * undefined value give undefined instead of failing.
     */
    public Context lenientUndefined(boolean enabled) {
        this.lenient = enabled;
        return this;
    }

    public boolean lenient() {
        return lenient;
    }

    /** The value of {@code name} as a template sees it at top level, or {@link Undefined}. */
    public Object lookup(String name) {
        Object v = variables.get(name);
        if (v != null || variables.containsKey(name)) {
            return v;
        }
        v = environment.global(name);
        if (v != null) {
            return v;
        }
        if (fallback != null) {
            v = fallback.apply(name);
            if (v != null) {
                return Py.canonical(v);
            }
        }
        return Undefined.named(name);
    }

    /** A callable macro whose free names resolve in this context (dbt binds every project macro so). */
    public Macro bind(MacroDefinition definition) {
        return new Macro(Objects.requireNonNull(definition), root, false);
    }

    /**
     * Calls the value named {@code name} (a macro, a host function) with the given arguments and
     * returns its result: for a macro, the value passed to {@code return()}, else its output.
     */
    public Object call(String name, Arguments arguments) {
        Object callee = lookup(name);
        if (callee instanceof Undefined u) {
            throw u.error();
        }
        return call(callee, arguments);
    }

    /** Calls any callable value with Python semantics (see {@link #call(String, Arguments)}). */
    public Object call(Object callee, Arguments arguments) {
        try {
            return Attributes.call(callee, arguments, lenient);
        } catch (ControlFlow flow) {
            throw new JinjaException(flow.isReturn() ? "return() used outside of a macro" : "break or continue outside a loop");
        }
    }

    Frame newTopFrame() {
        return new Frame(null, this);
    }
}
