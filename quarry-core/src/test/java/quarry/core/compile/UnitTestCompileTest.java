package quarry.core.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quarry.core.manifest.UnitTest;
import quarry.core.testing.TestProjects;

class UnitTestCompileTest {

    @TempDir
    Path dir;

    private TestProjects.Parsed parsed;

    @BeforeEach
    void project() {
        TestProjects.write(dir, Map.of(
                "dbt_project.yml", "name: p\nprofile: test\nvars: {min_id: 0}\n",
                "seeds/codes.csv", "code\na\n",
                "models/a.sql", "select 1 as id",
                "models/inc.sql", """
                        {{ config(materialized='incremental') }}
                        select a.id, '{{ env_var('REGION', 'eu') }}' as region from {{ ref('a') }} a join {{ ref('codes') }} c on 1 = 1
                        where a.id > {{ var('min_id') }}
                        {% if is_incremental() %} and a.id > (select max(id) from {{ this }}){% endif %}
                        """));
        parsed = TestProjects.parse(dir);
    }

    private String compile(Map<String, String> inputs, UnitTest.Overrides overrides) {
        return parsed.compiler().compileUnitTest(parsed.node("model.p.inc"), inputs, overrides);
    }

    @Test
    void givenInputsAreReadFromFixtureCtesAndSeedsAsThemselves() {
        String sql = compile(Map.of("model.p.a", "SELECT 5 AS \"id\""), UnitTest.Overrides.NONE);
        assertThat(sql).contains("__dbt__cte__a as (\nSELECT 5 AS \"id\"\n)")
                .contains("from __dbt__cte__a a join \"warehouse\".\"analytics\".\"codes\" c")
                .contains("where a.id > 0")
                .contains("'eu' as region")
                .doesNotContain("max(id)");
    }

    @Test
    void overridesAnswerForMacrosVarsAndEnvVarsAndThisReadsItsFixture() {
        String sql = compile(Map.of("model.p.a", "SELECT 5 AS \"id\"", "model.p.inc", "SELECT 1 AS \"id\""),
                new UnitTest.Overrides(Map.of("min_id", 3), Map.of("is_incremental", true), Map.of("REGION", "us")));
        assertThat(sql).contains("where a.id > 3")
                .contains("'us' as region")
                .contains("(select max(id) from __dbt__cte__this)")
                .contains("__dbt__cte__this as (\nSELECT 1 AS \"id\"\n)");
    }

    @Test
    void aNamespacedMacroOverrideAnswersAndTheNamespacesOtherMacrosStillWork() {
        TestProjects.write(dir, Map.of("models/stamped.sql",
                "select {{ dbt.current_timestamp() }} as at, {{ dbt.concat([\"'a'\", \"'b'\"]) }} as ab from {{ ref('a') }}"));
        parsed = TestProjects.parse(dir);
        String sql = parsed.compiler().compileUnitTest(parsed.node("model.p.stamped"), Map.of("model.p.a", "SELECT 1 AS \"id\""),
                new UnitTest.Overrides(Map.of(), Map.of("dbt.current_timestamp", "TIMESTAMP '2024-01-02 00:00:00'"), Map.of()));
        assertThat(sql).contains("select TIMESTAMP '2024-01-02 00:00:00' as at, ").doesNotContain("current_timestamp")
                .contains("'a'").contains("'b'");
    }

    @Test
    void aRefThatIsNotGivenIsAnError() {
        assertThatThrownBy(() -> compile(Map.of(), UnitTest.Overrides.NONE))
                .isInstanceOf(CompilationException.class)
                .hasMessageContaining("ref('a') is not given; add it under given:");
    }
}
