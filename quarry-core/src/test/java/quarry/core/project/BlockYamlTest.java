package quarry.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BlockYamlTest {

    /** Shapes the fast reader takes: each must read exactly as SnakeYAML reads it, lines included. */
    private static final List<String> SUPPORTED = List.of(
            """
            version: 2
            models:
              - name: model_00001
                description: model 1 of the benchmark
                columns:
                  - name: id
                    data_tests:
                      - unique
                      - not_null
                  - name: value
                    data_tests:
                      - accepted_values:
                          arguments:
                            values: ['a', 'b']
            """,
            """
            # a comment first

            models:
            - name: orders   # trailing comment
              config:
                materialized: table
                tags: [nightly, "finance", 'it''s']
                enabled: yes
              meta:
                owner: team a
                priority: 1
                ratio: 0.5
                hex: 0x1F
                octal: 017
                sexagesimal: 1:30
                day: 2024-01-01
                nothing: ~
                empty:
                quoted_empty: ''
                url: http://example.com/a#b
                odd: a:b
              columns:
              - name: id
                tests:
                - unique
                - relationships:
                    to: ref('customers')
                    field: id
            sources:
              - name: raw
                tables:
                  - name: orders
                    loaded_at_field: _etl
            """,
            """
            on: 1
            1: one
            null: x
            yes: y
            -5: minus
            key with spaces: value with spaces
            list: []
            others: [=, _x, $v, hello, é, Yes, No, off, .5, +1, ~, <<, 0o17, 1_000]
            eq: =
            word: é
            nested:
              - [1, 2.5, true, null]
              - plain text item
              - "double quoted # not a comment"
            """);

    /** Shapes it leaves to SnakeYAML (which also reads them, or reports the error with its line). */
    private static final List<String> UNSUPPORTED = List.of(
            "a: &x 1\nb: *x\n",
            "a: |\n  block\n",
            "a: >\n  folded\n",
            "a: {b: 1}\n",
            "a: !!str 1\n",
            "a: long plain\n  continued\n",
            "a: \"multi\n  line\"\n",
            "a: \"esc\\n\"\n",
            "---\na: 1\n",
            "<<: {a: 1}\n",
            "a:\n\tb: 1\n",
            "'quoted key': 1\n",
            "- a\nb: 1\n",
            "a: b: c\n",
            "a:\n    b: 1\n  c: 2\n",
            "a: [1, 2,]\n",
            "a: [[1]]\n",
            "plain scalar document\n",
            "",
            "# only a comment\n",
            "- \n- a\n",
            "a:b\n");

    @Test
    void readsTheCommonShapesExactlyAsSnakeYamlDoes() {
        for (String text : SUPPORTED) {
            Object fast = BlockYaml.parse(text);
            assertThat(fast).as(text).isNotSameAs(BlockYaml.UNSUPPORTED);
            assertSame(fast, YamlReader.composed(text, "x.yml"), text);
        }
    }

    @Test
    void leavesEverythingElseToSnakeYaml() {
        for (String text : UNSUPPORTED) {
            assertThat(BlockYaml.parse(text)).as(text).isSameAs(BlockYaml.UNSUPPORTED);
        }
    }

    @Test
    void everyYamlFileOfTheExamplesReadsTheSameEitherWay() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("..", "examples"))) {
            // project files only: a build leaves target/compiled/<file>.yml/ folders and more behind
            files = walk.filter(p -> p.toString().endsWith(".yml") && Files.isRegularFile(p))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/dbt_packages/")
                            && !p.toString().contains("/.quarry/") && !p.toString().contains("/logs/"))
                    .toList();
        }
        assertThat(files).isNotEmpty();
        int fast = 0;
        for (Path file : files) {
            String text = Files.readString(file);
            Object read = BlockYaml.parse(text);
            if (read != BlockYaml.UNSUPPORTED) {
                assertSame(read, YamlReader.composed(text, file.toString()), file.toString());
                fast++;
            }
        }
        assertThat(fast).as("files read by the fast reader").isPositive();
    }

    @Test
    void anErrorStillNamesTheFileAndLine() {
        assertThatThrownBy(() -> YamlReader.parse("models:\n  - name: a\n    description: x: y\n", "models/a.yml"))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("models/a.yml:3");
    }

    /** Equal values, and for mappings the same line and key lines, all the way down. */
    private static void assertSame(Object fast, Object slow, String text) {
        assertThat(describe(fast)).as(text).isEqualTo(describe(slow));
    }

    private static Object describe(Object value) {
        if (value instanceof YamlMap map) {
            List<Object> out = new ArrayList<>();
            out.add("map@" + map.line());
            for (Map.Entry<String, Object> e : map.entrySet()) {
                out.add(e.getKey() + "@" + map.lineOf(e.getKey()));
                out.add(describe(e.getValue()));
            }
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            out.add("list");
            list.forEach(item -> out.add(describe(item)));
            return out;
        }
        return value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
    }
}
