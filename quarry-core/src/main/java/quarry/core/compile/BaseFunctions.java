package quarry.core.compile;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import quarry.core.jinja.Arguments;
import quarry.core.jinja.JinjaCallable;
import quarry.core.jinja.JinjaException;
import quarry.core.jinja.JinjaObject;
import quarry.core.jinja.PyTuple;
import quarry.core.jinja.Undefined;
import quarry.core.parse.Hashing;
import quarry.core.project.EnvVars;
import quarry.core.project.YamlReader;

/**
 * The members of dbt's base context that do not depend on a node: {@code env_var}, {@code log},
 * {@code print}, {@code exceptions}, {@code modules}, {@code fromjson}/{@code tojson},
 * {@code fromyaml}/{@code toyaml}, {@code zip}, {@code set}, {@code local_md5},
 * {@code diff_of_two_dicts}, {@code invocation_id}, {@code run_started_at}, {@code flags},
 * {@code dbt_version}, {@code target}.
 */
final class BaseFunctions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BaseFunctions() {}

    /** The members, made once per invocation: none of them keeps per-render state. */
    static java.util.Map<String, Object> members(RenderSettings settings, boolean allowSecrets) {
        java.util.Map<String, Object> members = new java.util.LinkedHashMap<>();
        Context ctx = new Context(members);
        ctx.set("env_var", (JinjaCallable) args -> envVar(settings.env(), args, allowSecrets));
        ctx.set("log", (JinjaCallable) args -> {
            Object msg = args.get(0, "msg", "");
            if (Boolean.TRUE.equals(args.get(1, "info", false))) {
                settings.info().accept(TextValues.str(msg));
            }
            return "";
        });
        ctx.set("print", (JinjaCallable) args -> {
            settings.stdout().accept(TextValues.str(args.get(0, "msg", "")));
            return "";
        });
        ctx.set("exceptions", new Exceptions(settings));
        ctx.set("modules", new DbtModules(java.time.Clock.systemUTC()));
        ctx.set("fromjson", (JinjaCallable) BaseFunctions::fromJson);
        ctx.set("tojson", (JinjaCallable) args -> toJson(args.get(0, "value", null)));
        ctx.set("fromyaml", (JinjaCallable) args -> {
            try {
                return YamlReader.parse(String.valueOf(args.get(0, "value", "")), "fromyaml");
            } catch (RuntimeException e) {
                return args.get(1, "default", null);
            }
        });
        ctx.set("toyaml", (JinjaCallable) args -> toYaml(args.get(0, "value", null)));
        ctx.set("zip", (JinjaCallable) args -> zip(args, false));
        ctx.set("zip_strict", (JinjaCallable) args -> zip(args, true));
        ctx.set("set", (JinjaCallable) args -> set(args, false));
        ctx.set("set_strict", (JinjaCallable) args -> set(args, true));
        ctx.set("local_md5", (JinjaCallable) args -> Hashing.md5(String.valueOf(args.require(0, "value", "local_md5"))));
        ctx.set("diff_of_two_dicts", (JinjaCallable) BaseFunctions::diffOfTwoDicts);
        ctx.set("invocation_id", settings.invocationId());
        ctx.set("run_started_at", quarry.core.jinja.PyModules.datetime(settings.runStartedAt().atZone(java.time.ZoneOffset.UTC)));
        ctx.set("flags", settings.flags());
        ctx.set("dbt_version", settings.dbtVersion());
        ctx.set("project_name", settings.rootProject());
        ctx.set("target", settings.env() == null ? settings.target()
                : settings.env().reads().watch(settings.target(), "target:"));
        ctx.set("thread_id", "Thread-1");
        return java.util.Collections.unmodifiableMap(members);
    }

    /** Collects members by name, with the same {@code set} calls a render context takes. */
    private record Context(java.util.Map<String, Object> members) {
        void set(String name, Object value) {
            members.put(name, value instanceof Integer i ? (Object) i.longValue() : value);
        }
    }

    static Object envVar(EnvVars env, Arguments args, boolean allowSecrets) {
        String name = String.valueOf(args.require(0, "var", "env_var"));
        if (!allowSecrets && name.startsWith(EnvVars.SECRET_PREFIX)) {
            throw new JinjaException("secret env vars (" + EnvVars.SECRET_PREFIX + "*) may only be used in profiles.yml"
                    + " and packages.yml");
        }
        var value = env.get(name);
        if (value.isPresent()) {
            return value.get();
        }
        if (args.has(1, "default")) {
            Object d = args.get(1, "default", null);
            return d == null ? null : d instanceof String s ? s : TextValues.str(d);
        }
        throw new JinjaException("env var required but not provided: '" + name + "'");
    }

    private static Object fromJson(Arguments args) {
        try {
            return JSON.readValue(String.valueOf(args.get(0, "value", "")), Object.class);
        } catch (Exception e) {
            return args.get(1, "default", null);
        }
    }

    /** Python's json.dumps: {@code ", "} and {@code ": "} separators. */
    static String toJson(Object v) {
        StringBuilder b = new StringBuilder();
        json(v, b);
        return b.toString();
    }

    private static void json(Object v, StringBuilder b) {
        if (v == null || v instanceof Undefined) {
            b.append("null");
        } else if (v instanceof Boolean bool) {
            b.append(bool ? "true" : "false");
        } else if (v instanceof Number n) {
            b.append(n instanceof Double ? TextValues.str(n) : n.toString());
        } else if (v instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    b.append(", ");
                }
                first = false;
                json(String.valueOf(e.getKey()), b);
                b.append(": ");
                json(e.getValue(), b);
            }
            b.append('}');
        } else if (v instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                json(l.get(i), b);
            }
            b.append(']');
        } else {
            try {
                String quoted = JSON.writeValueAsString(String.valueOf(v));
                StringBuilder ascii = new StringBuilder();
                for (char c : quoted.toCharArray()) {
                    if (c > 126) {
                        ascii.append(String.format("\\u%04x", (int) c));
                    } else {
                        ascii.append(c);
                    }
                }
                b.append(ascii);
            } catch (Exception e) {
                throw new JinjaException("cannot convert to JSON: " + e.getMessage());
            }
        }
    }

    static String toYaml(Object v) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        return new Yaml(options).dump(plain(v));
    }

    private static Object plain(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), plain(val)));
            return out;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(BaseFunctions::plain).toList();
        }
        if (v instanceof JinjaObject) {
            return String.valueOf(v);
        }
        return v;
    }

    private static Object zip(Arguments args, boolean strict) {
        List<List<?>> lists = new ArrayList<>();
        for (Object a : args.positional()) {
            if (a instanceof List<?> l) {
                lists.add(l);
            } else if (a instanceof String s) {
                lists.add(s.chars().mapToObj(c -> String.valueOf((char) c)).toList());
            } else if (strict) {
                throw new JinjaException("zip_strict: '" + a + "' is not iterable");
            } else {
                return args.get(args.size(), "default", null);
            }
        }
        int n = lists.stream().mapToInt(List::size).min().orElse(0);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Object> row = new ArrayList<>();
            for (List<?> l : lists) {
                row.add(l.get(i));
            }
            out.add(PyTuple.copyOf(row));
        }
        return out;
    }

    private static Object set(Arguments args, boolean strict) {
        Object value = args.get(0, "value", null);
        if (value instanceof java.util.Collection<?> c) {
            return new LinkedHashSet<>(c);
        }
        if (value instanceof Map<?, ?> m) {
            return new LinkedHashSet<>(m.keySet());
        }
        if (strict) {
            throw new JinjaException("set_strict: '" + value + "' is not iterable");
        }
        return args.get(1, "default", null);
    }

    private static Object diffOfTwoDicts(Arguments args) {
        Map<?, ?> a = args.get(0, "dict_a", null) instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> b = args.get(1, "dict_b", null) instanceof Map<?, ?> m ? m : Map.of();
        Map<Object, Object> out = new LinkedHashMap<>();
        a.forEach((k, v) -> {
            if (!b.containsKey(k)) {
                out.put(k, v);
            } else if (v instanceof List<?> la && b.get(k) instanceof List<?> lb) {
                List<Object> diff = new ArrayList<>(la);
                diff.removeAll(lb);
                if (!diff.isEmpty()) {
                    out.put(k, diff);
                }
            }
        });
        return out;
    }

    /** dbt's {@code exceptions}: raise_compiler_error and warn, and the long tail materializations use. */
    private record Exceptions(RenderSettings settings) implements JinjaObject {
        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "raise_compiler_error" -> (JinjaCallable) args -> {
                    throw new JinjaException(TextValues.str(args.get(0, "msg", "")));
                };
                case "warn" -> (JinjaCallable) args -> {
                    settings.diagnostics().warn(null, TextValues.str(args.get(0, "msg", "")));
                    return "";
                };
                case "raise_not_implemented" -> (JinjaCallable) args -> {
                    throw new JinjaException("not implemented: " + TextValues.str(args.get(0, "msg", "")));
                };
                case "raise_database_error" -> (JinjaCallable) args -> {
                    throw new JinjaException("database error: " + TextValues.str(args.get(0, "msg", "")));
                };
                case "relation_wrong_type" -> (JinjaCallable) args -> {
                    throw new JinjaException("trying to create " + args.get(1, "expected_type", "") + " "
                            + args.get(0, "relation", "") + ", but it currently exists as another type");
                };
                case "missing_relation" -> (JinjaCallable) args -> {
                    throw new JinjaException("relation " + args.get(0, "relation", "") + " not found");
                };
                case "raise_contract_error" -> (JinjaCallable) args -> {
                    throw new JinjaException("this model has an enforced contract that its columns do not match");
                };
                case "raise_fail_fast_error" -> (JinjaCallable) args -> {
                    throw new JinjaException(TextValues.str(args.get(0, "msg", "")));
                };
                default -> Undefined.withHint("exceptions has no '" + name + "'");
            };
        }
    }
}
