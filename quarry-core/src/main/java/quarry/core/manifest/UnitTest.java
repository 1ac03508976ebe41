package quarry.core.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * dbt's unit test (1.8+): a model run on fixed input rows ({@code given}) whose output must equal
 * the {@code expect} rows, with {@code overrides} of vars, macros and env vars. Declared under
 * {@code unit_tests:} in a properties file; manifest.json lists them under {@code unit_tests}.
 *
 * @param model the tested model's name
 * @param modelUniqueId the tested model's unique id (its version's, for a versioned model)
 * @param version the tested version of a versioned model, or null
 * @param config {@code tags}, {@code meta} and {@code enabled}
 * @param versions the {@code versions:} block as written ({@code include}/{@code exclude}), or empty
 * @param line the line of the test's entry in its file
 */
public record UnitTest(
        String uniqueId,
        String packageName,
        String name,
        String model,
        String modelUniqueId,
        String version,
        String description,
        List<Fixture> given,
        Fixture expect,
        Overrides overrides,
        Map<String, Object> config,
        Map<String, Object> versions,
        List<String> fqn,
        String path,
        String originalFilePath,
        int line) {

    public UnitTest {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(expect, "expect");
        Objects.requireNonNull(overrides, "overrides");
        given = List.copyOf(given);
        config = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
        versions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(versions));
        fqn = List.copyOf(fqn);
        description = description == null ? "" : description;
    }

    /** The format of a fixture's rows: {@code dict} (a list of mappings), {@code csv} or {@code sql}. */
    public enum Format {
        DICT, CSV, SQL;

        public String dbtName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One {@code given} input or the {@code expect} output.
     *
     * @param input {@code ref('x')}, {@code source('s', 't')} or {@code this} as written; null for expect
     * @param inputUniqueId the unique id the input stands for ({@code this}: the tested model's); null for expect
     * @param rawRows {@code rows:} as written (a list of mappings, or a CSV or SQL string), or null
     * @param fixture the fixture file's name, or null
     * @param rows the rows, for dict and csv fixtures (values as YAML or CSV gives them, CSV blanks as null)
     * @param sql the query, for sql fixtures
     */
    public record Fixture(String input, String inputUniqueId, Format format, Object rawRows, String fixture,
            List<Map<String, Object>> rows, String sql) {

        public Fixture {
            Objects.requireNonNull(format, "format");
            List<Map<String, Object>> copy = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                copy.add(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(row)));
            }
            rows = List.copyOf(copy);
        }

        /** Whether the input is the model itself ({@code this}), as an incremental model reads it. */
        public boolean isThis() {
            return "this".equals(input);
        }
    }

    /** {@code overrides:}: values of {@code var()}, results of macros ({@code is_incremental}), and env vars. */
    public record Overrides(Map<String, Object> vars, Map<String, Object> macros, Map<String, Object> envVars) {
        public static final Overrides NONE = new Overrides(Map.of(), Map.of(), Map.of());

        public Overrides {
            vars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vars));
            macros = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(macros));
            envVars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(envVars));
        }

        public boolean isEmpty() {
            return vars.isEmpty() && macros.isEmpty() && envVars.isEmpty();
        }
    }

    public boolean enabled() {
        return !Boolean.FALSE.equals(config.get("enabled"));
    }

    /** How dbt names a unit test in progress lines: {@code model::test}. */
    public String displayName() {
        return model + "::" + name;
    }

    /**
     * The unit test seen as a node, for what treats every resource alike: the DAG (it depends on
     * its model), selection (name, fqn, tags, path), the scheduler and the progress lines.
     */
    public Node asNode() {
        return Node.builder(ResourceType.UNIT_TEST, uniqueId).packageName(packageName).name(name).path(path)
                .originalFilePath(originalFilePath).fqn(fqn).config(config).description(description)
                .dependsOnNodes(List.of(modelUniqueId)).attachedNode(modelUniqueId).version(version).build();
    }
}
