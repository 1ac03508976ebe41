package quarry.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quarry.core.manifest.Manifest;
import quarry.core.manifest.ResourceType;
import quarry.core.testing.TestProjects;

/** What dbt makes of the files under a project's test paths, and of tests whose model is missing. */
class TestFolderTest {

    @TempDir
    Path dir;

    @Test
    void aTestPathsGenericFolderHoldsGenericTestsAndTheRestAreSingularTests() {
        TestProjects.write(dir, Map.of(
                "dbt_project.yml", "name: p\nprofile: test\n",
                "models/m.sql", "select 1 as id",
                "models/m.yml", """
                        models:
                          - name: m
                            columns:
                              - name: id
                                data_tests:
                                  - is_positive
                        """,
                "tests/generic/is_positive.sql",
                "{% test is_positive(model, column_name) %}select * from {{ model }} where {{ column_name }} <= 0{% endtest %}",
                "tests/generic/more/also_generic.sql", "{% test also_generic(model) %}select 1{% endtest %}",
                "tests/assert_one_row.sql", "select * from {{ ref('m') }} where id > 1"));
        Manifest m = TestProjects.parse(dir).result().manifest();
        assertThat(m.macros()).containsKeys("macro.p.test_is_positive", "macro.p.test_also_generic");
        assertThat(m.nodes().values()).filteredOn(n -> n.resourceType() == ResourceType.TEST)
                .extracting(n -> n.name()).containsExactlyInAnyOrder("assert_one_row", "is_positive_m_id");
    }

    @Test
    void jinjaInATestsConfigIsRenderedWithTheTargetKnown() {
        TestProjects.write(dir, Map.of(
                "dbt_project.yml", "name: p\nprofile: test\n",
                "models/m.sql", "select 1 as id",
                "models/m.yml", """
                        models:
                          - name: m
                            columns:
                              - name: id
                                data_tests:
                                  - unique:
                                      config:
                                        severity: "{{ 'warn' if target.name == target.name else 'error' }}"
                                        where: "id > {{ 0 }}"
                        """));
        var test = TestProjects.parse(dir).result().manifest().nodes().values().stream()
                .filter(n -> n.resourceType() == ResourceType.TEST).findFirst().orElseThrow();
        assertThat(test.config()).containsEntry("severity", "WARN").containsEntry("where", "id > {{ 0 }}");
    }

    @Test
    void aDataTestOnAModelThatDoesNotExistIsSkippedWithAWarning() {
        TestProjects.write(dir, Map.of(
                "dbt_project.yml", "name: p\nprofile: test\n",
                "models/m.sql", "select 1 as id",
                "models/m.yml", """
                        models:
                          - name: m
                            data_tests:
                              - relationships:
                                  arguments: {to: ref('gone'), field: id}
                                  column_name: id
                          - name: only_on_some_adapters
                            columns:
                              - name: id
                                data_tests: [unique]
                        """));
        TestProjects.Parsed parsed = TestProjects.parse(dir);
        assertThat(parsed.result().manifest().nodes().values()).noneMatch(n -> n.resourceType() == ResourceType.TEST);
        var warnings = parsed.session().diagnostics().warnings();
        assertThat(warnings).anySatisfy(w -> assertThat(w)
                .contains("models/m.yml", "is skipped", "ref('only_on_some_adapters') not found"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("ref('gone') not found"));
    }
}
