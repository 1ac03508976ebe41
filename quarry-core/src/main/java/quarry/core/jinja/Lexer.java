package quarry.core.jinja;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import quarry.core.jinja.Token.Kind;

/**
 * Splits a template into tokens the way Jinja2's lexer does: data, {@code {{ }}}, {@code {% %}},
 * comments and raw blocks, with {@code -} whitespace control; inside tags, names, numbers,
 * strings and operators. End delimiters count only when brackets are balanced.
 */
final class Lexer {
    private static final String[] OPERATORS = {
        "//", "**", "==", "!=", ">=", "<=", "+", "-", "/", "*", "%", "~", "[", "]", "(", ")", "{", "}",
        ">", "<", "=", ".", ":", "|", ",", ";"
    };

    private final Source source;
    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private boolean stripNext;

    Lexer(Source source) {
        this.source = source;
        this.text = source.text;
    }

    List<Token> tokenize() {
        int n = text.length();
        while (pos < n) {
            int tag = findTagStart(pos);
            int dataEnd = tag < 0 ? n : tag;
            boolean stripBefore = tag >= 0 && tag + 2 < n && text.charAt(tag + 2) == '-';
            emitData(pos, dataEnd, stripBefore);
            if (tag < 0) {
                pos = n;
                break;
            }
            char kind = text.charAt(tag + 1);
            int inner = tag + 2 + (tag + 2 < n && (text.charAt(tag + 2) == '-' || text.charAt(tag + 2) == '+') ? 1 : 0);
            if (kind == '#') {
                lexComment(tag, inner);
            } else if (kind == '%' && isRaw(inner)) {
                lexRaw(tag, inner);
            } else {
                lexTag(tag, inner, kind == '{');
            }
        }
        tokens.add(new Token(Kind.EOF, "", null, n, n));
        return tokens;
    }

    private int findTagStart(int from) {
        int i = text.indexOf('{', from);
        while (i >= 0 && i + 1 < text.length()) {
            char c = text.charAt(i + 1);
            if (c == '{' || c == '%' || c == '#') {
                return i;
            }
            i = text.indexOf('{', i + 1);
        }
        return -1;
    }

    private void emitData(int start, int end, boolean stripTrailing) {
        if (stripNext) {
            while (start < end && Py.isSpace(text.charAt(start))) {
                start++;
            }
            stripNext = false;
        }
        if (stripTrailing) {
            while (end > start && Py.isSpace(text.charAt(end - 1))) {
                end--;
            }
        }
        if (end > start) {
            tokens.add(new Token(Kind.TEXT, text.substring(start, end), null, start, end));
        }
    }

    private void lexComment(int tag, int inner) {
        int close = text.indexOf("#}", inner);
        if (close < 0) {
            throw source.error("Missing end of comment tag", tag);
        }
        stripNext = close > inner && text.charAt(close - 1) == '-';
        pos = close + 2;
    }

    private boolean isRaw(int inner) {
        int i = skipSpace(inner);
        if (!text.startsWith("raw", i)) {
            return false;
        }
        int after = skipSpace(i + 3);
        return text.startsWith("%}", after) || text.startsWith("-%}", after) || text.startsWith("+%}", after);
    }

    private void lexRaw(int tag, int inner) {
        int after = skipSpace(skipSpace(inner) + 3);
        boolean stripAfterOpen = text.charAt(after) == '-';
        int bodyStart = text.indexOf("%}", after) + 2;
        int search = bodyStart;
        while (true) {
            int end = text.indexOf("{%", search);
            if (end < 0) {
                throw source.error("Missing end of raw directive", tag);
            }
            int i = end + 2;
            boolean stripBeforeEnd = i < text.length() && text.charAt(i) == '-';
            if (stripBeforeEnd || (i < text.length() && text.charAt(i) == '+')) {
                i++;
            }
            i = skipSpace(i);
            if (text.startsWith("endraw", i)) {
                int close = skipSpace(i + 6);
                boolean stripAfterEnd = text.startsWith("-%}", close);
                if (stripAfterEnd || text.startsWith("+%}", close)) {
                    close++;
                }
                if (text.startsWith("%}", close)) {
                    int s = bodyStart;
                    int e = end;
                    if (stripAfterOpen) {
                        while (s < e && Py.isSpace(text.charAt(s))) {
                            s++;
                        }
                    }
                    if (stripBeforeEnd) {
                        while (e > s && Py.isSpace(text.charAt(e - 1))) {
                            e--;
                        }
                    }
                    if (e > s) {
                        tokens.add(new Token(Kind.TEXT, text.substring(s, e), null, s, e));
                    }
                    stripNext = stripAfterEnd;
                    pos = close + 2;
                    return;
                }
            }
            search = end + 2;
        }
    }

