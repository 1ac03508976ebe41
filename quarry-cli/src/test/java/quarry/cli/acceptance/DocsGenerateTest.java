package quarry.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt's BaseDocsGenerate, on Rockset: a seed, a view, a view in a second schema ({@code schema='test'}),
 * a source over the seed, a readme with invalid Jinja (ignored), asset paths; {@code docs generate
 * --no-compile} writes no manifest, and the catalog describes every relation with its columns
 * (views included, unlike dbt-rockset's catalog). dbt's {@code metadata.env} check
 * ({@code DBT_ENV_CUSTOM_ENV_*}) is left out: a test cannot set the environment of its own JVM.
 */
class DocsGenerateTest {

    @RegisterExtension
    static final AcceptanceServer SERVER = new AcceptanceServer();

    @TempDir
    Path dir;

    private TestProject project;

    @AfterEach
    void dropSchemas() {
        if (project != null) {
            project.dropSchema();
            project.adapter().dropSchema(null, project.schema() + "_test");
        }
    }

    private TestProject write() throws Exception {
        TestProject.Builder builder = TestProject.in(dir, SERVER, getClass());
        String schema = builder.schema();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("asset-paths", List.of("assets", "invalid-asset-paths"));
        config.put("vars", Map.of("test_schema", schema, "alternate_schema", schema + "_test"));
        config.put("seeds", Map.of("quote_columns", true));
        TestProject written = builder.projectConfig(config)
                .seeds(Map.of(
                        "seed.csv", "id,first_name,email,ip_address,updated_at\n1,Larry,lking0@miitbeian.gov.cn,69.135.206.194,2008-09-12 19:08:31\n",
                        "schema.yml", """
                                version: 2
                                seeds:
                                  - name: seed
                                    description: "The test seed"
                                    columns:
                                      - name: id
                                        description: The user ID number
                                      - name: first_name
                                        description: The user's first name
                                      - name: email
                                        description: The user's email
                                      - name: ip_address
                                        description: The user's IP address
                                      - name: updated_at
                                        description: The last time this user's email was updated
                                """))
                .models(Map.of(
                        "model.sql", "{{ config(materialized='view') }}\nselect * from {{ ref('seed') }}\n",
                        "second_model.sql", "{{ config(materialized='view', schema='test') }}\nselect * from {{ ref('seed') }}\n",
                        "readme.md", "This is a readme.md file with {{ invalid-ish jinja }} in it\n",
                        "schema.yml", """
                                version: 2
                                models:
                                  - name: model
                                    description: "The test model"
                                    docs:
                                      show: false
                                    columns:
                                      - name: id
                                        description: The user ID number
                                        data_tests:
                                          - unique
                                          - not_null
                                      - name: first_name
                                        description: The user's first name
                                  - name: second_model
                                    description: "The second test model"
                                sources:
                                  - name: my_source
                                    description: "My source"
                                    loader: a_loader
                                    schema: "{{ var('test_schema') }}"
                                    tables:
                                      - name: my_table
                                        description: "My table"
                                        identifier: seed
                                """))
                .folder("assets", Map.of("lorem-ipsum.txt", "Lorem ipsum dolor sit amet\n"))
                .write();
        written.runDbt("seed");
        return written;
    }

    @Test
    void docsGenerateWithoutCompileWritesTheCatalog() throws Exception {
        project = write();
        Instant start = Instant.now().minusSeconds(1);
        assertThat(project.runDbt("run")).hasSize(2);
        Files.delete(project.root().resolve("target").resolve("manifest.json"));
        Files.deleteIfExists(project.root().resolve("target").resolve("run_results.json"));

        verifyCatalog(Docs.generate(project, "--no-compile").orElseThrow(), start);
    }

    /**
     * dbt 1.5+ writes manifest.json while parsing, so {@code --no-compile} leaves one whose nodes
     * are not compiled (dbt's own functional test {@code test_manifest_not_compiled}; the older
     * adapter suite expected no manifest at all).
     */
    @Test
    void docsGenerateWithoutCompileLeavesTheNodesUncompiled() throws Exception {
        project = write();
        project.runDbt("run");
        Files.delete(project.root().resolve("target").resolve("manifest.json"));
        Docs.generate(project, "--no-compile").orElseThrow();
        JsonNode model = project.artifact("manifest.json").path("nodes").path("model.test.model");
        assertThat(model.isMissingNode()).isFalse();
        assertThat(model.path("compiled").asBoolean(false)).isFalse();
        assertThat(model.has("compiled_code")).isFalse();
    }

    @Test
    void docsGenerateDescribesEveryRelation() throws Exception {
        project = write();
        Instant start = Instant.now().minusSeconds(1);
        project.runDbt("run");
        verifyCatalog(Docs.generate(project).orElseThrow(), start);
    }

    @Test
    void docsGenerateCopiesTheAssets() throws Exception {
        project = write();
        project.runDbt("run");
        Docs.generate(project).orElseThrow();
        assertThat(project.root().resolve("target/assets/lorem-ipsum.txt")).exists();
        assertThat(project.root().resolve("target/invalid-asset-paths")).doesNotExist();
    }

    private void verifyCatalog(JsonNode catalog, Instant start) {
        List<String> keys = new ArrayList<>();
        catalog.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("errors", "metadata", "nodes", "sources");
        assertThat(catalog.path("errors").isNull() || catalog.path("errors").isEmpty()).as("errors").isTrue();
        JsonNode metadata = catalog.path("metadata");
        assertThat(metadata.path("dbt_schema_version").asText()).isEqualTo("https://schemas.getdbt.com/dbt/catalog/v1.json");
        assertThat(Instant.parse(metadata.path("generated_at").asText())).isAfterOrEqualTo(start);

        String schema = project.schema();
        expectRelation(catalog.path("nodes").path("model.test.model"), schema, "model", "view");
        expectRelation(catalog.path("nodes").path("model.test.second_model"), schema + "_test", "second_model", "view");
        expectRelation(catalog.path("nodes").path("seed.test.seed"), schema, "seed", "table");
        expectRelation(catalog.path("sources").path("source.test.my_source.my_table"), schema, "seed", "table");
    }

    private static void expectRelation(JsonNode entry, String schema, String name, String type) {
        assertThat(entry.isMissingNode()).as("catalog entry for %s.%s", schema, name).isFalse();
        assertThat(entry.path("metadata").path("schema").asText()).isEqualTo(schema);
        assertThat(entry.path("metadata").path("name").asText()).isEqualTo(name);
        // the adapter's type strings: Rockset calls a table a collection
        assertThat(entry.path("metadata").path("type").asText().toLowerCase())
                .isIn(type.equals("table") ? List.of("table", "collection") : List.of(type));
        Map<String, Integer> indexes = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        entry.path("columns").forEach(c -> {
            indexes.put(c.path("name").asText(), c.path("index").asInt());
            types.put(c.path("name").asText(), c.path("type").asText());
        });
        assertThat(indexes.keySet()).as("columns of %s.%s", schema, name)
                .containsExactlyInAnyOrder("id", "first_name", "email", "ip_address", "updated_at");
        assertThat(indexes.values()).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(types.get("id")).as("type of id").containsIgnoringCase("int");
        assertThat(types.get("first_name")).as("type of first_name").containsIgnoringCase("string");
        // a timestamp without zone is Rockset's datetime
        assertThat(types.get("updated_at")).as("type of updated_at").isIn("datetime", "timestamp");
    }
}
