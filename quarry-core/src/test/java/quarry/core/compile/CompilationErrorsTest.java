package quarry.core.compile;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quarry.core.testing.TestProjects;

/** Every compilation error names the file and the line. */
class CompilationErrorsTest {

    @TempDir
    Path dir;

    private TestProjects.Parsed project(String file, String sql) {
        TestProjects.write(dir, Map.of("dbt_project.yml", "name: p\nprofile: test\n", file, sql,
                "macros/m.sql", "{% macro fail_here() %}\n  {{ exceptions.raise_compiler_error('custom failure') }}\n{% endmacro %}\n"));
        return TestProjects.parse(dir);
    }

    @Test
    void aJinjaSyntaxErrorNamesFileAndLine() {
        assertThatThrownBy(() -> project("models/bad.sql", "select 1\n{% if %}\n"))
                .isInstanceOf(CompilationException.class).hasMessageStartingWith("models/bad.sql:2");
    }

    @Test
    void raiseCompilerErrorNamesTheMacroLine() {
        var parsed = project("models/uses.sql", "select 1\n{% if execute %}{{ fail_here() }}{% endif %}\n");
        assertThatThrownBy(() -> parsed.compiled("model.p.uses")).isInstanceOf(CompilationException.class)
                .hasMessageContaining("macros/m.sql:2").hasMessageContaining("custom failure");
    }

    @Test
    void aMissingVarNamesTheModelAndLine() {
        assertThatThrownBy(() -> project("models/v.sql", "select\n  {{ var('nope') }}\n"))
                .isInstanceOf(CompilationException.class).hasMessageStartingWith("models/v.sql:2")
                .hasMessageContaining("Required var 'nope'");
    }

    @Test
    void aRefOnlySeenWhileExecutingIsAnError() {
        TestProjects.write(dir, Map.of("models/a.sql", "select 1"));
        var parsed = project("models/hidden.sql", "select 1 {% if execute %} from {{ ref('a') }}{% endif %}");
        assertThatThrownBy(() -> parsed.compiled("model.p.hidden")).isInstanceOf(CompilationException.class)
                .hasMessageContaining("models/hidden.sql").hasMessageContaining("depends_on");
    }

    @Test
    void anUnknownDispatchNamesWhatWasSearched() {
        assertThatThrownBy(() -> project("models/d.sql", "select {{ adapter.dispatch('nothing_here', 'dbt')() }}"))
                .isInstanceOf(CompilationException.class)
                .hasMessageContaining("models/d.sql:1").hasMessageContaining("dbt.quarry_test__nothing_here")
                .hasMessageContaining("dbt.default__nothing_here");
    }
}
