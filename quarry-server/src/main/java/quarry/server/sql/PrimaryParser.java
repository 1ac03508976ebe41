package quarry.server.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Primary expressions: literals, parameters, names and dotted paths, calls, parenthesised
 * expressions and scalar subqueries, array constructors, and the keyword forms (CASE, CAST,
 * EXISTS, EXTRACT, INTERVAL, typed literals, CURRENT_TIMESTAMP without parentheses).
 */
final class PrimaryParser {

    private static final Set<String> TYPED_LITERALS = Set.of("DATE", "TIME", "DATETIME", "TIMESTAMP");
    private static final Set<String> NILADIC = Set.of(
            "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_DATETIME", "LOCALTIMESTAMP", "LOCALTIME");
    /** Reserved words that still name functions when a {@code (} follows. */
    private static final Set<String> RESERVED_FUNCTIONS = Set.of("LEFT", "RIGHT");

    private final TokenStream tokens;
    private final ExpressionParser expressions;
    private final QueryParser queries;
    private final CallParser calls;

    PrimaryParser(TokenStream tokens, ExpressionParser expressions, QueryParser queries, CallParser calls) {
        this.tokens = tokens;
        this.expressions = expressions;
        this.queries = queries;
        this.calls = calls;
    }

    Expression primary() {
        Token token = tokens.peek();
        switch (token.kind()) {
            case INTEGER, DECIMAL -> {
                tokens.advance();
                return number(token.text(), token.kind(), token.position());
            }
            case STRING -> {
                tokens.advance();
                return new Expression.StringLiteral(token.value(), token.position());
            }
            case PARAMETER -> {
                tokens.advance();
                return new Expression.Parameter(token.value(), token.position());
            }
            case QUOTED_IDENTIFIER, BACKQUOTED_IDENTIFIER -> {
                return nameOrCall();
            }
            case WORD -> {
                return word(token);
            }
            case SYMBOL -> {
                Token next = tokens.peek(1);
                if (token.isSymbol(":") && (next.kind() == Token.Kind.WORD || next.kind() == Token.Kind.INTEGER)) {
                    // Rockset also reads `: name`, with blanks after the colon, as a parameter
                    tokens.advance();
                    tokens.advance();
                    return new Expression.Parameter(next.value(), token.position());
                }
                if (token.isSymbol("(")) {
                    return parenthesized();
                }
                if (token.isSymbol("[")) {
                    tokens.advance();
                    return new Expression.ArrayConstructor(elements("]"), token.position());
                }
                throw tokens.unexpected("expected an expression");
            }
            default -> throw tokens.unexpected("expected an expression");
        }
    }

    private Expression word(Token token) {
        String word = token.upperValue();
        boolean call = tokens.peek(1).isSymbol("(");
        switch (word) {
            case "NULL" -> {
                tokens.advance();
                return new Expression.NullLiteral(token.position());
            }
            case "UNDEFINED" -> {
                tokens.advance();
                return new Expression.UndefinedLiteral(token.position());
            }
            case "TRUE", "FALSE" -> {
                tokens.advance();
                return new Expression.BooleanLiteral(word.equals("TRUE"), token.position());
            }
            case "CASE" -> {
                return calls.caseExpression();
            }
            case "EXISTS" -> {
                tokens.advance();
                tokens.expectSymbol("(");
                Query query = queries.query();
                tokens.expectSymbol(")");
                return new Expression.Exists(query, token.position());
            }
            default -> {
                // not a fixed keyword: fall through to the contextual forms below
            }
        }
        if (call && (word.equals("CAST") || word.equals("TRY_CAST"))) {
            return calls.cast();
        }
        if (call && word.equals("EXTRACT")) {
            return calls.extract();
        }
        if (word.equals("ARRAY") && tokens.peek(1).isSymbol("[")) {
            tokens.advance();
            tokens.advance();
            return new Expression.ArrayConstructor(elements("]"), token.position());
        }
        if (word.equals("INTERVAL") && isIntervalValue(tokens.peek(1))) {
            return calls.interval();
        }
        if (TYPED_LITERALS.contains(word) && tokens.peek(1).kind() == Token.Kind.STRING) {
            tokens.advance();
            Token value = tokens.advance();
            return new Expression.TypedLiteral(word, value.value(), token.position());
        }
        if (NILADIC.contains(word) && !call) {
            tokens.advance();
            return new Expression.FunctionCall(token.value(), List.of(), false, false, false, List.of(),
                    Optional.empty(), token.position());
        }
        if (call && RESERVED_FUNCTIONS.contains(word)) {
            tokens.advance();
            return calls.call(token.value(), token.position());
        }
        if (TokenStream.isReserved(token)) {
            throw tokens.unexpected("expected an expression");
        }
        return nameOrCall();
    }

    private static boolean isIntervalValue(Token token) {
        return token.kind() == Token.Kind.STRING || token.kind() == Token.Kind.INTEGER
                || token.kind() == Token.Kind.DECIMAL || token.isSymbol("-") || token.isSymbol("(");
    }

    /** A dotted path; when a {@code (} follows, the path names a function ({@code _script.f(x)}). */
    private Expression nameOrCall() {
        SourcePosition start = tokens.peek().position();
        List<Identifier> path = new ArrayList<>();
        path.add(tokens.identifier("a name"));
        while (tokens.atSymbol(".") && tokens.peek(1).isIdentifierLike()) {
            tokens.advance();
            path.add(queries.anyIdentifier());
        }
        if (tokens.atSymbol("(")) {
            String name = String.join(".", path.stream().map(Identifier::name).toList());
            return calls.call(name, start);
        }
        return new Expression.FieldReference(path, start);
    }

    private Expression parenthesized() {
        SourcePosition start = tokens.advance().position();
        if (tokens.atWord("SELECT") || tokens.atWord("WITH")) {
            Query query = queries.query();
            tokens.expectSymbol(")");
            return new Expression.ScalarSubquery(query, start);
        }
        Expression inner = expressions.expression();
        tokens.expectSymbol(")");
        return inner;
    }

    /** Comma-separated expressions up to {@code close}, which may be empty; consumes {@code close}. */
    List<Expression> elements(String close) {
        List<Expression> items = new ArrayList<>();
        if (tokens.acceptSymbol(close)) {
            return items;
        }
        do {
            items.add(expressions.expression());
        } while (tokens.acceptSymbol(","));
        tokens.expectSymbol(close);
        return items;
    }

    static Expression number(String text, Token.Kind kind, SourcePosition position) {
        if (kind == Token.Kind.INTEGER) {
            try {
                return new Expression.IntegerLiteral(Long.parseLong(text), position);
            } catch (NumberFormatException tooLarge) {
                // beyond int64: Rockset reads such a number as a float
            }
        }
        return new Expression.FloatLiteral(Double.parseDouble(text), text, position);
    }
}
