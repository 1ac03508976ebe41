package quarry.core.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quarry.core.testing.TestProjects;

class UnitTestManifestTest {

    @TempDir
    Path dir;

    @Test
    void unitTestsAreWrittenUnderUnitTestsWithDbtsFieldNames() throws Exception {
        TestProjects.write(dir, Map.of(
                "dbt_project.yml", "name: p\nprofile: test\n",
                "models/a.sql", "select 1 as id",
                "models/staging/b.sql", "select * from {{ ref('a') }}",
                "models/staging/unit.yml", """
                        unit_tests:
                          - name: keeps_ids
                            description: ids pass through
                            model: b
                            given:
                              - input: ref('a')
                                rows: [{id: 1}]
                            expect:
                              format: csv
                              rows: |
                                id
                                1
                            overrides:
                              macros: {is_incremental: true}
                        """));
        var parsed = TestProjects.parse(dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ManifestWriter(parsed.session().relationStyle()).write(out, parsed.result().manifest(), parsed.result().dag(),
                new InvocationInfo("id-1", Instant.parse("2026-01-01T00:00:00Z"), "1.12.0", "quarry_test", Map.of()), Map.of());
        JsonNode m = new ObjectMapper().readTree(out.toByteArray());

        JsonNode u = m.at("/unit_tests/unit_test.p.b.keeps_ids");
        assertThat(u.path("resource_type").asText()).isEqualTo("unit_test");
        assertThat(u.path("model").asText()).isEqualTo("b");
        assertThat(u.path("name").asText()).isEqualTo("keeps_ids");
        assertThat(u.path("package_name").asText()).isEqualTo("p");
        assertThat(u.path("original_file_path").asText()).isEqualTo("models/staging/unit.yml");
        assertThat(u.path("path").asText()).isEqualTo("staging/unit.yml");
        assertThat(u.path("fqn").toString()).isEqualTo("[\"p\",\"staging\",\"b\",\"keeps_ids\"]");
        assertThat(u.at("/depends_on/nodes").toString()).isEqualTo("[\"model.p.b\"]");
        assertThat(u.at("/given/0/input").asText()).isEqualTo("ref('a')");
        assertThat(u.at("/given/0/format").asText()).isEqualTo("dict");
        assertThat(u.at("/given/0/rows/0/id").asInt()).isEqualTo(1);
        assertThat(u.at("/expect/format").asText()).isEqualTo("csv");
        assertThat(u.at("/expect/rows").asText()).isEqualTo("id\n1\n");
        assertThat(u.at("/overrides/macros/is_incremental").asBoolean()).isTrue();
        assertThat(u.at("/config/enabled").asBoolean()).isTrue();
        assertThat(m.at("/child_map/model.p.b").toString()).contains("unit_test.p.b.keeps_ids");
        assertThat(m.path("nodes").has("unit_test.p.b.keeps_ids")).isFalse();
    }
}
