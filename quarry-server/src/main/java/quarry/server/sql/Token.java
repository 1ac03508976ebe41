package quarry.server.sql;

import java.util.Locale;

/**
 * One lexical token of Rockset SQL. {@code text} is the source as written; {@code value} is the
 * meaning: an identifier's name without quotes, a string's content with {@code ''} collapsed,
 * a parameter's name without the colon.
 */
record Token(Kind kind, String text, String value, SourcePosition position) {

    enum Kind {
        /** an unquoted word: keyword or identifier, the parser decides */
        WORD,
        /** {@code "name"} */
        QUOTED_IDENTIFIER,
        /** {@code `name`} */
        BACKQUOTED_IDENTIFIER,
        STRING,
        INTEGER,
        DECIMAL,
        /** {@code :name} or {@code :1} */
        PARAMETER,
        SYMBOL,
        EOF
    }

    boolean isWord(String keyword) {
        return kind == Kind.WORD && value.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && value.equals(symbol);
    }

    boolean isIdentifierLike() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER || kind == Kind.BACKQUOTED_IDENTIFIER;
    }

    String upperValue() {
        return value.toUpperCase(Locale.ROOT);
    }

    /** How the token reads in an error message. */
    String describe() {
        return switch (kind) {
            case EOF -> "end of input";
            case STRING -> "string " + text;
            default -> "'" + text + "'";
        };
    }
}
