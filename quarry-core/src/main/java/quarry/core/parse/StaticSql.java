package quarry.core.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import quarry.core.manifest.RefCall;

/**
 * dbt's static-parser shortcut: a SQL file whose only Jinja is {@code {{ ref(...) }}},
 * {@code {{ source(...) }}} and {@code {{ config(...) }}} with literal arguments (and comments) is
 * understood without rendering. The parts are kept so compile can also produce its SQL directly,
 * exactly as rendering would.
 */
public final class StaticSql {

    /** A piece of the file: literal text, or one of the three calls. */
    public sealed interface Part permits Text, Ref, Source, Config {}

    public record Text(String text) implements Part {}

    public record Ref(RefCall ref) implements Part {}

    public record Source(String sourceName, String tableName) implements Part {}

    public record Config(Map<String, Object> values) implements Part {}

    private final List<Part> parts;

    private StaticSql(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    public List<Part> parts() {
        return parts;
    }

    public List<RefCall> refs() {
        List<RefCall> out = new ArrayList<>();
        for (Part p : parts) {
            if (p instanceof Ref r) {
                out.add(r.ref());
            }
        }
        return out;
    }

    public List<List<String>> sources() {
        List<List<String>> out = new ArrayList<>();
        for (Part p : parts) {
            if (p instanceof Source s) {
                out.add(List.of(s.sourceName(), s.tableName()));
            }
        }
        return out;
    }

    public Map<String, Object> config() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Part p : parts) {
            if (p instanceof Config c) {
                ConfigRules.mergeInto(out, c.values());
            }
        }
        return out;
    }

    /** The file understood statically, or empty when it needs Jinja. */
    public static Optional<StaticSql> analyze(String sql) {
        if (sql.contains("{%")) {
            return Optional.empty();
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        boolean trimNextLeading = false;
        while (i < sql.length()) {
            int open = nextOpen(sql, i);
            String chunk = open < 0 ? sql.substring(i) : sql.substring(i, open);
            if (trimNextLeading) {
                chunk = stripLeading(chunk);
                trimNextLeading = false;
            }
            text.append(chunk);
            if (open < 0) {
                break;
            }
            char kind = sql.charAt(open + 1);
            boolean trimBefore = open + 2 < sql.length() && sql.charAt(open + 2) == '-';
            if (trimBefore) {
                stripTrailing(text);
            }
            if (kind == '#') {
                int close = sql.indexOf("#}", open + 2);
                if (close < 0) {
                    return Optional.empty();
                }
                trimNextLeading = sql.charAt(close - 1) == '-' && close - 1 > open + 2;
                i = close + 2;
                continue;
            }
            int close = TopLevelBlocks.closingAt(sql, open + 2, '}');
            if (close < 0) {
                return Optional.empty();
            }
            String inner = sql.substring(open + (trimBefore ? 3 : 2), close);
            if (inner.endsWith("-")) {
                inner = inner.substring(0, inner.length() - 1);
                trimNextLeading = true;
            }
            Part call = callPart(inner);
            if (call == null) {
                return Optional.empty();
            }
            if (text.length() > 0) {
                parts.add(new Text(text.toString()));
                text.setLength(0);
            }
            parts.add(call);
            i = close + 2;
        }
        // Jinja drops one trailing newline of a template
        if (text.length() > 0 && text.charAt(text.length() - 1) == '\n') {
            text.setLength(text.length() - 1);
        }
        if (text.length() > 0) {
            parts.add(new Text(text.toString()));
        }
        return Optional.of(new StaticSql(parts));
    }

    private static int nextOpen(String sql, int from) {
        int i = from;
        while (true) {
            int open = sql.indexOf('{', i);
            if (open < 0 || open + 1 >= sql.length()) {
                return -1;
            }
            char c = sql.charAt(open + 1);
            if (c == '{' || c == '#') {
                return open;
            }
            i = open + 1;
        }
    }

    private static Part callPart(String inner) {
        Literals.Call call = Literals.call(inner);
        if (call == null) {
            return null;
        }
        switch (call.function()) {
            case "ref" -> {
                List<Object> a = call.args();
                Object version = call.kwargs().containsKey("v") ? call.kwargs().get("v") : call.kwargs().get("version");
                if (call.kwargs().keySet().stream().anyMatch(k -> !k.equals("v") && !k.equals("version"))) {
                    return null;
                }
                if (a.size() == 1 && a.get(0) instanceof String name) {
                    return new Ref(new RefCall(name, null, version == null ? null : versionText(version)));
                }
                if (a.size() == 2 && a.get(0) instanceof String pkg && a.get(1) instanceof String name) {
                    return new Ref(new RefCall(name, pkg, version == null ? null : versionText(version)));
                }
                return null;
            }
            case "source" -> {
                List<Object> a = call.args();
                if (a.size() == 2 && call.kwargs().isEmpty() && a.get(0) instanceof String s && a.get(1) instanceof String t) {
                    return new Source(s, t);
                }
                return null;
            }
            case "config" -> {
                if (call.args().isEmpty()) {
                    return new Config(call.kwargs());
                }
                if (call.args().size() == 1 && call.kwargs().isEmpty() && call.args().get(0) instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> values = (Map<String, Object>) m;
                    return new Config(values);
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    static String versionText(Object version) {
        if (version instanceof Double d && d == Math.rint(d)) {
            return String.valueOf(d);
        }
        return String.valueOf(version);
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return s.substring(i);
    }

    private static void stripTrailing(StringBuilder b) {
        int end = b.length();
        while (end > 0 && Character.isWhitespace(b.charAt(end - 1))) {
            end--;
        }
        b.setLength(end);
    }
}
