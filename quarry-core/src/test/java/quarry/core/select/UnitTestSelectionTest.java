package quarry.core.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quarry.core.testing.TestProjects;

class UnitTestSelectionTest {

    @TempDir
    Path dir;

    private NodeSelector selector;

    @BeforeEach
    void project() {
        TestProjects.write(dir, Map.of(
                "dbt_project.yml", "name: p\nprofile: test\n",
                "models/a.sql", "select 1 as id",
                "models/b.sql", "select * from {{ ref('a') }}",
                "models/props.yml", """
                        models:
                          - name: b
                            columns:
                              - name: id
                                data_tests: [unique]
                        unit_tests:
                          - name: b_keeps_ids
                            model: b
                            config: {tags: [fast]}
                            given: [{input: "ref('a')", rows: [{id: 1}]}]
                            expect: {rows: [{id: 1}]}
                        """));
        var parsed = TestProjects.parse(dir);
        selector = new NodeSelector(parsed.result().manifest(), parsed.result().dag(), Selectors.load(dir));
    }

    private Set<String> select(List<String> types, String... args) {
        return selector.onlyTypes(selector.select(List.of(args), List.of(), null), types);
    }

    @Test
    void testTypeUnitUnitTestAndResourceTypeSelectUnitTests() {
        assertThat(select(List.of(), "test_type:unit")).containsExactly("unit_test.p.b.b_keeps_ids");
        assertThat(select(List.of(), "unit_test:b_keeps_ids")).containsExactly("unit_test.p.b.b_keeps_ids");
        assertThat(select(List.of(), "unit_test:b_*")).containsExactly("unit_test.p.b.b_keeps_ids");
        assertThat(select(List.of(), "resource_type:unit_test")).containsExactly("unit_test.p.b.b_keeps_ids");
        assertThat(select(List.of(), "tag:fast")).containsExactly("unit_test.p.b.b_keeps_ids");
        assertThat(select(List.of("test"), "test_type:data")).doesNotContain("unit_test.p.b.b_keeps_ids");
    }

    @Test
    void selectingAModelSelectsItsUnitTestsAsItsDataTests() {
        Set<String> tests = select(List.of("unit_test", "test"), "b");
        assertThat(tests).hasSize(2).contains("unit_test.p.b.b_keeps_ids");
        assertThat(tests).anyMatch(id -> id.startsWith("test.p.unique_b_id"));
        assertThat(select(List.of("unit_test"), "a")).isEmpty();
        assertThat(select(List.of("model"), "b")).containsExactly("model.p.b");
    }

    @Test
    void excludingTheResourceTypeLeavesUnitTestsOut() {
        assertThat(selector.select(List.of("b"), List.of("resource_type:unit_test"), null))
                .doesNotContain("unit_test.p.b.b_keeps_ids").contains("model.p.b");
    }
}
