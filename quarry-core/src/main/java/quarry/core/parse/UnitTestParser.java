package quarry.core.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import quarry.core.Diagnostics;
import quarry.core.SourceLocation;
import quarry.core.Suggestions;
import quarry.core.manifest.UnitTest;
import quarry.core.project.YamlMap;

/**
 * Reads the {@code unit_tests:} entries of one properties file into {@link Spec}s: their shape is
 * checked here (a name, a model, inputs that are {@code ref}, {@code source} or {@code this}, a known
 * format with rows or a fixture), every error naming the file and line. Which model and inputs they
 * name is checked once the nodes are known, by {@link UnitTestLinker}.
 */
public final class UnitTestParser {

    static final Set<String> KEYS = Set.of("name", "model", "description", "given", "expect", "overrides", "config",
            "versions");
    static final Set<String> FIXTURE_KEYS = Set.of("input", "rows", "format", "fixture");
    static final Set<String> OVERRIDE_KEYS = Set.of("vars", "macros", "env_vars");

    /** One unit test as written. */
    public record Spec(String name, String model, String description, List<FixtureSpec> given, FixtureSpec expect,
            UnitTest.Overrides overrides, Map<String, Object> config, Map<String, Object> versions,
            SourceLocation location) {}

    /** One input or the expected output as written; {@code input} is null for {@code expect}. */
    public record FixtureSpec(String input, UnitTest.Format format, Object rows, String fixture, SourceLocation location) {}

    private final Diagnostics diagnostics;

