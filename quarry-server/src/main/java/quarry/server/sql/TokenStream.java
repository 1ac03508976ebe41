package quarry.server.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A cursor over the tokens of one statement, with the lookahead and errors the parsers share. */
final class TokenStream {

    /**
     * Words that cannot be bare identifiers or implicit aliases; quote them ({@code "order"}) to
     * use them as names (§5.1). Non-reserved keywords (ASC, FIRST, ROWS, …) stay usable as names.
     */
    static final Set<String> RESERVED = Set.of(
            "ALL", "AND", "AS", "BETWEEN", "BY", "CASE", "CROSS", "DESCRIBE", "DISTINCT", "ELSE", "END",
            "EXCEPT", "EXISTS", "FALSE", "FROM", "FULL", "GROUP", "HAVING", "IN", "INNER", "INSERT",
            "INTERSECT", "INTO", "IS", "JOIN", "LEFT", "LIKE", "LIMIT", "NOT", "NULL", "OFFSET", "ON", "OR",
            "ORDER", "OUTER", "OVER", "RIGHT", "SELECT", "THEN", "TRUE", "UNDEFINED", "UNION", "USING",
            "WHEN", "WHERE", "WITH");

    /** Deeper nesting than this is refused rather than risking the thread's stack. */
    static final int MAX_NESTING = 200;

    private final List<Token> tokens;
    private int index;
    private int depth;

    TokenStream(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(index);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    Token advance() {
        Token token = tokens.get(index);
        if (token.kind() != Token.Kind.EOF) {
            index++;
        }
        return token;
    }

    boolean atWord(String keyword) {
        return peek().isWord(keyword);
    }

    boolean atSymbol(String symbol) {
        return peek().isSymbol(symbol);
    }

    boolean atEnd() {
        return peek().kind() == Token.Kind.EOF;
    }

    boolean acceptWord(String keyword) {
        if (atWord(keyword)) {
            index++;
            return true;
        }
        return false;
    }

    boolean acceptSymbol(String symbol) {
        if (atSymbol(symbol)) {
            index++;
            return true;
        }
        return false;
    }

    Token expectWord(String keyword) {
        if (!atWord(keyword)) {
            throw unexpected("expected " + keyword);
        }
        return advance();
    }

    Token expectSymbol(String symbol) {
        if (!atSymbol(symbol)) {
            throw unexpected("expected '" + symbol + "'");
        }
        return advance();
    }

    /** True when the next token can be a name: quoted, or an unquoted non-reserved word. */
    boolean atIdentifier() {
        Token token = peek();
        return token.kind() == Token.Kind.QUOTED_IDENTIFIER || token.kind() == Token.Kind.BACKQUOTED_IDENTIFIER
                || (token.kind() == Token.Kind.WORD && !isReserved(token));
    }

    Identifier identifier(String what) {
        if (!atIdentifier()) {
            Token token = peek();
            if (isReserved(token)) {
                throw unexpected("expected " + what + " (" + token.text() + " is a reserved word: quote it as \""
                        + token.text() + "\")");
            }
            throw unexpected("expected " + what);
        }
        Token token = advance();
        return new Identifier(token.value(), token.kind() != Token.Kind.WORD, token.position());
    }

    static boolean isReserved(Token token) {
        return token.kind() == Token.Kind.WORD && RESERVED.contains(token.value().toUpperCase(Locale.ROOT));
    }

    /** Enters one level of nesting (a parenthesised expression, a subquery, …); pair with {@link #leave()}. */
    void enter() {
        depth++;
        if (depth > MAX_NESTING) {
            throw new SqlSyntaxException("Syntax error: the statement is nested more than " + MAX_NESTING
                    + " levels deep.", peek().position());
        }
    }

    void leave() {
        depth--;
    }

    SqlSyntaxException unexpected(String expectation) {
        Token token = peek();
        String found = token.kind() == Token.Kind.EOF ? "Unexpected end of input" : "Unexpected " + token.describe();
        return new SqlSyntaxException("Syntax error: " + found + ", " + expectation + ".", token.position());
    }
}
