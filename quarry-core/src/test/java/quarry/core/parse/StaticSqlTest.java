package quarry.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import quarry.core.manifest.RefCall;

class StaticSqlTest {

    @Test
    void readsRefSourceAndConfigWithLiteralArguments() {
        var sql = StaticSql.analyze("""
                {{ config(materialized='table', tags=['a', 'b'], meta={'owner': 'x'}) }}
                select * from {{ ref('orders') }} join {{ ref('pkg', 'items', v=2) }}
                join {{ source("raw", "events") }} {# a comment #}
                """).orElseThrow();
        assertThat(sql.refs()).containsExactly(new RefCall("orders", null, null), new RefCall("items", "pkg", "2"));
        assertThat(sql.sources()).containsExactly(List.of("raw", "events"));
        assertThat(sql.config()).containsEntry("materialized", "table").containsEntry("tags", List.of("a", "b"));
    }

    @Test
    void anythingElseNeedsJinja() {
        assertThat(StaticSql.analyze("select {{ var('x') }}")).isEmpty();
        assertThat(StaticSql.analyze("{% if true %}select 1{% endif %}")).isEmpty();
        assertThat(StaticSql.analyze("select * from {{ ref(name) }}")).isEmpty();
        assertThat(StaticSql.analyze("select * from {{ ref('a') | lower }}")).isEmpty();
    }

    @Test
    void keepsTextAsJinjaWouldRenderIt() {
        var sql = StaticSql.analyze("select 1\n  {{- config(materialized='view') -}}  \nfrom x\n").orElseThrow();
        StringBuilder out = new StringBuilder();
        for (StaticSql.Part p : sql.parts()) {
            if (p instanceof StaticSql.Text t) {
                out.append(t.text());
            }
        }
        assertThat(out.toString()).isEqualTo("select 1from x");
    }
}
