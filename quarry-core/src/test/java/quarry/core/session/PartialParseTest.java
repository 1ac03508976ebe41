package quarry.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quarry.core.testing.TestProjects;

/**
 * Partial parsing re-parses only what a change can affect, and its manifest is the one a full
 * parse gives. Each test parses once (saving the state), changes one thing, and checks what the
 * next parse re-parsed and that its manifest equals a full parse's.
 */
class PartialParseTest {

    @TempDir
    Path dir;

    /** A small project with a file of every kind, and models that read a var, an env var, a macro and target. */
    static Map<String, String> project() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("dbt_project.yml", "name: pp\nprofile: test\nvars:\n  v: base\nmodels:\n  pp:\n    +materialized: view\n");
        files.put("macros/util.sql", "{% macro cents(col) %}({{ col }} / 100){% endmacro %}\n"
                + "{% macro label() %}'{{ var(\"v\") }}'{% endmacro %}\n"
                + "{% macro tagger() %}{{ config(tags=['t1']) }}{% endmacro %}\n");
        files.put("models/base0.sql", "select 1 as id");
        files.put("models/base1.sql", "select 2 as id");
        files.put("models/base0.yml", "version: 2\nmodels:\n  - name: base0\n    description: \"{{ doc('d1') }}\"\n"
                + "    columns:\n      - name: id\n        data_tests: [unique, not_null]\n");
        files.put("models/docs.md", "{% docs d1 %}The first base.{% enddocs %}\n");
        files.put("models/src.yml", "version: 2\nsources:\n  - name: raw\n    schema: \"{{ env_var('RAW', 'raw') }}\"\n"
                + "    tables:\n      - name: t\n");
        files.put("models/uses_var.sql", "select '{{ var(\"v\") }}' as v, * from {{ ref('base0') }}");
        files.put("models/uses_env.sql", "select '{{ env_var(\"E\", \"none\") }}' as e from {{ source('raw', 't') }}");
        files.put("models/uses_macro.sql", "{{ tagger() }}select {{ cents('id') }} as c from {{ ref('base1') }}");
        files.put("models/uses_target.sql", "select '{{ target.threads }}' as th from {{ ref('base1') }}");
        files.put("models/plain.sql", "{{ config(materialized='table') }}\nselect * from {{ ref('base0') }}");
        files.put("models/plain.yml", "version: 2\nmodels:\n  - name: plain\n    config:\n      tags: [nightly]\n"
                + "    columns:\n      - name: id\n        data_tests: [not_null]\n");
        files.put("seeds/s.csv", "id,name\n1,a\n");
        files.put("snapshots/snap.sql", "{% snapshot snap %}{{ config(unique_key='id', strategy='check', check_cols='all',"
                + " target_schema='snaps') }}select * from {{ ref('base0') }}{% endsnapshot %}\n");
        files.put("tests/t1.sql", "select * from {{ ref('base1') }} where id < 0");
        files.put("analyses/a1.sql", "select {{ label() }} as l from {{ ref('base0') }}");
        return files;
    }

    private Map<String, Object> vars = Map.of();
    private Map<String, String> env = Map.of("E", "one");

    @BeforeEach
    void parsedOnce() {
        TestProjects.write(dir, project());
        PartialParseHarness.Outcome first = PartialParseHarness.partial(dir, vars, env, null);
        assertThat(first.error()).isNull();
        assertThat(first.partial()).isFalse();
    }

    private PartialParseHarness.Outcome reparse() {
        return reparse(null);
    }

    private PartialParseHarness.Outcome reparse(String target) {
        PartialParseHarness.Outcome partial = PartialParseHarness.partial(dir, vars, env, target);
        PartialParseHarness.Outcome full = PartialParseHarness.full(dir, vars, env, target);
        assertThat(partial.error()).isEqualTo(full.error());
        assertThat(PartialParseHarness.difference(partial.manifest(), full.manifest(), "manifest")).isNull();
        return partial;
    }

    private void write(String path, String text) throws Exception {
        Path f = dir.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    @Test
    void nothingChangedReusesEveryFile() {
        PartialParseHarness.Outcome again = reparse();
        assertThat(again.partial()).isTrue();
        assertThat(again.parsed()).isZero();
        assertThat(again.reused()).isGreaterThan(10);
    }

    @Test
    void filesUnchangedSinceBeforeTheLastParseAreNotReadAgain() throws Exception {
        java.nio.file.attribute.FileTime hourAgo = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minusSeconds(3600));
        try (var walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, hourAgo);
            }
        }
        PartialParseHarness.Outcome stamped = reparse();
        assertThat(stamped.read()).as("every file is read once more: the saved parse started before the new times")
                .isGreaterThan(10);
        PartialParseHarness.Outcome again = reparse();
        assertThat(again.read()).isZero();
        assertThat(again.parsed()).isZero();
        write("models/plain.sql", "select * from {{ ref('base1') }}");
        PartialParseHarness.Outcome edited = reparse();
        assertThat(edited.read()).isEqualTo(1);
        assertThat(edited.parsed()).isEqualTo(1);
        vars = Map.of("v", "changed");
        PartialParseHarness.Outcome varChanged = reparse();
        assertThat(varChanged.parsed()).as("uses_var.sql and a1.sql").isEqualTo(2);
        assertThat(varChanged.read()).as("the files parsed again, and the edited one (recently modified)").isEqualTo(3);
    }

    @Test
    void anEditedModelIsTheOnlyFileParsedAgain() throws Exception {
        write("models/plain.sql", "select * from {{ ref('base1') }}");
        PartialParseHarness.Outcome again = reparse();
        assertThat(again.partial()).isTrue();
        assertThat(again.parsed()).isEqualTo(1);
    }

    @Test
    void addedAndDeletedModelsAreParsedOrDropped() throws Exception {
        write("models/added.sql", "select * from {{ ref('plain') }}");
        assertThat(reparse().parsed()).isEqualTo(1);
        Files.delete(dir.resolve("models/added.sql"));
        PartialParseHarness.Outcome again = reparse();
        assertThat(again.parsed()).isZero();
        assertThat(again.manifest().get("nodes").has("model.pp.added")).isFalse();
    }

    @Test
    void anEditedPropertiesFileReappliesItsPatchesAndTestsOnly() throws Exception {
        write("models/plain.yml", "version: 2\nmodels:\n  - name: plain\n    description: now described\n"
                + "    columns:\n      - name: id\n        data_tests: [unique]\n");
        PartialParseHarness.Outcome again = reparse();
        assertThat(again.parsed()).as("the YAML file and the model it describes").isEqualTo(2);
        assertThat(again.manifest().get("nodes").get("model.pp.plain").get("description").asText()).isEqualTo("now described");
    }

    @Test
    void aDeletedPropertiesFileTakesItsPatchAndTestsAway() throws Exception {
        Files.delete(dir.resolve("models/plain.yml"));
        PartialParseHarness.Outcome again = reparse();
        assertThat(again.parsed()).isEqualTo(1);
        assertThat(again.manifest().get("nodes").get("model.pp.plain").get("tags")).isEmpty();
    }

    @Test
    void anEditedMacroReparsesTheFilesThatRenderJinjaButNotStaticOnes() throws Exception {
        write("macros/util.sql", "{% macro cents(col) %}({{ col }} / 1000){% endmacro %}\n"
                + "{% macro label() %}'{{ var(\"v\") }}'{% endmacro %}\n"
                + "{% macro tagger() %}{{ config(tags=['t2']) }}{% endmacro %}\n");
        PartialParseHarness.Outcome again = reparse();
        assertThat(again.manifest().get("nodes").get("model.pp.uses_macro").get("tags").toString()).contains("t2");
        assertThat(again.partial()).isTrue();
        assertThat(again.reused()).as("base0, base1, the seed and the YAML files without Jinja").isGreaterThanOrEqualTo(4);
        assertThat(again.parsed()).isGreaterThan(0);
    }

    @Test
    void aChangedVarReparsesOnlyTheFilesThatReadIt() {
        vars = Map.of("v", "other");
        PartialParseHarness.Outcome again = reparse();
        assertThat(again.partial()).isTrue();
        assertThat(again.parsed()).as("uses_var.sql and a1.sql (through the label macro)").isEqualTo(2);
    }

    @Test
    void aChangedEnvVarReparsesOnlyItsReaders() {
        env = Map.of("E", "two");
        assertThat(reparse().parsed()).isEqualTo(1);
        env = Map.of("E", "two", "RAW", "landing");
        assertThat(reparse().parsed()).as("src.yml").isEqualTo(1);
        env = Map.of("E", "two", "RAW", "landing", "UNREAD", "x");
        assertThat(reparse().parsed()).isZero();
    }

    @Test
    void aPackageFileIsKeyedByItsPackageAndAnAddedPackageParsesEverything() throws Exception {
        write("dbt_packages/helpers/dbt_project.yml", "name: helpers\n");
        write("dbt_packages/helpers/macros/h.sql", "{% macro shout(x) %}upper({{ x }}){% endmacro %}\n");
        write("dbt_packages/helpers/models/plain.sql", "select {{ shout('1') }} as id");
        assertThat(reparse().partial()).as("a new package").isFalse();
        write("dbt_packages/helpers/models/plain.sql", "select {{ shout('2') }} as id");
        PartialParseHarness.Outcome again = reparse();
        assertThat(again.partial()).isTrue();
        assertThat(again.parsed()).as("the package's plain.sql, not the root project's").isEqualTo(1);
        assertThat(again.manifest().get("nodes").get("model.helpers.plain").get("raw_code").asText()).contains("'2'");
        write("dbt_packages/helpers/macros/h.sql", "{% macro shout(x) %}lower({{ x }}){% endmacro %}\n");
        assertThat(reparse().partial()).isTrue();
    }

    @Test
    void anotherTargetParsesEverything() {
        PartialParseHarness.Outcome again = reparse("prod");
        assertThat(again.partial()).isFalse();
    }

    @Test
    void aChangedProjectFileParsesEverything() throws Exception {
        write("dbt_project.yml", project().get("dbt_project.yml") + "    +tags: [all]\n");
        assertThat(reparse().partial()).isFalse();
    }

    @Test
    void aChangedEnvVarReadByTheProjectFileParsesEverything() throws Exception {
        write("dbt_project.yml", project().get("dbt_project.yml") + "    +tags: [\"{{ env_var('PT', 'x') }}\"]\n");
        assertThat(reparse().partial()).isFalse();
        assertThat(reparse().partial()).isTrue();
        env = Map.of("E", "one", "PT", "y");
        PartialParseHarness.Outcome again = reparse();
        assertThat(again.partial()).isFalse();
        assertThat(again.manifest().get("nodes").get("model.pp.plain").get("tags").toString()).contains("y");
    }

    @Test
    void aCorruptStateFileMeansAQuietFullParse() throws Exception {
        Path state = dir.resolve("target").resolve(PartialParse.FILE);
        byte[] bytes = Files.readAllBytes(state);
        Files.write(state, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        PartialParseHarness.Outcome again = reparse();
        assertThat(again.error()).isNull();
        assertThat(again.partial()).isFalse();
        Files.writeString(state, "not a state");
        assertThat(reparse().partial()).isFalse();
        assertThat(reparse().partial()).as("the full parse saved a good state again").isTrue();
    }

    @Test
    void anotherQuarryVersionParsesEverything() {
        Session session = TestProjects.session(dir, vars, env, null);
        assertThat(PartialParse.plan(session, "test").partial()).isTrue();
        assertThat(PartialParse.plan(session, "0.0.1").partial()).isFalse();
    }

    @Test
    void aFailedParseLeavesNoStateBehind() throws Exception {
        write("models/plain.sql", "select * from {{ ref('missing') }}");
        assertThat(reparse().error()).contains("missing");
        assertThat(dir.resolve("target").resolve(PartialParse.FILE)).doesNotExist();
        write("models/plain.sql", "select * from {{ ref('base0') }}");
        assertThat(reparse().partial()).isFalse();
    }
}
