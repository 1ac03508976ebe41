package quarry.core.jinja;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jinja2's built-in filters on strings and numbers. */
final class StringFilters {
    private static final Pattern WORD_BEGINNING = Pattern.compile("([-\\s({\\[<]+)");
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern TAGS = Pattern.compile("(<!--.*?-->|<[^>]*>)", Pattern.DOTALL);

    private StringFilters() {
    }

    /** Jinja2 filters that convert their input fail on undefined instead of treating it as empty. */
    static Object defined(Object v) {
        if (v instanceof Undefined u) {
            throw u.error();
        }
        return v;
    }

    static void register(JinjaEnvironment.Builder b) {
        b.filter("upper", (v, a) -> keep(v, Py.str(v).toUpperCase(java.util.Locale.ROOT)));
        b.filter("lower", (v, a) -> keep(v, Py.str(v).toLowerCase(java.util.Locale.ROOT)));
        b.filter("capitalize", (v, a) -> keep(v, StrMethods.call(Py.str(v), "capitalize", Arguments.empty())));
        b.filter("title", (v, a) -> keep(v, title(Py.str(v))));
        b.filter("trim", (v, a) -> keep(v, StrMethods.strip(Py.str(v), a.get(0, "chars", null) == null ? null
                : Py.str(a.get(0, "chars", null)), true, true)));
        b.filter("replace", (v, a) -> {
            List<Object> args = new ArrayList<>();
            args.add(a.require(0, "old", "replace"));
            args.add(a.require(1, "new", "replace"));
            Object count = a.get(2, "count", null);
            if (count != null) {
                args.add(count);
            }
            return StrMethods.call(Py.str(v), "replace", new Arguments(args, Map.of()));
        });
        b.filter("center", (v, a) -> keep(v, StrMethods.call(Py.str(v), "center",
                Arguments.of(a.get(0, "width", 80L)))));
        b.filter("string", (v, a) -> v instanceof Markup ? v : Py.str(v));
        b.filter("safe", (v, a) -> v instanceof Markup ? v : new Markup(Py.str(v)));
        b.filter("escape", (v, a) -> Markup.escape(v));
        b.filter("e", (v, a) -> Markup.escape(v));
        b.filter("forceescape", (v, a) -> new Markup(escape(Py.str(v))));
        b.filter("striptags", (v, a) -> {
            String stripped = TAGS.matcher(Py.str(v)).replaceAll("");
            String collapsed = String.join(" ", StrMethods.split(stripped, null, -1).stream().map(Py::str).toList());
            return unescape(collapsed);
        });
        b.filter("wordcount", (v, a) -> {
            Matcher m = WORD.matcher(Py.str(v));
            long count = 0;
            while (m.find()) {
                count++;
            }
            return count;
        });
        b.filter("truncate", StringFilters::truncate);
        b.filter("indent", (v, a) -> {
            if (!(defined(v) instanceof String || v instanceof Markup)) {
                throw new JinjaException("unsupported operand type(s) for +=: '" + Py.typeName(v) + "' and 'str'");
            }
            return keep(v, indent(v, a));
        });
        b.filter("format", (v, a) -> {
            if (a.size() > 0 && !a.keywords().isEmpty()) {
                throw new JinjaException("can't handle positional and keyword arguments at the same time");
            }
            Object args = a.keywords().isEmpty() ? PyTuple.copyOf(a.positional()) : a.keywords();
            return PyMath.mod(v instanceof Markup ? v : Py.str(v), args);
        });
        b.filter("int", (v, a) -> toInt(Py.plain(defined(v)), a));
        b.filter("float", (v, a) -> toFloat(Py.plain(defined(v)), a.get(0, "default", 0.0)));
        b.filter("abs", (v, a) -> {
            defined(v);
            if (v instanceof Boolean || Py.isInt(v)) {
                Object n = v instanceof Boolean bool ? (bool ? 1L : 0L) : v;
                return PyMath.compareNumbers(n, 0L) < 0 ? PyMath.neg(n) : Py.canonical(n);
            }
            if (Py.isFloat(v)) {
                return Math.abs(PyMath.toDouble(v));
            }
            throw new JinjaException("bad operand type for abs(): '" + Py.typeName(v) + "'");
        });
        b.filter("round", (v, a) -> round(defined(v), a));
        b.filter("filesizeformat", (v, a) -> filesizeformat(defined(v), a));
        b.filter("urlencode", (v, a) -> urlencode(v));
        b.filter("urlize", Urlize::filter);
        b.filter("wordwrap", (v, a) -> {
            if (!(defined(v) instanceof String || v instanceof Markup)) {
                throw new JinjaException("'" + Py.typeName(v) + "' object has no attribute 'splitlines'");
            }
            return wordwrap(v, a);
        });
        b.filter("pprint", (v, a) -> PrettyPrint.format(v));
        b.filter("xmlattr", (v, a) -> xmlattr(defined(v), a));
    }

    /** A str filter's result keeps its input's markup-ness (Jinja2's soft_str). */
    private static Object keep(Object input, Object result) {
        return input instanceof Markup && result instanceof String s ? new Markup(s) : result;
    }

