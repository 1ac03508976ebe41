package quarry.core.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import quarry.core.SourceLocation;

/**
 * Turns one entry of a {@code data_tests:} (or {@code tests:}) list into a generic test as dbt names
 * it: {@code <test>_<model>_<args>} with arguments sorted by name and flattened, a 30-character
 * prefix plus md5 when the name reaches 64 characters, and a unique id ending in 10 hex digits of
 * an md5 over the name and the test's metadata.
 */
public final class GenericTestBuilder {

    private static final Pattern NON_WORD = Pattern.compile("[^0-9a-zA-Z_]+");

    /** Config keys that may stand at the top of a test entry, beside its arguments. */
    static final List<String> CONFIG_ARGS = List.of("severity", "tags", "enabled", "where", "limit", "warn_if",
            "error_if", "fail_calc", "store_failures", "store_failures_as", "meta", "database", "schema", "alias");

    /** What the test attaches to: a model, seed or snapshot (by name) or a source table. */
    public record Target(String name, String sourceName, String version) {
        boolean isSource() {
            return sourceName != null;
        }

        String testTargetName() {
            if (isSource()) {
                return sourceName + "_" + name;
            }
            return version == null ? name : name + "_v" + version;
        }

        String modelArgument() {
            if (isSource()) {
                return "{{ get_where_subquery(source('" + sourceName + "', '" + name + "')) }}";
            }
            if (version != null) {
                return "{{ get_where_subquery(ref('" + name + "', version='" + version + "')) }}";
            }
            return "{{ get_where_subquery(ref('" + name + "')) }}";
        }
    }

    /**
     * A generic test ready to become a node.
     *
     * @param name the full name (FQN and unique id); {@code fileName} is the short one for files and alias
     */
    public record GenericTest(String testName, String namespace, Map<String, Object> kwargs, Map<String, Object> config,
            String name, String fileName, String uniqueId, String rawCode, String description, String columnName) {}

    private GenericTestBuilder() {}

    public static GenericTest build(Object entry, Target target, String columnName, String packageName,
            SourceLocation where) {
        return build(entry, target, columnName, packageName, where, (text, at) -> text);
    }

