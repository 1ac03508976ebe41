package quarry.core.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostInterfaceTest {

    /** A host object with attributes and methods, like dbt's relation or adapter. */
    private record Relation(String schema, String identifier) implements JinjaObject {
        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "schema" -> schema;
                case "identifier" -> identifier;
                case "quote" -> (JinjaCallable) args -> "\"" + args.get(0) + "\"";
                default -> Undefined.INSTANCE;
            };
        }

        @Override
        public String toString() {
            return schema + "." + identifier;
        }
    }

    @Test
    void hostCallablesReceivePositionalAndKeywordArguments() {
        List<Arguments> calls = new ArrayList<>();
        JinjaEnvironment env = JinjaEnvironment.builder()
                .global("config", (JinjaCallable) args -> {
                    calls.add(args);
                    return "";
                })
                .build();
        env.parse("m.sql", "{{ config(materialized='table', tags=['a']) }}{{ config({'x': 1}) }}").render(Map.of());
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).keywords()).containsEntry("materialized", "table");
        assertThat(calls.get(0).keywords().get("tags")).isEqualTo(List.of("a"));
        assertThat(calls.get(1).get(0)).isEqualTo(Map.of("x", 1L));
    }

    @Test
    void hostObjectsExposeAttributesAndMethods() {
        JinjaEnvironment env = JinjaEnvironment.standard();
        Context ctx = env.newContext().set("this", new Relation("analytics", "orders"));
        String out = env.parse("m.sql", "{{ this }}|{{ this.schema }}|{{ this.quote('id') }}|{{ this.nope }}").render(ctx);
        assertThat(out).isEqualTo("analytics.orders|analytics|\"id\"|");
    }

    @Test
    void boundMacrosSeeTheRenderContextAndJavaGetsTheirResults() {
        JinjaEnvironment env = JinjaEnvironment.standard();
        Template macros = env.parse("macros/x.sql",
                "{% macro greet(name) %}hi {{ name }} from {{ target }}{% endmacro %}"
                        + "{% macro double(x) %}{{ return(x * 2) }}{% endmacro %}");
        Context ctx = env.newContext().set("target", "dev");
        for (MacroDefinition d : macros.macros()) {
            ctx.set(d.name(), ctx.bind(d));
        }
        assertThat(ctx.call("greet", Arguments.of("bob"))).isEqualTo("hi bob from dev");
        assertThat(ctx.call("double", Arguments.of(21))).isEqualTo(42L);
        assertThat(env.parse("m.sql", "{{ double(2) }}").render(ctx)).isEqualTo("4");
    }

    @Test
    void packageMacrosAreReachableUnderTheirNamespace() {
        JinjaEnvironment env = JinjaEnvironment.standard();
        Template pkg = env.parse("dbt_packages/dbt_utils/macros/star.sql", "{% macro star(from) %}*{% endmacro %}");
        Map<String, MacroDefinition> defs = new HashMap<>();
        pkg.macros().forEach(d -> defs.put(d.name(), d));
        Context ctx = env.newContext();
        ctx.set("dbt_utils", new MacroNamespace("dbt_utils", ctx, defs));
        assertThat(env.parse("m.sql", "select {{ dbt_utils.star(from='x') }}").render(ctx)).isEqualTo("select *");
        assertThatThrownBy(() -> env.parse("m.sql", "{{ dbt_utils.nope() }}").render(ctx))
                .hasMessageContaining("m.sql:1:").hasMessageContaining("no macro named 'nope'");
    }

    @Test
    void adapterDispatchResolvesThroughTheHost() {
        JinjaEnvironment env = JinjaEnvironment.standard();
        Template macros = env.parse("macros/c.sql",
                "{% macro cents(c) %}{{ return(adapter.dispatch('cents', 'pkg')(c)) }}{% endmacro %}"
                        + "{% macro default__cents(c) %}({{ c }} / 100){% endmacro %}"
                        + "{% macro rockset__cents(c) %}CAST({{ c }} AS float) / 100{% endmacro %}");
        Context ctx = env.newContext();
        macros.macros().forEach(d -> ctx.set(d.name(), ctx.bind(d)));
        JinjaObject adapter = name -> name.equals("dispatch") ? (JinjaCallable) args -> {
            String macro = (String) args.get(0);
            for (String prefix : List.of("rockset__", "default__")) {
                Object found = ctx.lookup(prefix + macro);
                if (!(found instanceof Undefined)) {
                    return found;
                }
            }
            throw new JinjaException("no macro " + macro);
        } : Undefined.INSTANCE;
        ctx.set("adapter", adapter);
        assertThat(env.parse("m.sql", "{{ cents('amount') }}").render(ctx)).isEqualTo("CAST(amount AS float) / 100");
    }

    @Test
    void fallbackResolvesNamesLazily() {
        JinjaEnvironment env = JinjaEnvironment.standard();
        Context ctx = env.newContext().fallback(name -> name.startsWith("lazy_") ? name.substring(5) : null);
        assertThat(env.parse("t", "{{ lazy_value }}|{{ other }}").render(ctx)).isEqualTo("value|");
    }

    @Test
    void lenientUndefinedSwallowsAttributesAndCalls() {
        JinjaEnvironment env = JinjaEnvironment.standard();
        Context ctx = env.newContext().lenientUndefined(true);
        assertThat(env.parse("t", "[{{ nothing.at.all() }}]").render(ctx)).isEqualTo("[]");
    }

    @Test
    void hostErrorsAreLocated() {
        JinjaEnvironment env = JinjaEnvironment.builder()
                .global("fail", (JinjaCallable) args -> {
                    throw new JinjaException("boom");
                })
                .build();
        assertThatThrownBy(() -> env.parse("models/a.sql", "x\n\n  {{ fail() }}").render(Map.of()))
                .isInstanceOfSatisfying(JinjaException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).isEqualTo("models/a.sql:3:6: boom");
                });
    }

    @Test
    void errorsInMacrosNameTheMacroFileAndTheCallSites() {
        JinjaEnvironment env = JinjaEnvironment.standard();
        Template macros = env.parse("macros/util.sql",
                "{% macro outer(x) %}{{ inner(x) }}{% endmacro %}\n{% macro inner(x) %}\n{{ x.missing.attr }}{% endmacro %}");
        Context ctx = env.newContext();
        macros.macros().forEach(d -> ctx.set(d.name(), ctx.bind(d)));
        assertThatThrownBy(() -> env.parse("models/m.sql", "select\n  {{ outer({}) }}").render(ctx))
                .isInstanceOfSatisfying(JinjaException.class, e -> {
                    assertThat(e.templateName()).isEqualTo("macros/util.sql");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.callers()).containsExactly("models/m.sql:2:6");
                });
    }

    @Test
    void hostObjectsMissingAttributesNameTheAttribute() {
        JinjaEnvironment env = JinjaEnvironment.standard();
        Context ctx = env.newContext().set("this", new Relation("s", "t"));
        assertThatThrownBy(() -> env.parse("m.sql", "{{ this.nope() }}").render(ctx))
                .hasMessageContaining("has no attribute 'nope'");
    }

    @Test
    void nativeEvaluationReturnsTheValueOfALoneExpression() {
        JinjaEnvironment env = JinjaEnvironment.standard();
        Context ctx = env.newContext().set("flag", false);
        assertThat(env.parse("dbt_project.yml", "{{ flag }}").evaluate(ctx)).isEqualTo(false);
        assertThat(env.parse("dbt_project.yml", "{{ [1, 'a'] }}").evaluate(ctx)).isEqualTo(List.of(1L, "a"));
        assertThat(env.parse("dbt_project.yml", "x{{ flag }}").evaluate(ctx)).isEqualTo("xFalse");
    }

    @Test
    void literalEvalReadsPythonLiterals() {
        JinjaEnvironment env = JinjaEnvironment.standard();
        assertThat(env.literalEval("{'a': [1, -2.5, True, None], 'b': ('x',)}"))
                .isEqualTo(Map.of("a", java.util.Arrays.asList(1L, -2.5, true, null), "b", PyTuple.of("x")));
        assertThat(env.literalEval(" 42 ")).isEqualTo(42L);
        assertThatThrownBy(() -> env.literalEval("1 + 2")).isInstanceOf(JinjaException.class);
        assertThatThrownBy(() -> env.literalEval("select * from x")).isInstanceOf(JinjaException.class);
    }
}
