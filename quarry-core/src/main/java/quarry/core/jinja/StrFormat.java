package quarry.core.jinja;

import java.util.List;
import java.util.Map;

/** Python's {@code str.format}: {@code {}}, {@code {0}}, {@code {name.attr[key]!r:spec}}, {@code {{ }}}. */
final class StrFormat {
    private StrFormat() {
    }

    static String format(String template, Arguments args) {
        StringBuilder out = new StringBuilder();
        int[] auto = {0, 0}; // next automatic index, mode: 0 unknown, 1 automatic, 2 manual
        render(template, args, out, auto, 2);
        return out.toString();
    }

    private static void render(String template, Arguments args, StringBuilder out, int[] auto, int depth) {
        int n = template.length();
        int i = 0;
        while (i < n) {
            char c = template.charAt(i);
            if (c == '}') {
                if (i + 1 < n && template.charAt(i + 1) == '}') {
                    out.append('}');
                    i += 2;
                    continue;
                }
                throw new JinjaException("Single '}' encountered in format string");
            }
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 < n && template.charAt(i + 1) == '{') {
                out.append('{');
                i += 2;
                continue;
            }
            int nesting = 1;
            int j = i + 1;
            while (j < n && nesting > 0) {
                char d = template.charAt(j);
                if (d == '{') {
                    nesting++;
                } else if (d == '}') {
                    nesting--;
                }
                j++;
            }
            if (nesting > 0) {
                throw new JinjaException("expected '}' before end of string");
            }
            out.append(field(template.substring(i + 1, j - 1), args, auto, depth));
            i = j;
        }
    }

    private static String field(String field, Arguments args, int[] auto, int depth) {
        String spec = "";
        char conversion = 0;
        int colon = indexOutsideBrackets(field, ':');
        if (colon >= 0) {
            spec = field.substring(colon + 1);
            field = field.substring(0, colon);
        }
        int bang = indexOutsideBrackets(field, '!');
        if (bang >= 0) {
            if (bang + 2 != field.length()) {
                throw new JinjaException("expected ':' after conversion specifier");
            }
            conversion = field.charAt(bang + 1);
            field = field.substring(0, bang);
        }
        int end = 0;
        while (end < field.length() && field.charAt(end) != '.' && field.charAt(end) != '[') {
            end++;
        }
        String first = field.substring(0, end);
        Object value;
        if (first.isEmpty()) {
            if (auto[1] == 2) {
                throw new JinjaException("cannot switch from manual field specification to automatic field numbering");
            }
            auto[1] = 1;
            value = positional(args, auto[0]++);
        } else if (first.chars().allMatch(Character::isDigit)) {
            if (auto[1] == 1) {
                throw new JinjaException("cannot switch from automatic field numbering to manual field specification");
            }
            auto[1] = 2;
            value = positional(args, Integer.parseInt(first));
        } else {
            Map<String, Object> kw = args.keywords();
            if (!kw.containsKey(first)) {
                throw new JinjaException("KeyError: " + Py.repr(first));
            }
            value = kw.get(first);
        }
        int i = end;
        while (i < field.length()) {
            if (field.charAt(i) == '.') {
                int j = i + 1;
                while (j < field.length() && field.charAt(j) != '.' && field.charAt(j) != '[') {
                    j++;
                }
                value = Attributes.getattr(value, field.substring(i + 1, j), false);
                if (value instanceof Undefined u) {
                    throw u.error();
                }
                i = j;
            } else {
                int close = field.indexOf(']', i);
                if (close < 0) {
                    throw new JinjaException("Missing ']' in format string");
                }
                String key = field.substring(i + 1, close);
                Object k = !key.isEmpty() && key.chars().allMatch(Character::isDigit) ? (Object) Long.parseLong(key) : key;
                value = Attributes.getitem(value, k, false);
                if (value instanceof Undefined u) {
                    throw new JinjaException("KeyError: " + Py.repr(k));
                }
                i = close + 1;
            }
        }
        if (conversion == 'r' || conversion == 'a') {
            value = Py.repr(value);
        } else if (conversion == 's') {
            value = Py.str(value);
        } else if (conversion != 0) {
            throw new JinjaException("Unknown conversion specifier " + conversion);
        }
        if (spec.indexOf('{') >= 0) {
            if (depth <= 0) {
                throw new JinjaException("Max string recursion exceeded");
            }
            StringBuilder nested = new StringBuilder();
            render(spec, args, nested, auto, depth - 1);
            spec = nested.toString();
        }
        return PyFormat.formatValue(value, spec);
    }

    private static int indexOutsideBrackets(String s, char target) {
        boolean inBracket = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') {
                inBracket = true;
            } else if (c == ']') {
                inBracket = false;
            } else if (c == target && !inBracket) {
                return i;
            }
        }
        return -1;
    }

    private static Object positional(Arguments args, int index) {
        List<Object> values = args.positional();
        if (index >= values.size()) {
            throw new JinjaException("Replacement index " + index + " out of range for positional args tuple");
        }
        return values.get(index);
    }
}
