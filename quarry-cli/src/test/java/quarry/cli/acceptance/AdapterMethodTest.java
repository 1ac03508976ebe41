package quarry.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * dbt's BaseAdapterMethod: a model that drops its own schema mid-run, checks that
 * {@code adapter.get_relation} no longer finds {@code upstream}, recreates the schema and a view
 * with {@code create_view_as}, then selects from it; and a test sizing its {@code limit} from
 * {@code adapter.get_columns_in_relation}. Unlike dbt-rockset, the columns test is kept and
 * {@code model} stays a view.
 */
class AdapterMethodTest extends AcceptanceTest {

    @RegisterExtension
    static final AcceptanceServer SERVER = new AcceptanceServer();

    /** dbt's first step: {@code compile} must not error. */
    @Test
    void compileOfAModelThatRunsQueriesDoesNotError() {
        project = write();
        project.runDbt("compile");
    }

    static final String MODEL_SQL = """
            {% set upstream = ref('upstream') %}
            {% if execute %}
                {# don't ever do any of this #}
                {%- do adapter.drop_schema(upstream) -%}
                {% set existing = adapter.get_relation(upstream.database, upstream.schema, upstream.identifier) %}
                {% if existing is not none %}
                    {% do exceptions.raise_compiler_error('expected ' ~ ' to not exist, but it did') %}
                {% endif %}
                {%- do adapter.create_schema(upstream) -%}
                {% set sql = create_view_as(upstream, 'select 2 as id') %}
                {% do run_query(sql) %}
            {% endif %}
            select * from {{ upstream }}
            """;

    private TestProject write() {
        return TestProject.in(dir, SERVER, getClass())
                .projectConfig(Map.of("name", "adapter_methods"))
                .models(Map.of(
                        "upstream.sql", "select 1 as id\n",
                        "expected.sql", "-- make sure this runs after 'model'\n-- {{ ref('model') }}\nselect 2 as id\n",
                        "model.sql", MODEL_SQL))
                .tests(Map.of("get_columns_in_relation.sql", """
                        {% set columns = adapter.get_columns_in_relation(ref('model')) %}
                        {% set limit_query = 0 %}
                        {% if (columns | length) == 0 %}
                            {% set limit_query = 1 %}
                        {% endif %}
                        select 1 as id limit {{ limit_query }}
                        """))
                .write();
    }

    @Test
    void aModelDropsAndRecreatesItsSchemaThroughTheAdapter() {
        project = write();
        assertThat(project.runDbt("run")).hasSize(3);
        project.assertRelationsEqual("model", "expected");
        assertThat(project.runDbt("test")).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("pass"));
    }
}
