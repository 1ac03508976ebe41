package quarry.core.jinja;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Python's printf-style {@code str % args} and the format-spec mini-language of {@code str.format}. */
final class PyFormat {
    private PyFormat() {
    }

    static String percent(String format, Object args) {
        List<?> values = args instanceof PyTuple t ? t : List.of(args == null ? NONE : args);
        Map<?, ?> mapping = args instanceof Map<?, ?> m ? m : null;
        StringBuilder out = new StringBuilder();
        int next = 0;
        int n = format.length();
        int i = 0;
        boolean usedMapping = false;
        while (i < n) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            i++;
            if (i >= n) {
                throw new JinjaException("incomplete format");
            }
            Object value = null;
            boolean haveValue = false;
            if (format.charAt(i) == '(') {
                int close = format.indexOf(')', i);
                if (mapping == null) {
                    throw new JinjaException("format requires a mapping");
                }
                if (close < 0) {
                    throw new JinjaException("incomplete format key");
                }
                String key = format.substring(i + 1, close);
                if (!mapping.containsKey(key)) {
                    throw new JinjaException("KeyError: " + Py.repr(key));
                }
                value = mapping.get(key);
                haveValue = true;
                usedMapping = true;
                i = close + 1;
            }
            Spec spec = new Spec();
            while (i < n && "-+ #0".indexOf(format.charAt(i)) >= 0) {
                char f = format.charAt(i++);
                switch (f) {
                    case '-' -> spec.align = '<';
                    case '+' -> spec.sign = '+';
                    case ' ' -> {
                        if (spec.sign != '+') {
                            spec.sign = ' ';
                        }
                    }
                    case '#' -> spec.alternate = true;
                    default -> spec.zero = true;
                }
            }
            if (i < n && format.charAt(i) == '*') {
                spec.width = (int) Py.toIndex(values.get(next++));
                i++;
            } else {
                int start = i;
                while (i < n && Character.isDigit(format.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    spec.width = Integer.parseInt(format.substring(start, i));
                }
            }
            if (i < n && format.charAt(i) == '.') {
                i++;
                if (i < n && format.charAt(i) == '*') {
                    spec.precision = (int) Py.toIndex(values.get(next++));
                    i++;
                } else {
                    int start = i;
                    while (i < n && Character.isDigit(format.charAt(i))) {
                        i++;
                    }
                    spec.precision = i > start ? Integer.parseInt(format.substring(start, i)) : 0;
                }
            }
            while (i < n && "hlL".indexOf(format.charAt(i)) >= 0) {
                i++;
            }
            if (i >= n) {
                throw new JinjaException("incomplete format");
            }
            char type = format.charAt(i++);
            if (type == '%') {
                out.append('%');
                continue;
            }
            if (!haveValue) {
                if (mapping != null && !(args instanceof PyTuple)) {
                    value = args;
                    usedMapping = true;
                } else {
                    if (next >= values.size()) {
                        throw new JinjaException("not enough arguments for format string");
                    }
                    value = values.get(next++);
                }
                if (value == NONE) {
                    value = null;
                }
            }
            if (spec.align == 0) {
                spec.align = '>';
            }
            if (spec.zero && spec.align != '<' && "srac".indexOf(type) < 0) {
                spec.fill = '0';
                spec.align = '=';
            }
            out.append(convert(type, value, spec, true));
        }
        // like CPython, a mapping or any non-tuple sequence argument may go unused
        boolean mappingLike = mapping != null || (args instanceof List && !(args instanceof PyTuple));
        if (!usedMapping && next < values.size() && !mappingLike) {
            throw new JinjaException("not all arguments converted during string formatting");
        }
        return out.toString();
    }

    private static final Object NONE = new Object();

    /** One parsed conversion: fill, alignment, sign, alternate form, zero padding, width, precision. */
    private static final class Spec {
        char fill = ' ';
        char align;
        char sign = '-';
        boolean alternate;
        boolean zero;
        int width = -1;
        int precision = -1;
        char grouping;
        boolean addDot0;
    }