    /**
     * With {@code renderer} for the Jinja in the test's config values, which dbt renders with the
     * target known ({@code severity: "{{ 'warn' if target.type == 'x' else 'error' }}"}); {@code where}
     * and hooks stay as written, rendered when the test runs.
     */
    public static GenericTest build(Object entry, Target target, String columnName, String packageName,
            SourceLocation where, quarry.core.project.ValueRenderer renderer) {
        String testName;
        Map<String, Object> args;
        if (entry instanceof String s) {
            testName = s;
            args = new LinkedHashMap<>();
        } else if (entry instanceof Map<?, ?> m) {
            Map<String, Object> copy = copy(m);
            if (copy.containsKey("test_name")) {
                testName = String.valueOf(copy.remove("test_name"));
                args = copy;
            } else {
                if (copy.size() != 1) {
                    throw new ParseException(where, "a test entry must have exactly one key (the test's name), found "
                            + copy.keySet());
                }
                Map.Entry<String, Object> only = copy.entrySet().iterator().next();
                testName = only.getKey();
                Object value = only.getValue();
                if (value == null) {
                    args = new LinkedHashMap<>();
                } else if (value instanceof Map<?, ?> inner) {
                    args = copy(inner);
                } else {
                    throw new ParseException(where, "the arguments of test '" + testName
                            + "' must be a mapping, not '" + value + "'");
                }
            }
        } else {
            throw new ParseException(where, "a test must be a name or a mapping, not '" + entry + "'");
        }
        int dot = testName.indexOf('.');
        String namespace = dot < 0 ? null : testName.substring(0, dot);
        String name = dot < 0 ? testName : testName.substring(dot + 1);
        if (namespace != null && !identifier(namespace) || !identifier(name)) {
            throw new ParseException(where, "'" + testName + "' is not a test name (expected name or package.name)");
        }
        if (args.containsKey("model")) {
            throw new ParseException(where, "test '" + testName + "' may not take an argument named 'model'");
        }
        // dbt 1.10+: arguments under 'arguments:'
        if (args.get("arguments") instanceof Map<?, ?> explicit) {
            args.remove("arguments");
            args.putAll(copy(explicit));
        }
        String description = args.remove("description") instanceof String d ? d : "";
        Map<String, Object> config = new LinkedHashMap<>();
        Map<String, Object> nested = args.get("config") instanceof Map<?, ?> c ? copy(c) : null;
        for (String key : CONFIG_ARGS) {
            Object value = args.remove(key);
            if (value != null && nested != null && nested.containsKey(key)) {
                throw new ParseException(where, "test '" + testName + "' sets '" + key + "' both at its top and under config:");
            }
            if (value == null && nested != null) {
                value = nested.remove(key);
            }
            if (value != null) {
                config.put(key, value);
            }
        }
        if (nested != null) {
            args.remove("config");
            nested.forEach((k, v) -> {
                if (v != null) {
                    config.put(k, v);
                }
            });
        }
        config.replaceAll((key, value) -> value instanceof String text && !quarry.core.project.ValueRenderer.isPlain(text)
                && !key.equals("where") && !key.endsWith("-hook") ? renderer.render(text, where) : value);
        if (columnName != null) {
            args.put("column_name", columnName);
        }
        args.put("model", target.modelArgument());

        String fullName;
        String fileName;
        if (args.containsKey("name")) {
            fullName = String.valueOf(args.remove("name"));
            fileName = fullName;
        } else {
            String type = target.isSource() ? "source_" + name : name;
            if (namespace != null) {
                type = namespace + "_" + type;
            }
            String[] names = synthesizeNames(type, target.testTargetName(), args);
            fileName = names[0];
            fullName = names[1];
            if (!fileName.equals(fullName) && !config.containsKey("alias")) {
                config.put("alias", fileName);
            }
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("kwargs", args);
        metadata.put("namespace", namespace);
        String hash = Hashing.md5(fullName + Hashing.hashableRepr(metadata));
        String uniqueId = "test." + packageName + "." + fullName + "." + hash.substring(hash.length() - 10);
        String macro = namespace == null ? "test_" + name : namespace + ".test_" + name;
        String rawCode = "{{ " + macro + "(**_dbt_generic_test_kwargs) }}" + configCall(config);
        return new GenericTest(name, namespace, args, config, fullName, fileName, uniqueId, rawCode, description, columnName);
    }

    /** dbt's {@code synthesize_generic_test_names}: returns {short name, full name}. */
    static String[] synthesizeNames(String testType, String testTargetName, Map<String, Object> args) {
        List<String> flat = new ArrayList<>();
        for (Map.Entry<String, Object> e : new TreeMap<>(args).entrySet()) {
            if (e.getKey().equals("model")) {
                continue;
            }
            Object value = e.getValue();
            if (value instanceof Map<?, ?> m) {
                m.values().forEach(v -> flat.add(Hashing.pyStr(v)));
            } else if (value instanceof List<?> l) {
                l.forEach(v -> flat.add(Hashing.pyStr(v)));
            } else {
                flat.add(Hashing.pyStr(value));
            }
        }
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < flat.size(); i++) {
            String a = flat.get(i);
            if (i > 0) {
                joined.append("__");
            }
            joined.append(wordOnly(a) ? a : NON_WORD.matcher(a).replaceAll("_"));
        }
        String unique = joined.toString();
        String identifier = testType + "_" + testTargetName;
        String full = identifier + "_" + unique;
        String shortName = full.length() >= 64
                ? identifier.substring(0, Math.min(30, identifier.length())) + "_" + Hashing.md5(full)
                : full;
        return new String[] {shortName, full};
    }

    /** Whether a text is a name: {@code [a-zA-Z_][0-9a-zA-Z_]*} (checked for every test: no regex). */
    private static boolean identifier(String text) {
        return !text.isEmpty() && !Character.isDigit(text.charAt(0)) && wordOnly(text);
    }

    /** Whether a text has only {@code [0-9a-zA-Z_]} (most arguments): nothing for {@link #NON_WORD} to replace. */
    private static boolean wordOnly(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static String configCall(Map<String, Object> config) {
        if (config.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        config.forEach((k, v) -> parts.add(k + "=" + (v instanceof String s
                ? "\"" + s.replace("\"", "\\\"") + "\"" : Hashing.pyStr(v))));
        return "{{ config(" + String.join(",", parts) + ") }}";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<?, ?> m) {
        return new LinkedHashMap<>((Map<String, Object>) m);
    }
}
