package quarry.core.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JinjaEngineTest {
    private final JinjaEnvironment env = JinjaEnvironment.standard();

    private String render(String template) {
        return env.parse("t.sql", template).render(Map.of());
    }

    @Test
    void printsPythonValuesAsPythonDoes() {
        assertThat(render("{{ none }}|{{ [1,'a',none] }}|{{ {'k':'v'} }}|{{ (1,) }}|{{ true }}"))
                .isEqualTo("None|[1, 'a', None]|{'k': 'v'}|(1,)|True");
        assertThat(render("{{ 1/2 }}|{{ 7//2 }}|{{ 1.0 }}|{{ 1e20 }}|{{ 0.1+0.2 }}|{{ 2**100 }}"))
                .isEqualTo("0.5|3|1.0|1e+20|0.30000000000000004|1267650600228229401496703205376");
    }

    @Test
    void callsTheValueOfAnotherCall() {
        String t = "{% macro pick(n) %}{{ return(adder) }}{% endmacro %}"
                + "{% macro adder(a, b) %}{{ a + b }}{% endmacro %}{{ pick('x')(2, 3) }}";
        assertThat(render(t)).isEqualTo("5");
    }

    @Test
    void macrosAreValuesAndReturnEndsThem() {
        assertThat(render("{% macro d(x) %}a{{ return(x * 2) }}b{% endmacro %}{% set f = d %}{{ f(21) + 1 }}"))
                .isEqualTo("43");
        assertThat(render("{% macro d() %}{% do return([1]) %}{% endmacro %}{{ d() }}")).isEqualTo("[1]");
    }

    @Test
    void whitespaceControlStripsAroundTags() {
        assertThat(render("a  {%- if true -%}  b  {%- endif %}  c\n")).isEqualTo("ab  c");
        assertThat(render("x {#- comment -#} y")).isEqualTo("xy");
        assertThat(render("{%- raw -%} {{ x }} {%- endraw %}")).isEqualTo("{{ x }}");
    }

    @Test
    void undefinedRendersEmptyButFailsWhenItsAttributeIsRead() {
        assertThat(render("[{{ missing }}]{{ missing|length }}{% for x in missing %}x{% endfor %}"))
                .isEqualTo("[]0");
        assertThatThrownBy(() -> render("line\n{{ missing.attr }}"))
                .isInstanceOf(JinjaException.class)
                .hasMessageContaining("t.sql:2:")
                .hasMessageContaining("'missing' is undefined");
    }

    @Test
    void syntaxErrorsCarryLineAndColumn() {
        assertThatThrownBy(() -> env.parse("m.sql", "ok\n  {% if x %}\n{% endfor %}"))
                .isInstanceOfSatisfying(JinjaException.class, e -> {
                    assertThat(e.templateName()).isEqualTo("m.sql");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(4);
                });
    }

    @Test
    void loopVariablesAndControls() {
        assertThat(render("{% for x in 'abc' %}{{ loop.index }}{{ loop.cycle('+','-') }}{% if loop.last %}!{% endif %}"
                + "{% endfor %}")).isEqualTo("1+2-3+!");
        assertThat(render("{% for x in range(10) %}{% if x == 3 %}{% break %}{% endif %}{% if x is odd %}{% continue %}"
                + "{% endif %}{{ x }}{% endfor %}")).isEqualTo("02");
    }

    @Test
    void callBlocksPassArgumentsToCaller() {
        assertThat(render("{% macro m() %}<{{ caller(5) }}>{% endmacro %}{% call(n) m() %}n={{ n }}{% endcall %}"))
                .isEqualTo("<n=5>");
    }

    @Test
    void aTemplateRendersManyTimesFromOneParse() {
        Template t = env.parse("t", "{{ x * 2 }}");
        assertThat(t.render(Map.of("x", 2))).isEqualTo("4");
        assertThat(t.render(Map.of("x", "ab"))).isEqualTo("abab");
    }

    @Test
    void hostSetsBehaveAsPythonSets() {
        JinjaEnvironment withSet = JinjaEnvironment.builder()
                .global("set", (JinjaCallable) args -> new java.util.LinkedHashSet<>(
                        args.size() == 0 ? java.util.List.of() : Py.iterate(args.get(0))))
                .build();
        String out = withSet.parse("t", "{% set s = set([1, 2, 2]) %}{% do s.add(3) %}{{ s }} {{ 2 in s }} {{ s|length }}"
                + " {{ set() }} {{ s - set([1]) }} {{ s.union(['x']) }} {{ s|list }}").render(Map.of());
        assertThat(out).isEqualTo("{1, 2, 3} True 3 set() {2, 3} {1, 2, 3, 'x'} [1, 2, 3]");
    }

    @Test
    void oneTemplateRendersConcurrentlyWithOneContextPerRender() throws Exception {
        Template t = env.parse("t", "{% macro m(x) %}{% for i in range(x) %}{{ i }}{% endfor %}{% endmacro %}"
                + "{% set ns = namespace(n=0) %}{% for i in range(n) %}{% set ns.n = ns.n + i %}{% endfor %}{{ m(n) }}:{{ ns.n }}");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int task = 0; task < 4; task++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        int n = i % 10;
                        String expected = java.util.stream.IntStream.range(0, n).mapToObj(Integer::toString)
                                .collect(java.util.stream.Collectors.joining()) + ":" + (n * (n - 1) / 2);
                        if (!t.render(Map.of("n", n)).equals(expected)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