    /** printf's integer precision: at least that many digits. */
    private static String zeroPadded(String digits, int precision) {
        return precision > digits.length() ? "0".repeat(precision - digits.length()) + digits : digits;
    }

    private static String convert(char type, Object value, Spec spec, boolean percentStyle) {
        String body;
        boolean negative = false;
        switch (type) {
            case 's' -> body = Py.str(value);
            case 'r', 'a' -> body = Py.repr(value);
            case 'c' -> {
                if (value instanceof String s && s.codePointCount(0, s.length()) != 1) {
                    throw new JinjaException("%c requires int or char");
                }
                body = value instanceof String s ? s : new String(Character.toChars((int) Py.toIndex(value)));
            }
            case 'd', 'i', 'u', 'n' -> {
                BigInteger v = toBigInt(value, type);
                negative = v.signum() < 0;
                body = zeroPadded(v.abs().toString(), percentStyle ? spec.precision : -1);
                body = group(body, spec.grouping, 3);
            }
            case 'x', 'X', 'o', 'b' -> {
                BigInteger v = toBigInt(value, type);
                negative = v.signum() < 0;
                int radix = type == 'o' ? 8 : type == 'b' ? 2 : 16;
                body = zeroPadded(v.abs().toString(radix), percentStyle ? spec.precision : -1);
                body = group(body, spec.grouping, 4);
                if (type == 'X') {
                    body = body.toUpperCase();
                }
                if (spec.alternate) {
                    body = "0" + (type == 'o' ? "o" : type == 'b' ? "b" : String.valueOf(type)) + body;
                }
            }
            case 'f', 'F', 'e', 'E', 'g', 'G', '%' -> {
                double d = toDouble(value, type);
                negative = d < 0 || (d == 0 && 1 / d < 0);
                int p = spec.precision < 0 ? 6 : spec.precision;
                if (type == '%') {
                    body = PyFloat.formatFixed(d * 100, p) + (spec.alternate && p == 0 ? "." : "") + "%";
                } else if (type == 'f' || type == 'F') {
                    body = PyFloat.formatFixed(d, p);
                    if (spec.alternate && p == 0) {
                        body = body + ".";
                    }
                } else if (type == 'e' || type == 'E') {
                    body = PyFloat.formatExponent(d, p);
                    if (spec.alternate && p == 0) {
                        body = body.replace("e", ".e");
                    }
                } else if (spec.addDot0) {
                    body = PyFloat.formatShortest(d, p, spec.alternate);
                } else {
                    body = PyFloat.formatGeneral(d, p, spec.alternate);
                }
                if (spec.grouping != 0 && Character.isDigit(body.charAt(0))) {
                    int end = 0;
                    while (end < body.length() && Character.isDigit(body.charAt(end))) {
                        end++;
                    }
                    body = group(body.substring(0, end), spec.grouping, 3) + body.substring(end);
                }
                if (Character.isUpperCase(type)) {
                    body = body.toUpperCase();
                }
            }
            default -> throw new JinjaException("unsupported format character '" + type + "'");
        }
        if (spec.precision >= 0 && (type == 's' || type == 'r' || type == 'a') && body.length() > spec.precision) {
            body = body.substring(0, spec.precision);
        }
        String sign = negative ? "-" : spec.sign == '+' ? "+" : spec.sign == ' ' && isNumeric(type) ? " " : "";
        if (!isNumeric(type)) {
            sign = "";
        }
        return pad(sign, body, spec);
    }

    private static boolean isNumeric(char type) {
        return "diunxXobfFeEgG%".indexOf(type) >= 0;
    }

    private static String pad(String sign, String body, Spec spec) {
        if (spec.zero && spec.grouping != 0 && !body.isEmpty() && Character.isDigit(body.charAt(0))) {
            body = zeroPadGrouped(body, spec, spec.width - sign.length());
        }
        return padPlain(sign, body, spec);
    }

