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