    static String escape(Object v) {
        String s = Py.str(v);
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", "\"").replace("&#39;", "'")
                .replace("&quot;", "\"").replace("&amp;", "&");
    }

    private static String title(String s) {
        StringBuilder out = new StringBuilder();
        Matcher m = WORD_BEGINNING.matcher(s);
        int last = 0;
        List<String> parts = new ArrayList<>();
        while (m.find()) {
            parts.add(s.substring(last, m.start()));
            parts.add(m.group());
            last = m.end();
        }
        parts.add(s.substring(last));
        for (String item : parts) {
            if (!item.isEmpty()) {
                out.append(item.substring(0, 1).toUpperCase(java.util.Locale.ROOT))
                        .append(item.substring(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out.toString();
    }

    private static Object truncate(Object v, Arguments a) {
        String s = Py.str(v);
        int length = (int) Py.toIndex(a.get(0, "length", 255L));
        boolean killwords = Py.truthy(a.get(1, "killwords", false));
        String end = Py.str(a.get(2, "end", "..."));
        Object leewayArg = a.get(3, "leeway", null);
        int leeway = leewayArg == null ? 5 : (int) Py.toIndex(leewayArg);
        if (length < end.length()) {
            throw new JinjaException("expected length >= " + end.length() + ", got " + length);
        }
        if (leeway < 0) {
            throw new JinjaException("expected leeway >= 0, got " + leeway);
        }
        if (!(v instanceof String || v instanceof Markup || v instanceof Undefined)) {
            // Jinja2 measures and slices the value itself: numbers fail, short containers pass through
            if (Py.length(v) <= length + leeway) {
                return v;
            }
            throw new JinjaException("can only concatenate " + Py.typeName(v) + " (not \"str\") to " + Py.typeName(v));
        }
        if (s.length() <= length + leeway) {
            return s;
        }
        if (killwords) {
            return s.substring(0, length - end.length()) + end;
        }
        String cut = s.substring(0, length - end.length());
        int space = cut.lastIndexOf(' ');
        String result = space < 0 ? cut : cut.substring(0, space);
        return result + end;
    }

    private static Object indent(Object v, Arguments a) {
        String s = Py.str(v);
        Object width = a.get(0, "width", 4L);
        String indention = width instanceof String w ? w : " ".repeat((int) Py.toIndex(width));
        boolean first = Py.truthy(a.get(1, "first", false));
        boolean blank = Py.truthy(a.get(2, "blank", false));
        String newline = "\n";
        s = s + newline;
        String rv;
        if (blank) {
            rv = String.join(newline + indention, splitLines(s));
        } else {
            List<String> lines = splitLines(s);
            StringBuilder out = new StringBuilder();
            if (!lines.isEmpty()) {
                out.append(lines.get(0));
                for (int i = 1; i < lines.size(); i++) {
                    out.append(newline);
                    if (!lines.get(i).isEmpty()) {
                        out.append(indention);
                    }
                    out.append(lines.get(i));
                }
            }
            rv = out.toString();
        }
        if (first) {
            rv = indention + rv;
        }
        return rv;
    }

    private static List<String> splitLines(String s) {
        List<String> out = new ArrayList<>();
        for (Object line : (List<?>) StrMethods.call(s, "splitlines", Arguments.empty())) {
            out.add((String) line);
        }
        return out;
    }

    private static Object toInt(Object v, Arguments a) {
        Object dflt = a.get(0, "default", 0L);
        long base = Py.toIndex(a.get(1, "base", 10L));
        if (v instanceof String s) {
            String t = s.strip().replace("_", "");
            try {
                if (base != 10) {
                    String digits = t.toLowerCase(java.util.Locale.ROOT);
                    boolean negative = digits.startsWith("-");
                    if (negative || digits.startsWith("+")) {
                        digits = digits.substring(1);
                    }
                    String prefix = base == 16 ? "0x" : base == 8 ? "0o" : base == 2 ? "0b" : null;
                    if (prefix != null && digits.startsWith(prefix)) {
                        digits = digits.substring(2);
                    }
                    BigInteger value = new BigInteger(digits, (int) base);
                    return Py.normalizeInt(negative ? value.negate() : value);
                }
                return Py.normalizeInt(new BigInteger(t));
            } catch (NumberFormatException e) {
                try {
                    return Py.normalizeInt(new BigDecimal(Double.parseDouble(t)).toBigInteger());
                } catch (NumberFormatException e2) {
                    return dflt;
                }
            }
        }
        if (v instanceof Boolean bool) {
            return bool ? 1L : 0L;
        }
        if (Py.isInt(v)) {
            return Py.canonical(v);
        }
        if (Py.isFloat(v)) {
            double d = PyMath.toDouble(v);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return dflt;
            }
            return Py.normalizeInt(new BigDecimal(d).toBigInteger());
        }
        return dflt;
    }

    static Object toFloat(Object v, Object dflt) {
        if (v instanceof String s) {
            try {
                String t = s.strip().toLowerCase(java.util.Locale.ROOT);
                if (t.equals("inf") || t.equals("+inf") || t.equals("infinity")) {
                    return Double.POSITIVE_INFINITY;
                }
                if (t.equals("-inf") || t.equals("-infinity")) {
                    return Double.NEGATIVE_INFINITY;
                }
                if (t.equals("nan")) {
                    return Double.NaN;
                }
                if (t.isEmpty() || t.contains("x") || t.endsWith("d") || t.endsWith("f")) {
                    return dflt;
                }
                return Double.parseDouble(t.replace("_", ""));
            } catch (NumberFormatException e) {
                return dflt;
            }
        }
        if (Py.isNumber(v)) {
            return PyMath.toDouble(v);
        }
        return dflt;
    }

    private static Object round(Object v, Arguments a) {
        long precision = Py.toIndex(a.get(0, "precision", 0L));
        String method = Py.str(a.get(1, "method", "common"));
        if (!method.equals("common") && !method.equals("ceil") && !method.equals("floor")) {
            throw new JinjaException("method must be common, ceil or floor");
        }
        if (method.equals("common")) {
            if (v instanceof Boolean || Py.isInt(v)) {
                return v instanceof Boolean bool ? (bool ? 1L : 0L) : Py.canonical(v);
            }
            double d = PyMath.toDouble(v);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return d;
            }
            double r = new BigDecimal(d).setScale((int) precision, RoundingMode.HALF_EVEN).doubleValue();
            return r == 0 && (d < 0 || 1 / d < 0) ? -0.0 : r;
        }
        double factor = Math.pow(10, precision);
        double d = PyMath.toDouble(v) * factor;
        double r = method.equals("ceil") ? Math.ceil(d) : Math.floor(d);
        return r / factor;
    }

    private static Object filesizeformat(Object v, Arguments a) {
        boolean binary = Py.truthy(a.get(0, "binary", false));
        double bytes = PyMath.toDouble(v instanceof String s ? Double.parseDouble(s) : v);
        int base = binary ? 1024 : 1000;
        String[] prefixes = binary ? new String[] {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"}
                : new String[] {"kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
        if (bytes == 1) {
            return "1 Byte";
        }
        if (bytes < base) {
            return (long) bytes + " Bytes";
        }
        String out = "";
        for (int i = 0; i < prefixes.length; i++) {
            double unit = Math.pow(base, i + 2);
            if (bytes < unit || i == prefixes.length - 1) {
                return PyFloat.formatFixed(base * bytes / unit, 1) + " " + prefixes[i];
            }
        }
        return out;
    }

    private static String quote(String s, String safe) {
        StringBuilder out = new StringBuilder();
        for (byte raw : s.getBytes(StandardCharsets.UTF_8)) {
            int c = raw & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_.-~".indexOf(c) >= 0
                    || safe.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append(String.format("%%%02X", c));
            }
        }
        return out.toString();
    }

    private static Object urlencode(Object v) {
        if (v instanceof String s) {
            return quote(s, "/");
        }
        if (v instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                parts.add(quote(Py.str(e.getKey()), "").replace("%20", "+") + "="
                        + quote(Py.str(e.getValue()), "").replace("%20", "+"));
            }
            return String.join("&", parts);
        }
        if (v instanceof List<?>) {
            List<String> parts = new ArrayList<>();
            for (Object pair : Py.iterate(v)) {
                List<?> kv = Py.iterate(pair);
                parts.add(quote(Py.str(kv.get(0)), "").replace("%20", "+") + "="
                        + quote(Py.str(kv.get(1)), "").replace("%20", "+"));
            }
            return String.join("&", parts);
        }
        return quote(Py.str(v), "/");
    }

    private static Object wordwrap(Object v, Arguments a) {
        String s = Py.str(v);
        int width = (int) Py.toIndex(a.get(0, "width", 79L));
        boolean breakLong = Py.truthy(a.get(1, "break_long_words", true));
        Object wrapArg = a.get(2, "wrapstring", null);
        String wrap = wrapArg == null ? "\n" : Py.str(wrapArg);
        boolean breakOnHyphens = Py.truthy(a.get(3, "break_on_hyphens", true));
        List<String> out = new ArrayList<>();
        for (Object line : (List<?>) StrMethods.call(s, "splitlines", Arguments.empty())) {
            out.add(String.join(wrap, TextWrap.wrap((String) line, width, breakLong, breakOnHyphens)));
        }
        return String.join(wrap, out);
    }

    private static Object xmlattr(Object v, Arguments a) {
        boolean autospace = Py.truthy(a.get(0, "autospace", true));
        StringBuilder out = new StringBuilder();
        if (!(v instanceof Map<?, ?> map)) {
            throw new JinjaException("xmlattr requires a mapping");
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object value = e.getValue();
            if (value == null || value instanceof Undefined) {
                continue;
            }
            String key = Py.str(e.getKey());
            if (key.matches(".*[\\s/>=].*")) {
                throw new JinjaException("Invalid character in attribute name: " + Py.repr(key));
            }
            parts.add(escape(key) + "=\"" + escape(value) + "\"");
        }
        out.append(String.join(" ", parts));
        if (autospace && out.length() > 0) {
            out.insert(0, ' ');
        }
        return out.toString();
    }
}