    /** Zero padding that continues the digit grouping ({@code format(1234567, '012,')} is {@code 0,001,234,567}). */
    private static String zeroPadGrouped(String body, Spec spec, int width) {
        int size = spec.grouping == '_' && body.chars().anyMatch(c -> Character.isLetter(c) && c != 'e' && c != 'E') ? 4 : 3;
        int end = 0;
        while (end < body.length() && (Character.isDigit(body.charAt(end)) || body.charAt(end) == spec.grouping)) {
            end++;
        }
        String digits = body.substring(0, end).replace(String.valueOf(spec.grouping), "");
        String rest = body.substring(end);
        int minimum = width - rest.length();
        int count = digits.length();
        while (count + (count - 1) / size < minimum) {
            count++;
        }
        return group("0".repeat(count - digits.length()) + digits, spec.grouping, size) + rest;
    }

    private static String padPlain(String sign, String body, Spec spec) {
        int len = sign.length() + body.codePointCount(0, body.length());
        if (spec.width <= len) {
            return sign + body;
        }
        String fill = String.valueOf(spec.fill).repeat(spec.width - len);
        return switch (spec.align) {
            case '<' -> sign + body + fill;
            case '=' -> sign + fill + body;
            case '^' -> {
                int left = (spec.width - len) / 2;
                String f = String.valueOf(spec.fill);
                yield f.repeat(left) + sign + body + f.repeat(spec.width - len - left);
            }
            default -> fill + sign + body;
        };
    }

    private static String group(String digits, char separator, int size) {
        if (separator == 0 || digits.length() <= size) {
            return digits;
        }
        StringBuilder out = new StringBuilder();
        int first = digits.length() % size;
        if (first > 0) {
            out.append(digits, 0, first);
        }
        for (int i = first; i < digits.length(); i += size) {
            if (out.length() > 0) {
                out.append(separator);
            }
            out.append(digits, i, i + size);
        }
        return out.toString();
    }

    private static BigInteger toBigInt(Object value, char type) {
        if (value instanceof BigInteger b) {
            return b;
        }
        if (value instanceof Boolean b) {
            return b ? BigInteger.ONE : BigInteger.ZERO;
        }
        if (Py.isInt(value)) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (Py.isFloat(value) && "diu".indexOf(type) >= 0) {
            return new java.math.BigDecimal(((Number) value).doubleValue()).toBigInteger();
        }
        throw new JinjaException("%" + type + " format: a real number is required, not " + Py.typeName(value));
    }

    private static double toDouble(Object value, char type) {
        if (Py.isNumber(value)) {
            return PyMath.toDouble(value);
        }
        throw new JinjaException("must be real number, not " + Py.typeName(value));
    }

