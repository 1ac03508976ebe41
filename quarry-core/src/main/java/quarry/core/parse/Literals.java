package quarry.core.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader of the call expressions that dbt's static parser accepts: a name, then arguments that
 * are Python/Jinja literals (strings, numbers, booleans, None, lists, dicts) given positionally or
 * as {@code key=value}. Anything else makes {@link #call} return null, so the caller falls back to
 * rendering with Jinja.
 */
public final class Literals {

    /** A parsed call such as {@code ref('orders', v=2)}. */
    public record Call(String function, List<Object> args, Map<String, Object> kwargs) {}

    private static final Object FAIL = new Object();

    private final String s;
    private int i;

    private Literals(String s) {
        this.s = s;
    }

    public static Call call(String expression) {
        Literals p = new Literals(expression);
        p.skipSpace();
        String name = p.identifier();
        if (name == null) {
            return null;
        }
        p.skipSpace();
        if (!p.eat('(')) {
            return null;
        }
        List<Object> args = new ArrayList<>();
        Map<String, Object> kwargs = new LinkedHashMap<>();
        p.skipSpace();
        if (!p.eat(')')) {
            while (true) {
                p.skipSpace();
                int mark = p.i;
                String key = p.identifier();
                p.skipSpace();
                if (key != null && p.peek() == '=' && p.peekAt(1) != '=') {
                    p.i++;
                    Object value = p.value();
                    if (value == FAIL) {
                        return null;
                    }
                    kwargs.put(key, value);
                } else {
                    p.i = mark;
                    if (!kwargs.isEmpty()) {
                        return null;
                    }
                    Object value = p.value();
                    if (value == FAIL) {
                        return null;
                    }
                    args.add(value);
                }
                p.skipSpace();
                if (p.eat(')')) {
                    break;
                }
                if (!p.eat(',')) {
                    return null;
                }
                p.skipSpace();
                if (p.eat(')')) {
                    break;
                }
            }
        }
        p.skipSpace();
        return p.i == p.s.length() ? new Call(name, args, kwargs) : null;
    }

    private Object value() {
        skipSpace();
        if (i >= s.length()) {
            return FAIL;
        }
        char c = s.charAt(i);
        if (c == '\'' || c == '"') {
            return string(c);
        }
        if (c == '[') {
            i++;
            List<Object> list = new ArrayList<>();
            skipSpace();
            if (eat(']')) {
                return list;
            }
            while (true) {
                Object v = value();
                if (v == FAIL) {
                    return FAIL;
                }
                list.add(v);
                skipSpace();
                if (eat(']')) {
                    return list;
                }
                if (!eat(',')) {
                    return FAIL;
                }
                skipSpace();
                if (eat(']')) {
                    return list;
                }
            }
        }
        if (c == '{') {
            i++;
            Map<String, Object> map = new LinkedHashMap<>();
            skipSpace();
            if (eat('}')) {
                return map;
            }
            while (true) {
                Object k = value();
                if (!(k instanceof String key)) {
                    return FAIL;
                }
                skipSpace();
                if (!eat(':')) {
                    return FAIL;
                }
                Object v = value();
                if (v == FAIL) {
                    return FAIL;
                }
                map.put(key, v);
                skipSpace();
                if (eat('}')) {
                    return map;
                }
                if (!eat(',')) {
                    return FAIL;
                }
                skipSpace();
                if (eat('}')) {
                    return map;
                }
            }
        }
        if (c == '-' || Character.isDigit(c)) {
            int start = i;
            i++;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '_')) {
                i++;
            }
            String number = s.substring(start, i).replace("_", "");
            try {
                return number.contains(".") ? (Object) Double.parseDouble(number) : (Object) Long.parseLong(number);
            } catch (NumberFormatException e) {
                return FAIL;
            }
        }
        String word = identifier();
        if (word == null) {
            return FAIL;
        }
        return switch (word) {
            case "True", "true" -> Boolean.TRUE;
            case "False", "false" -> Boolean.FALSE;
            case "None", "none" -> null;
            default -> FAIL;
        };
    }

    private Object string(char quote) {
        i++;
        StringBuilder b = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == quote) {
                return b.toString();
            }
            if (c == '\\' && i < s.length()) {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case '\\', '\'', '"' -> b.append(e);
                    default -> b.append('\\').append(e);
                }
            } else {
                b.append(c);
            }
        }
        return FAIL;
    }

    private String identifier() {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        if (i == start || Character.isDigit(s.charAt(start))) {
            i = start;
            return null;
        }
        return s.substring(start, i);
    }

    private void skipSpace() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private boolean eat(char c) {
        if (i < s.length() && s.charAt(i) == c) {
            i++;
            return true;
        }
        return false;
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : 0;
    }

    private char peekAt(int offset) {
        return i + offset < s.length() ? s.charAt(i + offset) : 0;
    }
}
