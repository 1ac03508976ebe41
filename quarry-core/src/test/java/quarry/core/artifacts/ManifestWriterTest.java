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

class ManifestWriterTest {

    @TempDir
    Path dir;

    private JsonNode manifest() throws Exception {
        TestProjects.write(dir, Map.of(
                "dbt_project.yml", "name: p\nprofile: test\n",
                "models/a.sql", "select 1 as id",
                "models/b.sql", "{{ config(materialized='ephemeral') }} select * from {{ ref('a') }}",
                "models/props.yml", """
                        models:
                          - name: a
                            description: "{{ doc('a_doc') }}"
                            config: {contract: {enforced: true}}
                            columns:
                              - name: id
                                data_type: int
                                data_tests: [unique]
                        exposures:
                          - name: dashboard
                            type: dashboard
                            owner: {name: ops}
                            depends_on: ["ref('a')"]
                        """,
                "models/docs.md", "{% docs a_doc %}The **a** model.{% enddocs %}",
                "snapshots/snap.sql", "{% snapshot snap %}{{ config(unique_key='id', strategy='check', check_cols='all') }}"
                        + " select * from {{ ref('a') }}{% endsnapshot %}"));
        var parsed = TestProjects.parse(dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ManifestWriter(parsed.session().relationStyle()).write(out, parsed.result().manifest(), parsed.result().dag(),
                new InvocationInfo("id-1", Instant.parse("2026-01-01T00:00:00Z"), "1.12.0", "quarry_test",
                        Map.of("DBT_ENV_CUSTOM_ENV_X", "y")), Map.of());
        return new ObjectMapper().readTree(out.toByteArray());
    }

    @Test
    void everyNodeIsWrittenOnceInOrderAcrossTheParallelBatches() throws Exception {
        // more nodes than one batch (2,048) and not a multiple of a chunk (64)
        Map<String, String> files = new java.util.HashMap<>();
        files.put("dbt_project.yml", "name: p\nprofile: test\n");
        int models = 2_100;
        for (int i = 0; i < models; i++) {
            files.put("models/m" + i + ".sql", i == 0 ? "select 1 as id" : "select * from {{ ref('m" + (i - 1) + "') }}");
        }
        TestProjects.write(dir, files);
        var parsed = TestProjects.parse(dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ManifestWriter(parsed.session().relationStyle()).write(out, parsed.result().manifest(), parsed.result().dag(),
                new InvocationInfo("id-1", Instant.parse("2026-01-01T00:00:00Z"), "1.12.0", "quarry_test", Map.of()),
                Map.of());
        JsonNode json = new ObjectMapper().readTree(out.toByteArray());
        java.util.List<String> written = new java.util.ArrayList<>();
        json.get("nodes").fieldNames().forEachRemaining(written::add);
        assertThat(written).containsExactlyElementsOf(parsed.result().manifest().nodes().keySet()).hasSize(models);
        assertThat(json.at("/nodes/model.p.m2099/depends_on/nodes/0").asText()).isEqualTo("model.p.m2098");
        assertThat(json.get("sources")).isNotNull();
        java.util.List<String> parentIds = new java.util.ArrayList<>();
        json.get("parent_map").fieldNames().forEachRemaining(parentIds::add);
        assertThat(parentIds).isSorted().hasSize(models);
    }

    @Test
    void hasTheTopLevelKeysOfManifestV12() throws Exception {
        JsonNode m = manifest();
        assertThat(m.fieldNames()).toIterable().contains("metadata", "nodes", "sources", "macros", "docs", "exposures",
                "metrics", "groups", "selectors", "disabled", "parent_map", "child_map", "group_map", "saved_queries",
                "semantic_models", "unit_tests");
        assertThat(m.at("/metadata/dbt_schema_version").asText()).isEqualTo("https://schemas.getdbt.com/dbt/manifest/v12.json");
        assertThat(m.at("/metadata/env/DBT_ENV_CUSTOM_ENV_X").asText()).isEqualTo("y");
        assertThat(m.at("/metadata/project_id").asText()).hasSize(32);
    }

    @Test
    void nodesCarryDbtsFieldsAndRelationNames() throws Exception {
        JsonNode a = manifest().at("/nodes/model.p.a");
        assertThat(a.fieldNames()).toIterable().contains("database", "schema", "name", "resource_type", "package_name",
                "path", "original_file_path", "unique_id", "fqn", "alias", "checksum", "config", "tags", "description",
                "columns", "meta", "docs", "patch_path", "unrendered_config", "config_call_dict", "relation_name",
                "raw_code", "language", "refs", "sources", "depends_on", "contract", "access", "version");
        assertThat(a.at("/relation_name").asText()).isEqualTo("\"warehouse\".\"analytics\".\"a\"");
        assertThat(a.at("/description").asText()).isEqualTo("The **a** model.");
        assertThat(manifest().at("/nodes/model.p.b/relation_name").isNull()).isTrue();
    }

    @Test
    void aModelsContractIsTheOneItsConfigGives() throws Exception {
        JsonNode m = manifest();
        assertThat(m.at("/nodes/model.p.a/contract/enforced").asBoolean()).isTrue();
        assertThat(m.at("/nodes/model.p.a/contract/alias_types").asBoolean()).isTrue();
        assertThat(m.at("/nodes/model.p.b/contract/enforced").asBoolean()).isFalse();
    }

    @Test
    void testsSnapshotsExposuresAndMapsAreWritten() throws Exception {
        JsonNode m = manifest();
        String testId = m.at("/child_map/model.p.a").toString();
        assertThat(testId).contains("test.p.unique_a_id.").contains("snapshot.p.snap").contains("exposure.p.dashboard");
        JsonNode snap = m.at("/nodes/snapshot.p.snap");
        assertThat(snap.at("/config/strategy").asText()).isEqualTo("check");
        assertThat(snap.at("/fqn").toString()).isEqualTo("[\"p\",\"snap\",\"snap\"]");
        assertThat(m.at("/exposures/exposure.p.dashboard/depends_on/nodes/0").asText()).isEqualTo("model.p.a");
        assertThat(m.at("/docs/doc.p.a_doc/block_contents").asText()).isEqualTo("The **a** model.");
        assertThat(m.at("/macros/macro.dbt.test_unique/macro_sql").asText()).startsWith("{% test unique(");
    }
}