    public UnitTestParser(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    public List<Spec> parse(YamlMap document, String file) {
        Object raw = document.get("unit_tests");
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            throw new ParseException(new SourceLocation(file, document.lineOf("unit_tests")),
                    "unit_tests: must be a list of unit tests, each with a name, a model, given and expect");
        }
        List<Spec> specs = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof YamlMap entry)) {
                throw new ParseException(new SourceLocation(file, document.lineOf("unit_tests")),
                        "each entry of unit_tests: must be a mapping with a name, not '" + item + "'");
            }
            specs.add(spec(entry, file));
        }
        return specs;
    }

    private Spec spec(YamlMap entry, String file) {
        SourceLocation at = new SourceLocation(file, entry.line());
        String name = text(entry.get("name"));
        if (name == null || name.isBlank()) {
            throw new ParseException(at, "this unit test has no 'name:'");
        }
        warnUnknown(entry, KEYS, file, "unit test '" + name + "'");
        String model = text(entry.get("model"));
        if (model == null || model.isBlank()) {
            throw new ParseException(at, "unit test '" + name + "' has no 'model:'; name the model it tests");
        }
        Object given = entry.get("given");
        if (given != null && !(given instanceof List<?>)) {
            throw new ParseException(new SourceLocation(file, entry.lineOf("given")),
                    "unit test '" + name + "': given: must be a list of inputs, each with an 'input:'");
        }
        List<FixtureSpec> inputs = new ArrayList<>();
        for (Object g : given == null ? List.of() : (List<?>) given) {
            if (!(g instanceof YamlMap input)) {
                throw new ParseException(new SourceLocation(file, entry.lineOf("given")),
                        "unit test '" + name + "': each given entry must be a mapping with 'input:' and 'rows:'");
            }
            inputs.add(fixture(input, file, name, true));
        }
        if (!(entry.get("expect") instanceof YamlMap expect)) {
            throw new ParseException(new SourceLocation(file, entry.get("expect") == null ? entry.line()
                    : entry.lineOf("expect")), "unit test '" + name + "' needs 'expect:' with the rows the model should return");
        }
        FixtureSpec expected = fixture(expect, file, name, false);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("tags", List.of());
        config.put("meta", Map.of());
        config.put("enabled", true);
        if (entry.get("config") instanceof Map<?, ?> c) {
            c.forEach((k, v) -> config.put(String.valueOf(k), String.valueOf(k).equals("tags") ? tags(v) : v));
        } else if (entry.get("config") != null) {
            throw new ParseException(new SourceLocation(file, entry.lineOf("config")),
                    "unit test '" + name + "': config: must be a mapping (tags, meta, enabled)");
        }
        Map<String, Object> versions = new LinkedHashMap<>();
        if (entry.get("versions") instanceof Map<?, ?> v) {
            v.forEach((k, value) -> versions.put(String.valueOf(k), value));
        } else if (entry.get("versions") != null) {
            throw new ParseException(new SourceLocation(file, entry.lineOf("versions")),
                    "unit test '" + name + "': versions: must be a mapping with include: or exclude:");
        }
        return new Spec(name, model, text(entry.get("description")), inputs, expected,
                overrides(entry, file, name), config, versions, at);
    }

    private FixtureSpec fixture(YamlMap entry, String file, String test, boolean isInput) {
        SourceLocation at = new SourceLocation(file, entry.line());
        String what = isInput ? "an input" : "expect";
        warnUnknown(entry, isInput ? FIXTURE_KEYS : Set.of("rows", "format", "fixture"), file,
                what + " of unit test '" + test + "'");
        String input = null;
        if (isInput) {
            input = text(entry.get("input"));
            if (input == null || input.isBlank()) {
                throw new ParseException(at, "unit test '" + test + "': each given entry needs 'input:', such as"
                        + " ref('stg_orders'), source('raw', 'orders') or this");
            }
            input = input.replace("{{", "").replace("}}", "").strip();
            if (!input.equals("this")) {
                Literals.Call call = Literals.call(input);
                if (call == null || !(call.function().equals("ref") || call.function().equals("source"))) {
                    throw new ParseException(new SourceLocation(file, entry.lineOf("input")), "unit test '" + test
                            + "': input '" + input + "' must be ref('...'), source('...', '...') or this");
                }
            }
        }
        String formatText = entry.get("format") == null ? "dict" : String.valueOf(entry.get("format")).strip();
        UnitTest.Format format;
        try {
            format = UnitTest.Format.valueOf(formatText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParseException(new SourceLocation(file, entry.lineOf("format")), "unit test '" + test + "': format '"
                    + formatText + "' is not one of dict, csv, sql" + Suggestions.didYouMean(formatText, List.of("dict", "csv", "sql")));
        }
        Object rows = entry.get("rows");
        String fixture = text(entry.get("fixture"));
        SourceLocation rowsAt = new SourceLocation(file, entry.containsKey("rows") ? entry.lineOf("rows") : entry.line());
        if (rows != null && fixture != null) {
            throw new ParseException(rowsAt, "unit test '" + test + "': " + what + " has both rows: and fixture:; keep one");
        }
        if (fixture != null && format == UnitTest.Format.DICT) {
            throw new ParseException(new SourceLocation(file, entry.lineOf("fixture")), "unit test '" + test
                    + "': fixture: needs format: csv or format: sql");
        }
        switch (format) {
            case DICT -> {
                if (rows == null && !entry.containsKey("rows")) {
                    throw new ParseException(at, "unit test '" + test + "': " + what + " needs rows:, a list of mappings"
                            + " such as {id: 1, name: 'a'} (rows: [] for none)");
                }
                if (rows != null && !(rows instanceof List<?> l && l.stream().allMatch(r -> r instanceof Map<?, ?>))) {
                    throw new ParseException(rowsAt, "unit test '" + test + "': rows: of format dict must be a list of"
                            + " mappings such as {id: 1, name: 'a'}; for CSV text add format: csv");
                }
            }
            case CSV, SQL -> {
                if (rows == null && fixture == null) {
                    throw new ParseException(at, "unit test '" + test + "': " + what + " of format " + format.dbtName()
                            + " needs rows: (a " + format.dbtName().toUpperCase(Locale.ROOT) + " string) or fixture:");
                }
                if (rows != null && !(rows instanceof String)) {
                    throw new ParseException(rowsAt, "unit test '" + test + "': rows: of format " + format.dbtName()
                            + " must be a string (use a YAML block: rows: |)");
                }
            }
            default -> throw new IllegalStateException(format.name());
        }
        return new FixtureSpec(input, format, rows, fixture, at);
    }

    private static UnitTest.Overrides overrides(YamlMap entry, String file, String test) {
        Object raw = entry.get("overrides");
        if (raw == null) {
            return UnitTest.Overrides.NONE;
        }
        if (!(raw instanceof YamlMap o)) {
            throw new ParseException(new SourceLocation(file, entry.lineOf("overrides")),
                    "unit test '" + test + "': overrides: must be a mapping with vars:, macros: or env_vars:");
        }
        for (String key : o.keySet()) {
            if (!OVERRIDE_KEYS.contains(key)) {
                throw new ParseException(new SourceLocation(file, o.lineOf(key)), "unit test '" + test
                        + "': unknown override '" + key + "'; use vars, macros or env_vars" + Suggestions.didYouMean(key, OVERRIDE_KEYS));
            }
            if (!(o.get(key) instanceof Map<?, ?>)) {
                throw new ParseException(new SourceLocation(file, o.lineOf(key)),
                        "unit test '" + test + "': overrides." + key + " must be a mapping of names to values");
            }
        }
        return new UnitTest.Overrides(map(o.get("vars")), map(o.get("macros")), map(o.get("env_vars")));
    }

    private void warnUnknown(YamlMap map, Set<String> known, String file, String what) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                diagnostics.warn(new SourceLocation(file, map.lineOf(key)),
                        "unknown key '" + key + "' in " + what + Suggestions.didYouMean(key, known));
            }
        }
    }

    private static List<Object> tags(Object value) {
        if (value instanceof List<?> l) {
            return new ArrayList<>(l.stream().map(String::valueOf).toList());
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    private static Map<String, Object> map(Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        return out;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
