package quarry.core.jinja;

import java.util.ArrayList;
import java.util.List;

/** Python's str methods. */
final class StrMethods {
    private StrMethods() {
    }

    static Object call(String s, String name, Arguments a) {
        switch (name) {
            case "upper":
                return s.toUpperCase(java.util.Locale.ROOT);
            case "lower":
                return s.toLowerCase(java.util.Locale.ROOT);
            case "casefold":
                return s.toLowerCase(java.util.Locale.ROOT);
            case "strip":
                return strip(s, chars(a), true, true);
            case "lstrip":
                return strip(s, chars(a), true, false);
            case "rstrip":
                return strip(s, chars(a), false, true);
            case "split":
                return split(s, a.get(0, "sep", null), maxsplit(a));
            case "rsplit":
                return rsplit(s, a.get(0, "sep", null), maxsplit(a));
            case "splitlines": {
                List<Object> out = new ArrayList<>();
                boolean keep = Py.toIndex(a.get(0, "keepends", false)) != 0;
                int start = 0;
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '\n' || c == '\r') {
                        int end = i;
                        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                            i++;
                        }
                        out.add(s.substring(start, keep ? i + 1 : end));
                        start = i + 1;
                    }
                }
                if (start < s.length()) {
                    out.add(s.substring(start));
                }
                return out;
            }
            case "join": {
                StringBuilder out = new StringBuilder();
                boolean first = true;
                for (Object item : Py.iterate(a.require(0, "iterable", "join"))) {
                    if (!(item instanceof String str)) {
                        throw new JinjaException("sequence item: expected str instance, " + Py.typeName(item) + " found");
                    }
                    if (!first) {
                        out.append(s);
                    }
                    first = false;
                    out.append(str);
                }
                return out.toString();
            }
            case "replace": {
                String old = str(a.require(0, "old", name));
                String replacement = str(a.require(1, "new", name));
                long count = Py.toIndex(a.get(2, "count", -1L));
                if (count < 0) {
                    if (old.isEmpty()) {
                        return insertEverywhere(s, replacement, Long.MAX_VALUE);
                    }
                    return s.replace(old, replacement);
                }
                if (old.isEmpty()) {
                    return insertEverywhere(s, replacement, count);
                }
                StringBuilder out = new StringBuilder();
                int from = 0;
                for (long done = 0; done < count; done++) {
                    int at = s.indexOf(old, from);
                    if (at < 0) {
                        break;
                    }
                    out.append(s, from, at).append(replacement);
                    from = at + old.length();
                }
                return out.append(s.substring(from)).toString();
            }
            case "startswith":
            case "endswith": {
                Object prefix = a.require(0, "prefix", name);
                String target = window(s, a);
                List<?> options = prefix instanceof PyTuple t ? t : List.of(prefix);
                for (Object option : options) {
                    String p = str(option);
                    if (name.equals("startswith") ? target.startsWith(p) : target.endsWith(p)) {
                        return true;
                    }
                }
                return false;
            }
            case "find":
            case "index":
            case "rfind":
            case "rindex": {
                String sub = str(a.require(0, "sub", name));
                int start = start(s, a);
                int end = end(s, a);
                int at = -1;
                if (start <= end) {
                    String window = s.substring(start, end);
                    int rel = name.startsWith("r") ? window.lastIndexOf(sub) : window.indexOf(sub);
                    at = rel < 0 ? -1 : rel + start;
                }
                if (at < 0 && name.endsWith("index")) {
                    throw new JinjaException("substring not found");
                }
                return (long) (at < 0 ? -1 : s.codePointCount(0, at));
            }
            case "count": {
                String sub = str(a.require(0, "sub", name));
                String window = window(s, a);
                if (sub.isEmpty()) {
                    return (long) window.codePointCount(0, window.length()) + 1;
                }
                long count = 0;
                int from = 0;
                while ((from = window.indexOf(sub, from)) >= 0) {
                    count++;
                    from += sub.length();
                }
                return count;
            }
            case "title":
                return title(s);
            case "capitalize":
                return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                        + s.substring(1).toLowerCase(java.util.Locale.ROOT);
            case "swapcase": {
                StringBuilder out = new StringBuilder();
                s.codePoints().forEach(cp -> out.appendCodePoint(Character.isUpperCase(cp) ? Character.toLowerCase(cp)
                        : Character.toUpperCase(cp)));
                return out.toString();
            }
            case "center":
            case "ljust":
            case "rjust": {
                int width = (int) Py.toIndex(a.require(0, "width", name));
                String fill = str(a.get(1, "fillchar", " "));
                if (fill.codePointCount(0, fill.length()) != 1) {
                    throw new JinjaException("The fill character must be exactly one character long");
                }
                int len = s.codePointCount(0, s.length());
                if (width <= len) {
                    return s;
                }
                int total = width - len;
                if (name.equals("ljust")) {
                    return s + fill.repeat(total);
                }
                if (name.equals("rjust")) {
                    return fill.repeat(total) + s;
                }
                int left = total / 2 + (total & width & 1);
                return fill.repeat(left) + s + fill.repeat(total - left);
            }
            case "zfill": {
                int width = (int) Py.toIndex(a.require(0, "width", name));
                if (s.length() >= width) {
                    return s;
                }
                boolean signed = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+');
                String pad = "0".repeat(width - s.length());
                return signed ? s.charAt(0) + pad + s.substring(1) : pad + s;
            }
            case "partition":
            case "rpartition": {
                String sep = str(a.require(0, "sep", name));
                if (sep.isEmpty()) {
                    throw new JinjaException("empty separator");
                }
                int at = name.equals("partition") ? s.indexOf(sep) : s.lastIndexOf(sep);
                if (at < 0) {
                    return name.equals("partition") ? PyTuple.of(s, "", "") : PyTuple.of("", "", s);
                }
                return PyTuple.of(s.substring(0, at), sep, s.substring(at + sep.length()));
            }
            case "removeprefix": {
                String p = str(a.require(0, "prefix", name));
                return s.startsWith(p) ? s.substring(p.length()) : s;
            }
            case "removesuffix": {
                String p = str(a.require(0, "suffix", name));
                return !p.isEmpty() && s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s;
            }
            case "isdigit":
            case "isnumeric":
            case "isdecimal":
                return !s.isEmpty() && s.codePoints().allMatch(Character::isDigit);
            case "isalpha":
                return !s.isEmpty() && s.codePoints().allMatch(Character::isLetter);
            case "isalnum":
                return !s.isEmpty() && s.codePoints().allMatch(Character::isLetterOrDigit);
            case "isspace":
                return !s.isEmpty() && s.chars().allMatch(c -> Py.isSpace((char) c));
            case "isascii":
                return s.codePoints().allMatch(cp -> cp < 128);
            case "isprintable":
                return s.codePoints().allMatch(cp -> cp >= 0x20 && cp != 0x7f);
            case "islower":
                return s.codePoints().anyMatch(Character::isLowerCase) && s.codePoints().noneMatch(Character::isUpperCase);
            case "isupper":
                return s.codePoints().anyMatch(Character::isUpperCase) && s.codePoints().noneMatch(Character::isLowerCase);
            case "istitle":
                return !s.isEmpty() && s.equals(title(s)) && s.codePoints().anyMatch(Character::isLetter);
            case "isidentifier":
                return !s.isEmpty() && (Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')
                        && s.codePoints().allMatch(cp -> Character.isLetterOrDigit(cp) || cp == '_');
            case "expandtabs": {
                long size = Py.toIndex(a.get(0, "tabsize", 8L));
                StringBuilder out = new StringBuilder();
                int column = 0;
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '\t') {
                        if (size > 0) {
                            int spaces = (int) (size - column % size);
                            out.append(" ".repeat(spaces));
                            column += spaces;
                        }
                    } else {
                        out.append(c);
                        column = c == '\n' || c == '\r' ? 0 : column + 1;
                    }
                }
                return out.toString();
            }
            case "encode":
                return s;
            case "format":
                return StrFormat.format(s, a);
            case "format_map":
                return StrFormat.format(s, new Arguments(List.of(), castMap(a.require(0, "mapping", name))));
            default:
                throw new JinjaException("'str' object has no attribute '" + name + "'");
        }
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> castMap(Object value) {
        if (!(value instanceof java.util.Map)) {
            throw new JinjaException("format_map() argument must be a mapping");
        }
        return (java.util.Map<String, Object>) value;
    }

    private static String insertEverywhere(String s, String insert, long count) {
        StringBuilder out = new StringBuilder();
        long done = 0;
        for (int i = 0; i < s.length(); i++) {
            if (done < count) {
                out.append(insert);
                done++;
            }
            out.append(s.charAt(i));
        }
        if (done < count) {
            out.append(insert);
        }
        return out.toString();
    }

    private static String str(Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw new JinjaException("must be str, not " + Py.typeName(value));
    }

    private static String chars(Arguments a) {
        Object chars = a.get(0, "chars", null);
        return chars == null ? null : str(chars);
    }

    private static long maxsplit(Arguments a) {
        return Py.toIndex(a.get(1, "maxsplit", -1L));
    }

    private static int start(String s, Arguments a) {
        Object v = a.get(1, "start", null);
        if (v == null) {
            return 0;
        }
        long i = Py.toIndex(v);
        if (i < 0) {
            i = Math.max(0, i + s.length());
        }
        return (int) Math.min(i, s.length());
    }

    private static int end(String s, Arguments a) {
        Object v = a.get(2, "end", null);
        if (v == null) {
            return s.length();
        }
        long i = Py.toIndex(v);
        if (i < 0) {
            i = Math.max(0, i + s.length());
        }
        return (int) Math.min(i, s.length());
    }

    private static String window(String s, Arguments a) {
        int start = start(s, a);
        int end = end(s, a);
        return start > end ? "" : s.substring(start, end);
    }

    static String strip(String s, String chars, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        if (left) {
            while (start < end && (chars == null ? Py.isSpace(s.charAt(start))
                    : chars.indexOf(s.charAt(start)) >= 0)) {
                start++;
            }
        }
        if (right) {
            while (end > start && (chars == null ? Py.isSpace(s.charAt(end - 1))
                    : chars.indexOf(s.charAt(end - 1)) >= 0)) {
                end--;
            }
        }
        return s.substring(start, end);
    }

    static List<Object> split(String s, Object sep, long maxsplit) {
        List<Object> out = new ArrayList<>();
        if (sep == null) {
            int i = 0;
            int n = s.length();
            while (true) {
                while (i < n && Py.isSpace(s.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                if (maxsplit >= 0 && out.size() >= maxsplit) {
                    out.add(s.substring(i));
                    break;
                }
                int start = i;
                while (i < n && !Py.isSpace(s.charAt(i))) {
                    i++;
                }
                out.add(s.substring(start, i));
            }
            return out;
        }
        String separator = str(sep);
        if (separator.isEmpty()) {
            throw new JinjaException("empty separator");
        }
        int from = 0;
        while (maxsplit < 0 || out.size() < maxsplit) {
            int at = s.indexOf(separator, from);
            if (at < 0) {
                break;
            }
            out.add(s.substring(from, at));
            from = at + separator.length();
        }
        out.add(s.substring(from));
        return out;
    }

    static List<Object> rsplit(String s, Object sep, long maxsplit) {
        if (maxsplit < 0) {
            return split(s, sep, maxsplit);
        }
        List<Object> out = new ArrayList<>();
        if (sep == null) {
            int i = s.length();
            while (true) {
                while (i > 0 && Py.isSpace(s.charAt(i - 1))) {
                    i--;
                }
                if (i <= 0) {
                    break;
                }
                if (out.size() >= maxsplit) {
                    out.add(0, s.substring(0, i));
                    break;
                }
                int end = i;
                while (i > 0 && !Py.isSpace(s.charAt(i - 1))) {
                    i--;
                }
                out.add(0, s.substring(i, end));
            }
            return out;
        }
        String separator = str(sep);
        if (separator.isEmpty()) {
            throw new JinjaException("empty separator");
        }
        int end = s.length();
        while (out.size() < maxsplit) {
            int at = s.lastIndexOf(separator, end - separator.length());
            if (at < 0) {
                break;
            }
            out.add(0, s.substring(at + separator.length(), end));
            end = at;
        }
        out.add(0, s.substring(0, end));
        return out;
    }

    /** Python's str.title: a letter after a non-letter is upper-cased, other letters lower-cased. */
    static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean previousCased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                out.appendCodePoint(previousCased ? Character.toLowerCase(cp) : Character.toTitleCase(cp));
                previousCased = true;
            } else {
                out.appendCodePoint(cp);
                previousCased = false;
            }
        }
        return out.toString();
    }
}
