package quarry.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import quarry.core.testing.TestProjects;

/**
 * After any sequence of edits (models, properties YAML, macros, seeds, docs added, edited and
 * deleted; vars and env vars changed), a partial parse gives the manifest a full parse gives, or
 * the same error. The sequences are random with fixed seeds, so a failure replays.
 */
class PartialParseEditSequenceTest {

    private static final int STEPS = 40;
    private static final java.nio.file.attribute.FileTime HOUR_AGO = java.nio.file.attribute.FileTime.from(
            java.time.Instant.now().minusSeconds(3600));

    @TempDir
    Path dir;

    private Random random;
    private final List<String> models = new ArrayList<>();
    private final List<String> orphans = new ArrayList<>();
    private int next;
    private Map<String, Object> vars = Map.of();
    private Map<String, String> env = Map.of();

    /**
     * With {@code aged}, every file is dated an hour back before each edit, so unchanged files are
     * known by size and time without being read, and only edited ones carry a new time.
     */
    @ParameterizedTest
    @CsvSource({"1, false", "2, true", "3, false", "4, true"})
    void partialParsesMatchFullParsesAfterEveryEdit(long seed, boolean aged) throws IOException {
        random = new Random(seed);
        TestProjects.write(dir, PartialParseTest.project());
        int reused = 0;
        int partials = 0;
        int read = 0;
        List<String> log = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            if (aged) {
                age();
            }
            String edit = edit();
            log.add(edit);
            PartialParseHarness.Outcome partial = PartialParseHarness.partial(dir, vars, env, null);
            PartialParseHarness.Outcome full = PartialParseHarness.full(dir, vars, env, null);
            String why = "after edits " + log;
            assertThat(partial.error()).as(why).isEqualTo(full.error());
            assertThat(PartialParseHarness.difference(partial.manifest(), full.manifest(), "manifest")).as(why).isNull();
            reused += partial.reused();
            read += partial.read();
            partials += partial.partial() ? 1 : 0;
        }
        assertThat(partials).as("many parses were partial").isGreaterThan(STEPS / 3);
        assertThat(reused).as("files were reused, so the comparison is not vacuous").isGreaterThan(STEPS * 5);
        if (aged) {
            assertThat(read).as("unchanged files were known by size and time, not read").isLessThan(reused / 2);
        }
    }

    private void age() throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).filter(f -> !f.startsWith(dir.resolve("target"))).toList()) {
                Files.setLastModifiedTime(f, HOUR_AGO);
            }
        }
    }

    private String edit() throws IOException {
        if (!orphans.isEmpty() && random.nextBoolean()) {
            String name = orphans.remove(0);
            models.add(name);
            write("models/gen/" + name + ".sql", body());
            return "restore " + name;
        }
        int op = random.nextInt(14);
        return switch (op) {
            case 0, 1 -> addModel();
            case 2, 3 -> models.isEmpty() ? addModel() : editModel(pick(models));
            case 4 -> models.isEmpty() ? addModel() : deleteModel(pick(models));
            case 5, 6 -> models.isEmpty() ? addModel() : editProperties(pick(models));
            case 7 -> {
                write("macros/util.sql", "{% macro cents(col) %}({{ col }} / " + pick(List.of("100", "1000", "10"))
                        + "){% endmacro %}\n{% macro label() %}'{{ var(\"v\", \"d\") }}-" + random.nextInt(3)
                        + "'{% endmacro %}\n{% macro tagger() %}{{ config(tags=['" + pick(List.of("t1", "t2"))
                        + "']) }}{% endmacro %}\n");
                yield "edit macros";
            }
            case 8 -> {
                if (Files.exists(dir.resolve("macros/more.sql"))) {
                    Files.delete(dir.resolve("macros/more.sql"));
                    yield "delete macros/more.sql";
                }
                write("macros/more.sql", "{% macro extra() %}'extra'{% endmacro %}\n");
                yield "add macros/more.sql";
            }
            case 9 -> {
                vars = pick(List.of(Map.of(), Map.of("v", "a"), Map.of("v", "b"), Map.of("w", 1)));
                yield "vars " + vars;
            }
            case 10 -> {
                env = pick(List.of(Map.of(), Map.of("E", "x"), Map.of("E", "y"), Map.of("RAW", "landing"),
                        Map.of("E", "x", "UNREAD", "z")));
                yield "env " + env;
            }
            case 11 -> {
                write("seeds/s.csv", "id,name\n1,a\n" + random.nextInt(5) + ",b\n");
                yield "edit seed";
            }
            case 12 -> {
                write("models/docs.md", "{% docs d1 %}Base, version " + random.nextInt(4) + ".{% enddocs %}\n");
                yield "edit docs";
            }
            default -> {
                write("models/base0.yml", "version: 2\nmodels:\n  - name: base0\n    description: \"{{ doc('d1') }}\"\n"
                        + "    columns:\n      - name: id\n        data_tests: ["
                        + pick(List.of("unique", "not_null", "unique, not_null")) + "]\n");
                yield "edit base0.yml";
            }
        };
    }

    private String addModel() throws IOException {
        String name = "gen" + next++;
        models.add(name);
        write("models/gen/" + name + ".sql", body());
        if (random.nextBoolean()) {
            write("models/gen/" + name + ".yml", properties(name));
        }
        return "add " + name;
    }

    private String editModel(String name) throws IOException {
        write("models/gen/" + name + ".sql", body());
        return "edit " + name;
    }

    private String deleteModel(String name) throws IOException {
        models.remove(name);
        Files.deleteIfExists(dir.resolve("models/gen/" + name + ".sql"));
        if (random.nextInt(4) > 0) {
            Files.deleteIfExists(dir.resolve("models/gen/" + name + ".yml"));
            return "delete " + name + " and its YAML";
        }
        orphans.add(name);
        return "delete " + name + " (YAML left: its tests fail to resolve)";
    }

    private String editProperties(String name) throws IOException {
        Path yml = dir.resolve("models/gen/" + name + ".yml");
        if (Files.exists(yml) && random.nextInt(3) == 0) {
            Files.delete(yml);
            return "delete " + name + ".yml";
        }
        write("models/gen/" + name + ".yml", properties(name));
        return "write " + name + ".yml";
    }

    private String body() {
        String from = pick(List.of("{{ ref('base0') }}", "{{ ref('base1') }}", "{{ source('raw', 't') }}"));
        return switch (random.nextInt(7)) {
            case 6 -> "{{ tagger() }}select * from " + from;
            case 0 -> "select * from " + from;
            case 1 -> "{{ config(materialized='" + pick(List.of("table", "view")) + "') }}\nselect * from " + from;
            case 2 -> "select {{ cents('id') }} as c from " + from;
            case 3 -> "select '{{ var(\"v\", \"d\") }}' as v from " + from;
            case 4 -> "select '{{ env_var(\"E\", \"none\") }}' as e, {{ label() }} as l from " + from;
            default -> "{% if var('v', 'd') == 'a' %}{{ config(tags=['a']) }}{% endif %}select * from " + from;
        };
    }

    private String properties(String name) {
        return "version: 2\nmodels:\n  - name: " + name + "\n    description: \"" + pick(List.of("one", "two",
                "{{ doc('d1') }}")) + "\"\n    config:\n      tags: [" + pick(List.of("x", "y")) + "]\n"
                + "    columns:\n      - name: id\n        data_tests: [" + pick(List.of("not_null", "unique",
                "accepted_values: {values: [1, 2]}")) + "]\n";
    }

    private void write(String path, String text) throws IOException {
        Path f = dir.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