    /** {@code format(value, spec)} with Python's format-spec mini-language. */
    static String formatValue(Object value, String specText) {
        if (specText.isEmpty()) {
            return Py.str(value);
        }
        boolean isString = value instanceof String || value instanceof Markup;
        if (!isString && !Py.isNumber(value)) {
            throw new JinjaException("unsupported format string passed to " + Py.typeName(value) + ".__format__");
        }
        Spec spec = new Spec();
        int i = 0;
        int n = specText.length();
        boolean explicitFill = false;
        if (n >= 2 && "<>=^".indexOf(specText.charAt(1)) >= 0) {
            spec.fill = specText.charAt(0);
            spec.align = specText.charAt(1);
            explicitFill = true;
            i = 2;
        } else if ("<>=^".indexOf(specText.charAt(0)) >= 0) {
            spec.align = specText.charAt(0);
            i = 1;
        }
        boolean explicitSign = false;
        if (i < n && "+- ".indexOf(specText.charAt(i)) >= 0) {
            spec.sign = specText.charAt(i++);
            explicitSign = true;
        }
        if (i < n && specText.charAt(i) == '#') {
            spec.alternate = true;
            i++;
        }
        if (i < n && specText.charAt(i) == '0') {
            if (!explicitFill) {
                spec.fill = '0';
            }
            if (spec.align == 0) {
                spec.align = '=';
            }
            spec.zero = spec.fill == '0' && spec.align == '=';
            i++;
        }
        if (spec.align == '=' && spec.fill == '0') {
            spec.zero = true;
        }
        int start = i;
        while (i < n && Character.isDigit(specText.charAt(i))) {
            i++;
        }
        if (i > start) {
            spec.width = Integer.parseInt(specText.substring(start, i));
        }
        if (i < n && (specText.charAt(i) == ',' || specText.charAt(i) == '_')) {
            spec.grouping = specText.charAt(i++);
        }
        if (i < n && specText.charAt(i) == '.') {
            int p = ++i;
            while (i < n && Character.isDigit(specText.charAt(i))) {
                i++;
            }
            if (i == p) {
                throw new JinjaException("Format specifier missing precision");
            }
            spec.precision = Integer.parseInt(specText.substring(p, i));
        }
        char type = i < n ? specText.charAt(i++) : 0;
        if (i < n) {
            throw new JinjaException("Invalid format specifier '" + specText + "' for object of type '"
                    + Py.typeName(value) + "'");
        }
        if (isString) {
            return formatString(Py.str(value), spec, type, explicitSign);
        }
        if (spec.align == 0) {
            spec.align = '>';
        }
        boolean isFloat = Py.isFloat(value);
        if (type == 0) {
            if (!isFloat) {
                type = 'd';
            } else if (spec.precision < 0) {
                double d = PyMath.toDouble(value);
                String repr = PyFloat.repr(d);
                boolean negative = repr.startsWith("-");
                String body = negative ? repr.substring(1) : repr;
                if (spec.alternate && body.indexOf('.') < 0 && Character.isDigit(body.charAt(0))) {
                    int e = body.indexOf('e');
                    body = e < 0 ? body + "." : body.substring(0, e) + "." + body.substring(e);
                }
                if (spec.grouping != 0 && Character.isDigit(body.charAt(0))) {
                    int end = 0;
                    while (end < body.length() && Character.isDigit(body.charAt(end))) {
                        end++;
                    }
                    body = group(body.substring(0, end), spec.grouping, 3) + body.substring(end);
                }
                String sign = negative ? "-" : spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "";
                return pad(sign, body, spec);
            } else {
                type = 'g';
                spec.addDot0 = true;
            }
        }
        if (type == 'n' && spec.grouping != 0) {
            throw new JinjaException("Cannot specify '" + spec.grouping + "' with 'n'.");
        }
        if (type == 'n' && isFloat) {
            type = 'g';
        }
        if ("bcdoxXn".indexOf(type) >= 0) {
            if (isFloat) {
                throw new JinjaException("Unknown format code '" + type + "' for object of type 'float'");
            }
            if (spec.precision >= 0) {
                throw new JinjaException("Precision not allowed in integer format specifier");
            }
            if (spec.grouping == ',' && "bcoxXn".indexOf(type) >= 0) {
                throw new JinjaException("Cannot specify ',' with '" + type + "'.");
            }
            if (type == 'n') {
                type = 'd';
            }
        } else if ("eEfFgG%".indexOf(type) >= 0) {
            // ints are converted to float
        } else {
            throw new JinjaException("Unknown format code '" + type + "' for object of type '" + Py.typeName(value) + "'");
        }
        return convert(type, value, spec, false);
    }

    private static String formatString(String text, Spec spec, char type, boolean explicitSign) {
        if (type != 0 && type != 's') {
            throw new JinjaException("Unknown format code '" + type + "' for object of type 'str'");
        }
        if (explicitSign) {
            throw new JinjaException("Sign not allowed in string format specifier");
        }
        if (spec.alternate) {
            throw new JinjaException("Alternate form (#) not allowed in string format specifier");
        }
        if (spec.grouping != 0) {
            throw new JinjaException("Cannot specify '" + spec.grouping + "' with 's'.");
        }
        if (spec.align == '=') {
            throw new JinjaException("'=' alignment not allowed in string format specifier");
        }
        if (spec.align == 0) {
            spec.align = '<';
        }
        if (spec.precision >= 0 && text.length() > spec.precision) {
            text = text.substring(0, spec.precision);
        }
        return pad("", text, spec);
    }
}
