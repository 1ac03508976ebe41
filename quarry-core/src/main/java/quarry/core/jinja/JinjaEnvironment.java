package quarry.core.jinja;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Jinja2 configured as dbt configures it: a sandboxed environment with the {@code do} and
 * {@code loopcontrols} extensions, dbt's {@code test}/{@code materialization}/{@code snapshot}/
 * {@code docs} blocks and {@code return()}, no autoescaping, default newline handling. It holds
 * the filters, tests and globals shared by every render; it is immutable and thread-safe.
 */
public final class JinjaEnvironment {
    private final Map<String, Object> globals;
    private final Map<String, JinjaFilter> filters;
    private final Map<String, JinjaTest> tests;
    private final boolean keepTrailingNewline;

    private JinjaEnvironment(Builder builder) {
        this.globals = Map.copyOf(builder.globals);
        Map<String, JinjaFilter> bound = new HashMap<>(builder.filters);
        bound.replaceAll((name, filter) -> filter instanceof Builtins.EnvironmentFilter e ? e.bind(this) : filter);
        this.filters = Map.copyOf(bound);
        Map<String, JinjaTest> boundTests = new HashMap<>(builder.tests);
        boundTests.replaceAll((name, test) -> test instanceof Builtins.EnvironmentTest e ? e.bind(this) : test);
        this.tests = Map.copyOf(boundTests);
        this.keepTrailingNewline = builder.keepTrailingNewline;
    }

    /** A builder preloaded with Jinja2's built-in filters, tests and globals. */
    public static Builder builder() {
        return new Builder();
    }

    /** The environment with only the built-ins. */
    public static JinjaEnvironment standard() {
        return builder().build();
    }

    /**
     * Parses {@code source}; {@code templateName} (a file path) names it in errors.
     *
     * @throws JinjaException a syntax error, with line and column
     */
    public Template parse(String templateName, String source) {
        Objects.requireNonNull(templateName);
        Source src = new Source(templateName, Objects.requireNonNull(source), keepTrailingNewline);
        return new Parser(this, src).parseTemplate();
    }

    /**
     * Python's {@code ast.literal_eval} for the literals templates can write: numbers, strings,
     * booleans, None, lists, tuples and dicts of them (dbt's {@code as_native} needs it).
     *
     * @throws JinjaException when {@code text} is not such a literal
     */
    public Object literalEval(String text) {
        return LiteralEval.eval(this, text);
    }

    /** An empty per-render context. */
    public Context newContext() {
        return new Context(this);
    }

    Object global(String name) {
        return globals.get(name);
    }

    JinjaFilter filter(String name) {
        return filters.get(name);
    }

    JinjaTest test(String name) {
        return tests.get(name);
    }

    boolean keepTrailingNewline() {
        return keepTrailingNewline;
    }

    /** Collects globals, filters and tests; the built-ins are present and may be replaced. */
    public static final class Builder {
        private final Map<String, Object> globals = new HashMap<>();
        private final Map<String, JinjaFilter> filters = new HashMap<>();
        private final Map<String, JinjaTest> tests = new HashMap<>();
        private boolean keepTrailingNewline;

        private Builder() {
            Builtins.register(this);
        }

        /** A value or {@link JinjaCallable} visible to every template of the environment. */
        public Builder global(String name, Object value) {
            globals.put(Objects.requireNonNull(name), Py.canonical(Objects.requireNonNull(value)));
            return this;
        }

        public Builder filter(String name, JinjaFilter filter) {
            filters.put(Objects.requireNonNull(name), Objects.requireNonNull(filter));
            return this;
        }

        public Builder test(String name, JinjaTest test) {
            tests.put(Objects.requireNonNull(name), Objects.requireNonNull(test));
            return this;
        }

        /** Jinja2's {@code keep_trailing_newline}; false (drop one trailing newline) by default, as in dbt. */
        public Builder keepTrailingNewline(boolean keep) {
            this.keepTrailingNewline = keep;
            return this;
        }

        JinjaFilter filter(String name) {
            return filters.get(name);
        }

        JinjaTest test(String name) {
            return tests.get(name);
        }

        public JinjaEnvironment build() {
            return new JinjaEnvironment(this);
        }
    }
}