    private int skipSpace(int i) {
        while (i < text.length() && Py.isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private void lexTag(int tag, int inner, boolean variable) {
        tokens.add(new Token(variable ? Kind.VAR_BEGIN : Kind.BLOCK_BEGIN, variable ? "{{" : "{%", null, tag, inner));
        String close = variable ? "}}" : "%}";
        Deque<Character> brackets = new ArrayDeque<>();
        int i = inner;
        int n = text.length();
        while (true) {
            i = skipSpace(i);
            if (i >= n) {
                throw source.error("unexpected end of template, expected '" + close + "'", tag);
            }
            if (brackets.isEmpty()) {
                boolean minus = text.charAt(i) == '-' || (!variable && text.charAt(i) == '+');
                int at = minus ? i + 1 : i;
                if (text.startsWith(close, at)) {
                    tokens.add(new Token(variable ? Kind.VAR_END : Kind.BLOCK_END, close, null, i, at + 2));
                    stripNext = text.charAt(i) == '-';
                    pos = at + 2;
                    return;
                }
            }
            char c = text.charAt(i);
            if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                String name = text.substring(start, i);
                tokens.add(new Token(Kind.NAME, name, null, start, i));
            } else if (Character.isDigit(c)) {
                i = lexNumber(i);
            } else if (c == '\'' || c == '"') {
                i = lexString(i);
            } else {
                String op = null;
                for (String candidate : OPERATORS) {
                    if (text.startsWith(candidate, i)) {
                        op = candidate;
                        break;
                    }
                }
                if (op == null) {
                    throw source.error("unexpected char " + Py.repr(String.valueOf(c)) + " at " + i, i);
                }
                char o = op.charAt(0);
                if (op.length() == 1 && (o == '(' || o == '[' || o == '{')) {
                    brackets.push(o == '(' ? ')' : o == '[' ? ']' : '}');
                } else if (op.length() == 1 && (o == ')' || o == ']' || o == '}')) {
                    if (brackets.isEmpty()) {
                        throw source.error("unexpected '" + o + "'", i);
                    }
                    char expected = brackets.pop();
                    if (expected != o) {
                        throw source.error("unexpected '" + o + "', expected '" + expected + "'", i);
                    }
                }
                tokens.add(new Token(Kind.OP, op, null, i, i + op.length()));
                i += op.length();
            }
        }
    }

    private int lexNumber(int start) {
        int n = text.length();
        int i = start;
        if (text.charAt(i) == '0' && i + 1 < n && "xXoObB".indexOf(text.charAt(i + 1)) >= 0) {
            char k = Character.toLowerCase(text.charAt(i + 1));
            int radix = k == 'x' ? 16 : k == 'o' ? 8 : 2;
            i += 2;
            int digits = i;
            while (i < n && (Character.digit(text.charAt(i), radix) >= 0 || text.charAt(i) == '_')) {
                i++;
            }
            BigInteger value = new BigInteger(text.substring(digits, i).replace("_", ""), radix);
            tokens.add(new Token(Kind.INT, text.substring(start, i), Py.normalizeInt(value), start, i));
            return i;
        }
        i = digits(i);
        boolean isFloat = false;
        if (i + 1 < n && text.charAt(i) == '.' && Character.isDigit(text.charAt(i + 1))) {
            i = digits(i + 1);
            isFloat = true;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            if (j < n && Character.isDigit(text.charAt(j))) {
                i = digits(j);
                isFloat = true;
            }
        }
        String literal = text.substring(start, i).replace("_", "");
        Object value = isFloat ? (Object) Double.parseDouble(literal) : Py.normalizeInt(new BigInteger(literal));
        tokens.add(new Token(isFloat ? Kind.FLOAT : Kind.INT, text.substring(start, i), value, start, i));
        return i;
    }

    private int digits(int i) {
        int n = text.length();
        while (i < n && (Character.isDigit(text.charAt(i))
                || (text.charAt(i) == '_' && i + 1 < n && Character.isDigit(text.charAt(i + 1))))) {
            i++;
        }
        return i;
    }

    private int lexString(int start) {
        char quote = text.charAt(start);
        StringBuilder out = new StringBuilder();
        int i = start + 1;
        int n = text.length();
        while (true) {
            if (i >= n) {
                throw source.error("unexpected end of string", start);
            }
            char c = text.charAt(i);
            if (c == quote) {
                break;
            }
            if (c == '\\' && i + 1 < n) {
                i = unescape(i + 1, out);
                continue;
            }
            out.append(c);
            i++;
        }
        tokens.add(new Token(Kind.STRING, text.substring(start, i + 1), out.toString(), start, i + 1));
        return i + 1;
    }

    /** Python's unicode-escape decoding of one escape after a backslash; unknown escapes stay as written. */
    private int unescape(int i, StringBuilder out) {
        char c = text.charAt(i);
        switch (c) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case '\\' -> out.append('\\');
            case '\'' -> out.append('\'');
            case '"' -> out.append('"');
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'v' -> out.append('\u000b');
            case '\n' -> {
            }
            case 'x', 'u', 'U' -> {
                int len = c == 'x' ? 2 : c == 'u' ? 4 : 8;
                if (i + len < text.length() + 0 && isHex(i + 1, len)) {
                    out.appendCodePoint(Integer.parseInt(text.substring(i + 1, i + 1 + len), 16));
                    return i + 1 + len;
                }
                throw source.error("invalid \\" + c + " escape in string", i);
            }
            default -> {
                if (c >= '0' && c <= '7') {
                    int j = i;
                    while (j < i + 3 && j < text.length() && text.charAt(j) >= '0' && text.charAt(j) <= '7') {
                        j++;
                    }
                    out.append((char) Integer.parseInt(text.substring(i, j), 8));
                    return j;
                }
                out.append('\\').append(c);
            }
        }
        return i + 1;
    }

    private boolean isHex(int from, int len) {
        if (from + len > text.length()) {
            return false;
        }
        for (int k = from; k < from + len; k++) {
            if (Character.digit(text.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
