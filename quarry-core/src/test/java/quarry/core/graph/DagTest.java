package quarry.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quarry.core.testing.TestProjects;

class DagTest {

    @TempDir
    Path dir;

    @Test
    void aCycleIsAnErrorNamingEveryMember() {
        TestProjects.write(dir, Map.of(
                "dbt_project.yml", "name: p\nprofile: test\n",
                "models/a.sql", "select * from {{ ref('c') }}",
                "models/b.sql", "select * from {{ ref('a') }}",
                "models/c.sql", "select * from {{ ref('b') }}",
                "models/d.sql", "select * from {{ ref('a') }}"));
        assertThatThrownBy(() -> TestProjects.parse(dir)).isInstanceOf(CycleException.class)
                .hasMessageContaining("model.p.a").hasMessageContaining("model.p.b").hasMessageContaining("model.p.c")
                .satisfies(e -> assertThat(((CycleException) e).members()).hasSize(3));
    }

    @Test
    void aCycleDownstreamOfAcyclicModelsNamesOnlyItsMembers() {
        TestProjects.write(dir, Map.of(
                "dbt_project.yml", "name: p\nprofile: test\n",
                "models/root.sql", "select 1",
                "models/left.sql", "select * from {{ ref('root') }}",
                "models/right.sql", "select * from {{ ref('root') }}",
                "models/join.sql", "select * from {{ ref('left') }} join {{ ref('right') }} join {{ ref('loop_b') }}",
                "models/loop_a.sql", "select * from {{ ref('join') }}",
                "models/loop_b.sql", "select * from {{ ref('loop_a') }}",
                "models/leaf.sql", "select * from {{ ref('loop_b') }}"));
        assertThatThrownBy(() -> TestProjects.parse(dir)).isInstanceOf(CycleException.class)
                .satisfies(e -> assertThat(((CycleException) e).members())
                        .containsExactlyInAnyOrder("model.p.join", "model.p.loop_a", "model.p.loop_b"));
    }

    @Test
    void aDiamondIsNotACycle() {
        TestProjects.write(dir, Map.of(
                "dbt_project.yml", "name: p\nprofile: test\n",
                "models/root.sql", "select 1",
                "models/left.sql", "select * from {{ ref('root') }}",
                "models/right.sql", "select * from {{ ref('root') }}",
                "models/join.sql", "select * from {{ ref('left') }} join {{ ref('right') }} join {{ ref('root') }}"));
        assertThat(TestProjects.parse(dir).result().dag().children("model.p.root"))
                .containsExactlyInAnyOrder("model.p.left", "model.p.right", "model.p.join");
    }

    @Test
    void aModelThatSelectsFromItselfIsACycleOfOne() {
        TestProjects.write(dir, Map.of(
                "dbt_project.yml", "name: p\nprofile: test\n",
                "models/a.sql", "select 1",
                "models/self.sql", "select * from {{ ref('self') }} join {{ ref('a') }}"));
        assertThatThrownBy(() -> TestProjects.parse(dir)).isInstanceOf(CycleException.class)
                .satisfies(e -> assertThat(((CycleException) e).members()).containsExactly("model.p.self"));
    }

    @Test
    void parentAndChildMapsListEveryIdSorted() {
        TestProjects.write(dir, Map.of(
                "dbt_project.yml", "name: p\nprofile: test\n",
                "models/z.sql", "select 1",
                "models/b.sql", "select * from {{ ref('z') }}",
                "models/a.sql", "select * from {{ ref('z') }} join {{ ref('b') }}"));
        Dag dag = TestProjects.parse(dir).result().dag();
        assertThat(dag.parentMap().keySet()).containsExactly("model.p.a", "model.p.b", "model.p.z");
        assertThat(dag.parentMap().get("model.p.a")).containsExactly("model.p.b", "model.p.z");
        assertThat(dag.childMap().keySet()).containsExactly("model.p.a", "model.p.b", "model.p.z");
        assertThat(dag.childMap().get("model.p.z")).containsExactly("model.p.a", "model.p.b");
    }

    @Test
    void ordersParentsBeforeChildrenAndWalksBothWays() {
        TestProjects.write(dir, Map.of(
                "dbt_project.yml", "name: p\nprofile: test\n",
                "models/a.sql", "select 1",
                "models/b.sql", "select * from {{ ref('a') }}",
                "models/c.sql", "select * from {{ ref('b') }}"));
        Dag dag = TestProjects.parse(dir).result().dag();
        assertThat(dag.topologicalOrder(Set.of("model.p.c", "model.p.a", "model.p.b")))
                .containsExactly("model.p.a", "model.p.b", "model.p.c");
        assertThat(dag.ancestors("model.p.c", -1)).containsExactlyInAnyOrder("model.p.a", "model.p.b");
        assertThat(dag.descendants("model.p.a", 1)).containsExactly("model.p.b");
        assertThat(dag.childMap().get("model.p.a")).containsExactly("model.p.b");
    }
}
