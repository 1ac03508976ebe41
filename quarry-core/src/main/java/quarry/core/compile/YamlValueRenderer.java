package quarry.core.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import quarry.core.SourceLocation;
import quarry.core.parse.Hashing;
import quarry.core.parse.Literals;
import quarry.core.parse.ParseException;
import quarry.core.project.EnvVars;
import quarry.core.project.ValueRenderer;

/**
 * Renders Jinja in YAML values with dbt's native semantics. The common shapes,
 * {@code {{ env_var('X', 'default') }}} and {@code {{ var('x', default) }}} optionally followed by
 * {@code as_bool}, {@code as_number}, {@code as_native}, {@code as_text}, {@code int} or {@code float}
 * filters, are evaluated directly; anything else goes to the full Jinja renderer given as fallback.
 * A value that is one expression keeps its native type (a var's boolean stays a boolean); an
 * {@code env_var} is always text unless a filter converts it.
 */
public final class YamlValueRenderer implements ValueRenderer {

    private final EnvVars env;
    private final Map<String, Object> vars;
    private final ValueRenderer fallback;

    public YamlValueRenderer(EnvVars env, Map<String, Object> vars, ValueRenderer fallback) {
        this.env = Objects.requireNonNull(env);
        this.vars = Objects.requireNonNull(vars);
        this.fallback = fallback;
    }

    @Override
    public Object render(String text, SourceLocation where) {
        if (ValueRenderer.isPlain(text)) {
            return text;
        }
        Optional<Object> simple = trySimple(text, where);
        if (simple.isPresent()) {
            return simple.get() == NULL ? null : simple.get();
        }
        if (fallback == null) {
            throw new ParseException(where, "cannot render '" + text + "' here: only env_var() and var() are allowed");
        }
        return fallback.render(text, where);
    }

    @Override
    public boolean canRender(String text) {
        if (fallback != null || ValueRenderer.isPlain(text)) {
            return true;
        }
        try {
            return trySimple(text, SourceLocation.of("dbt_project.yml")).isPresent();
        } catch (ParseException e) {
            return true; // render() reports it
        }
    }

    private static final Object NULL = new Object();

    private Optional<Object> trySimple(String text, SourceLocation where) {
        if (text.contains("{%") || text.contains("{#")) {
            return Optional.empty();
        }
        List<Object> pieces = new ArrayList<>();
        int i = 0;
        int expressions = 0;
        boolean hasText = false;
        while (i < text.length()) {
            int open = text.indexOf("{{", i);
            if (open < 0) {
                if (!text.substring(i).isEmpty()) {
                    pieces.add(text.substring(i));
                    hasText = hasText || !text.substring(i).isBlank();
                }
                break;
            }
            if (open > i) {
                pieces.add(text.substring(i, open));
                hasText = hasText || !text.substring(i, open).isBlank();
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                throw new ParseException(where, "'{{' without a closing '}}' in '" + text + "'");
            }
            Optional<Object> value = expression(text.substring(open + 2, close).strip(), where);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            pieces.add(value.get());
            expressions++;
            i = close + 2;
        }
        if (expressions == 1 && !hasText) {
            for (Object p : pieces) {
                if (!(p instanceof String s && s.isBlank()) || p instanceof Marked) {
                    return Optional.of(p instanceof Marked m ? m.value() : p);
                }
            }
        }
        StringBuilder b = new StringBuilder();
        for (Object p : pieces) {
            Object v = p instanceof Marked m ? m.value() : p;
            b.append(v == NULL ? "None" : Hashing.pyStr(v));
        }
        return Optional.of(b.toString());
    }

    /** A value whose expression produced it, kept apart from literal text around it. */
    private record Marked(Object value) {}

    private Optional<Object> expression(String expression, SourceLocation where) {
        String[] parts = expression.split("\\|");
        Literals.Call call = Literals.call(parts[0].strip());
        if (call == null) {
            return Optional.empty();
        }
        Object value;
        switch (call.function()) {
            case "env_var" -> {
                if (call.args().isEmpty() || !(call.args().get(0) instanceof String name)) {
                    return Optional.empty();
                }
                Optional<String> found = env.get(name);
                if (found.isPresent()) {
                    value = found.get();
                } else if (call.args().size() > 1) {
                    Object d = call.args().get(1);
                    value = d == null ? NULL : Hashing.pyStr(d);
                } else {
                    throw new ParseException(where, "env var '" + name + "' is not set and env_var() was given no default");
                }
            }
            case "var" -> {
                if (call.args().isEmpty() || !(call.args().get(0) instanceof String name)) {
                    return Optional.empty();
                }
                if (vars.containsKey(name)) {
                    value = vars.get(name) == null ? NULL : vars.get(name);
                } else if (call.args().size() > 1) {
                    value = call.args().get(1) == null ? NULL : call.args().get(1);
                } else {
                    throw new ParseException(where, "required var '" + name + "' not found; pass it with --vars or set"
                            + " it under vars: in dbt_project.yml");
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        for (int k = 1; k < parts.length; k++) {
            String filter = parts[k].strip();
            Optional<Object> filtered = filter(value, filter, where);
            if (filtered.isEmpty()) {
                return Optional.empty();
            }
            value = filtered.get();
        }
        return Optional.of(new Marked(value));
    }

    private Optional<Object> filter(Object value, String filter, SourceLocation where) {
        String text = value == NULL ? "None" : Hashing.pyStr(value);
        try {
            return switch (filter) {
                case "as_bool" -> Optional.of(value instanceof Boolean ? value : switch (text.strip()) {
                    case "True", "true" -> Boolean.TRUE;
                    case "False", "false" -> Boolean.FALSE;
                    default -> text;
                });
                case "as_number", "as_native" -> Optional.of(number(text).orElse(value));
                case "int" -> Optional.of((Object) Long.valueOf(number(text).map(n -> ((Number) n).longValue()).orElse(0L)));
                case "float" -> Optional.of((Object) Double.valueOf(number(text).map(n -> ((Number) n).doubleValue()).orElse(0.0)));
                case "as_text", "string" -> Optional.of(text);
                case "lower" -> Optional.of(text.toLowerCase(java.util.Locale.ROOT));
                case "upper" -> Optional.of(text.toUpperCase(java.util.Locale.ROOT));
                case "trim" -> Optional.of(text.strip());
                default -> Optional.empty();
            };
        } catch (NumberFormatException e) {
            throw new ParseException(where, "'" + text + "' is not a number");
        }
    }

    private static Optional<Object> number(String text) {
        String t = text.strip();
        if (t.matches("[-+]?\\d+")) {
            return Optional.of(Long.parseLong(t));
        }
        if (t.matches("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?")) {
            return Optional.of(Double.parseDouble(t));
        }
        return Optional.empty();
    }
}
