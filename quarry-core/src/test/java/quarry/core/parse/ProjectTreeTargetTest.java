package quarry.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quarry.core.testing.TestProjects;

/** dbt_project.yml config values may use the target, as dbt renders them when it resolves node config. */
class ProjectTreeTargetTest {

    @TempDir
    Path dir;

    @Test
    void aConfigTreeValueMayReadTheTarget() {
        TestProjects.write(dir, Map.of(
                "dbt_project.yml", """
                        name: p
                        profile: test
                        models:
                          p:
                            +materialized: "{{ 'ephemeral' if target.name == 'trino' else 'table' }}"
                            +tags: ["{{ var('team', 'data') }}"]
                        """,
                "models/m.sql", "select 1 as id"));
        var node = TestProjects.parse(dir).node("model.p.m");
        assertThat(node.materialized()).isEqualTo("table");
        assertThat(node.tags()).containsExactly("data");
    }
}
