package quarry.server.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Rockset SQL into tokens. Comments ({@code --} and {@code /* *}{@code /}) and whitespace
 * are dropped; positions are 1-based line and column of each token's first character.
 */
final class SqlLexer {

    private static final String[] SYMBOLS = {
        "||", "<>", "!=", "<=", ">=", "::", "==",
        "(", ")", "[", "]", "{", "}", ",", ".", ";", "*", "+", "-", "/", "%", "=", "<", ">", ":"
    };

    private final String sql;
    private int offset;
    private int line = 1;
    private int lineStart;

    private SqlLexer(String sql) {
        this.sql = sql;
    }

    static List<Token> tokenize(String sql) {
        return new SqlLexer(sql).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipBlanksAndComments();
            if (offset >= sql.length()) {
                tokens.add(new Token(Token.Kind.EOF, "", "", position()));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        SourcePosition start = position();
        int begin = offset;
        char c = sql.charAt(offset);
        if (isIdentifierStart(c)) {
            while (offset < sql.length() && isIdentifierPart(sql.charAt(offset))) {
                offset++;
            }
            String word = sql.substring(begin, offset);
            return new Token(Token.Kind.WORD, word, word, start);
        }
        if (c == '"' || c == '`') {
            String name = quoted(c, start, "Quoted identifier");
            if (name.isEmpty()) {
                throw new SqlSyntaxException("Syntax error: empty quoted identifier", start);
            }
            Token.Kind kind = c == '"' ? Token.Kind.QUOTED_IDENTIFIER : Token.Kind.BACKQUOTED_IDENTIFIER;
            return new Token(kind, sql.substring(begin, offset), name, start);
        }
        if (c == '\'') {
            String value = quoted('\'', start, "String literal");
            return new Token(Token.Kind.STRING, sql.substring(begin, offset), value, start);
        }
        if (isDigit(c) || (c == '.' && offset + 1 < sql.length() && isDigit(sql.charAt(offset + 1)))) {
            return number(start);
        }
        if (c == ':' && offset + 1 < sql.length()
                && (isIdentifierStart(sql.charAt(offset + 1)) || isDigit(sql.charAt(offset + 1)))) {
            offset++;
            while (offset < sql.length() && isIdentifierPart(sql.charAt(offset))) {
                offset++;
            }
            return new Token(Token.Kind.PARAMETER, sql.substring(begin, offset), sql.substring(begin + 1, offset), start);
        }
        for (String symbol : SYMBOLS) {
            if (sql.startsWith(symbol, offset)) {
                offset += symbol.length();
                return new Token(Token.Kind.SYMBOL, symbol, symbol, start);
            }
        }
        throw new SqlSyntaxException("Syntax error: unexpected character '" + c + "'", start);
    }

    private Token number(SourcePosition start) {
        int begin = offset;
        boolean decimal = false;
        while (offset < sql.length() && isDigit(sql.charAt(offset))) {
            offset++;
        }
        if (offset < sql.length() && sql.charAt(offset) == '.') {
            decimal = true;
            offset++;
            while (offset < sql.length() && isDigit(sql.charAt(offset))) {
                offset++;
            }
        }
        if (offset < sql.length() && (sql.charAt(offset) == 'e' || sql.charAt(offset) == 'E')) {
            int mark = offset;
            offset++;
            if (offset < sql.length() && (sql.charAt(offset) == '+' || sql.charAt(offset) == '-')) {
                offset++;
            }
            if (offset < sql.length() && isDigit(sql.charAt(offset))) {
                decimal = true;
                while (offset < sql.length() && isDigit(sql.charAt(offset))) {
                    offset++;
                }
            } else {
                offset = mark;
            }
        }
        if (offset < sql.length() && isIdentifierStart(sql.charAt(offset))) {
            throw new SqlSyntaxException("Syntax error: malformed number '"
                    + sql.substring(begin, offset + 1) + "'", start);
        }
        String text = sql.substring(begin, offset);
        return new Token(decimal ? Token.Kind.DECIMAL : Token.Kind.INTEGER, text, text, start);
    }

    /** Reads a literal delimited by {@code quote}, where a doubled quote stands for itself. */
    private String quoted(char quote, SourcePosition start, String what) {
        StringBuilder value = new StringBuilder();
        offset++;
        while (true) {
            if (offset >= sql.length()) {
                throw new SqlSyntaxException("Syntax error: " + what + " is not terminated", start);
            }
            char c = sql.charAt(offset);
            if (c == quote) {
                if (offset + 1 < sql.length() && sql.charAt(offset + 1) == quote) {
                    value.append(quote);
                    offset += 2;
                    continue;
                }
                offset++;
                return value.toString();
            }
            advanceOver(c);
            value.append(c);
        }
    }

    private void skipBlanksAndComments() {
        while (offset < sql.length()) {
            char c = sql.charAt(offset);
            if (Character.isWhitespace(c)) {
                advanceOver(c);
            } else if (sql.startsWith("--", offset)) {
                while (offset < sql.length() && sql.charAt(offset) != '\n') {
                    offset++;
                }
            } else if (sql.startsWith("/*", offset)) {
                SourcePosition start = position();
                offset += 2;
                while (!sql.startsWith("*/", offset)) {
                    if (offset >= sql.length()) {
                        throw new SqlSyntaxException("Syntax error: comment is not terminated", start);
                    }
                    advanceOver(sql.charAt(offset));
                }
                offset += 2;
            } else {
                return;
            }
        }
    }

    /** Moves past one character, keeping line and column right across line breaks. */
    private void advanceOver(char c) {
        offset++;
        if (c == '\n') {
            line++;
            lineStart = offset;
        }
    }

    private SourcePosition position() {
        return new SourcePosition(line, offset - lineStart + 1);
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
