package quarry.server.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import quarry.server.sql.Expression.BinaryOperator;

/**
 * Recursive descent over expressions. Precedence, loosest first: OR; AND; NOT; comparisons and
 * the predicates IS, IN, BETWEEN, LIKE; {@code ||}; {@code + -}; {@code * / %}; unary minus;
 * AT TIME ZONE; postfix {@code [i]}, {@code .field}, {@code ::type}; primaries.
 */
final class ExpressionParser {

    private static final Set<String> TYPED_LITERALS = Set.of("DATE", "TIME", "DATETIME", "TIMESTAMP");
    private static final Set<String> NILADIC = Set.of(
            "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_DATETIME", "LOCALTIMESTAMP", "LOCALTIME");
    /** Reserved words that still name functions when a {@code (} follows. */
    private static final Set<String> RESERVED_FUNCTIONS = Set.of("LEFT", "RIGHT");

    private final TokenStream tokens;
    private final QueryParser queries;
    private final CallParser calls;

    ExpressionParser(TokenStream tokens, QueryParser queries) {
        this.tokens = tokens;
        this.queries = queries;
        this.calls = new CallParser(tokens, this);
    }

    Expression expression() {
        return or();
    }

    List<SortItem> sortItems() {
        List<SortItem> items = new ArrayList<>();
        do {
            SourcePosition start = tokens.peek().position();
            Expression key = expression();
            SortItem.Direction direction = SortItem.Direction.ASC;
            boolean explicit = false;
            if (tokens.acceptWord("DESC")) {
                direction = SortItem.Direction.DESC;
                explicit = true;
            } else if (tokens.acceptWord("ASC")) {
                explicit = true;
            }
            Optional<SortItem.NullOrdering> nulls = Optional.empty();
            if (tokens.acceptWord("NULLS")) {
                if (tokens.acceptWord("FIRST")) {
                    nulls = Optional.of(SortItem.NullOrdering.FIRST);
                } else if (tokens.acceptWord("LAST")) {
                    nulls = Optional.of(SortItem.NullOrdering.LAST);
                } else {
                    throw tokens.unexpected("expected FIRST or LAST");
                }
            }
            items.add(new SortItem(key, direction, explicit, nulls, start));
        } while (tokens.acceptSymbol(","));
        return items;
    }

    private Expression or() {
        Expression left = and();
        while (tokens.atWord("OR")) {
            SourcePosition at = tokens.advance().position();
            left = new Expression.Binary(BinaryOperator.OR, left, and(), at);
        }
        return left;
    }

    private Expression and() {
        Expression left = not();
        while (tokens.atWord("AND")) {
            SourcePosition at = tokens.advance().position();
            left = new Expression.Binary(BinaryOperator.AND, left, not(), at);
        }
        return left;
    }

    private Expression not() {
        if (tokens.atWord("NOT")) {
            SourcePosition at = tokens.advance().position();
            return new Expression.Unary(Expression.UnaryOperator.NOT, not(), at);
        }
        return predicate();
    }

    private Expression predicate() {
        Expression left = concat();
        while (true) {
            Token token = tokens.peek();
            BinaryOperator comparison = comparison(token);
            if (comparison != null) {
                tokens.advance();
                left = new Expression.Binary(comparison, left, concat(), token.position());
                continue;
            }
            if (token.isWord("IS")) {
                tokens.advance();
                left = isPredicate(left, token.position());
                continue;
            }
            boolean negated = token.isWord("NOT")
                    && (tokens.peek(1).isWord("IN") || tokens.peek(1).isWord("BETWEEN") || tokens.peek(1).isWord("LIKE"));
            if (negated) {
                tokens.advance();
            }
            if (tokens.acceptWord("IN")) {
                left = in(left, negated, token.position());
            } else if (tokens.acceptWord("BETWEEN")) {
                Expression low = concat();
                tokens.expectWord("AND");
                left = new Expression.Between(left, low, concat(), negated, token.position());
            } else if (tokens.acceptWord("LIKE")) {
                Expression pattern = concat();
                Optional<Expression> escape = tokens.acceptWord("ESCAPE") ? Optional.of(concat()) : Optional.empty();
                left = new Expression.Like(left, pattern, escape, negated, token.position());
            } else {
                return left;
            }
        }
    }

    private static BinaryOperator comparison(Token token) {
        if (token.kind() != Token.Kind.SYMBOL) {
            return null;
        }
        return switch (token.value()) {
            case "=", "==" -> BinaryOperator.EQUAL;
            case "<>", "!=" -> BinaryOperator.NOT_EQUAL;
            case "<" -> BinaryOperator.LESS;
            case "<=" -> BinaryOperator.LESS_OR_EQUAL;
            case ">" -> BinaryOperator.GREATER;
            case ">=" -> BinaryOperator.GREATER_OR_EQUAL;
            default -> null;
        };
    }

    private Expression isPredicate(Expression value, SourcePosition at) {
        boolean negated = tokens.acceptWord("NOT");
        if (tokens.acceptWord("NULL")) {
            return new Expression.IsNull(value, negated, at);
        }
        if (tokens.acceptWord("UNDEFINED")) {
            return new Expression.IsUndefined(value, negated, at);
        }
        if (tokens.acceptWord("DISTINCT")) {
            tokens.expectWord("FROM");
            return new Expression.IsDistinctFrom(value, concat(), negated, at);
        }
        throw tokens.unexpected("expected NULL, UNDEFINED or DISTINCT FROM");
    }

    private Expression in(Expression value, boolean negated, SourcePosition at) {
        tokens.expectSymbol("(");
        if (tokens.atWord("SELECT") || tokens.atWord("WITH")) {
            Query query = queries.query();
            tokens.expectSymbol(")");
            return new Expression.InSubquery(value, query, negated, at);
        }
        List<Expression> items = new ArrayList<>();
        do {
            items.add(expression());
        } while (tokens.acceptSymbol(","));
        tokens.expectSymbol(")");
        return new Expression.InList(value, items, negated, at);
    }

    private Expression concat() {
        Expression left = additive();
        while (tokens.atSymbol("||")) {
            SourcePosition at = tokens.advance().position();
            left = new Expression.Binary(BinaryOperator.CONCAT, left, additive(), at);
        }
        return left;
    }

    private Expression additive() {
        Expression left = multiplicative();
        while (tokens.atSymbol("+") || tokens.atSymbol("-")) {
            Token operator = tokens.advance();
            BinaryOperator kind = operator.isSymbol("+") ? BinaryOperator.ADD : BinaryOperator.SUBTRACT;
            left = new Expression.Binary(kind, left, multiplicative(), operator.position());
        }
        return left;
    }

    private Expression multiplicative() {
        Expression left = unary();
        while (tokens.atSymbol("*") || tokens.atSymbol("/") || tokens.atSymbol("%")) {
            Token operator = tokens.advance();
            BinaryOperator kind = switch (operator.value()) {
                case "*" -> BinaryOperator.MULTIPLY;
                case "/" -> BinaryOperator.DIVIDE;
                default -> BinaryOperator.MODULO;
            };
            left = new Expression.Binary(kind, left, unary(), operator.position());
        }
        return left;
    }

    private Expression unary() {
        if (tokens.atSymbol("-")) {
            Token minus = tokens.advance();
            Token next = tokens.peek();
            if (next.kind() == Token.Kind.INTEGER || next.kind() == Token.Kind.DECIMAL) {
                tokens.advance();
                return postfix(number("-" + next.text(), next.kind(), minus.position()));
            }
            return new Expression.Unary(Expression.UnaryOperator.NEGATE, unary(), minus.position());
        }
        if (tokens.atSymbol("+")) {
            SourcePosition at = tokens.advance().position();
            return new Expression.Unary(Expression.UnaryOperator.PLUS, unary(), at);
        }
        return atTimeZone();
    }

    private Expression atTimeZone() {
        Expression value = postfix(primary());
        while (tokens.atWord("AT") && tokens.peek(1).isWord("TIME")) {
            SourcePosition at = tokens.advance().position();
            tokens.expectWord("TIME");
            tokens.expectWord("ZONE");
            value = new Expression.AtTimeZone(value, postfix(primary()), at);
        }
        return value;
    }

    private Expression postfix(Expression base) {
        Expression value = base;
        while (true) {
            Token token = tokens.peek();
            if (token.isSymbol("[")) {
                tokens.advance();
                Expression index = expression();
                tokens.expectSymbol("]");
                value = new Expression.Subscript(value, index, token.position());
            } else if (token.isSymbol(".") && tokens.peek(1).isIdentifierLike()) {
                tokens.advance();
                Identifier field = queries.anyIdentifier();
                if (value instanceof Expression.FieldReference reference) {
                    List<Identifier> path = new ArrayList<>(reference.path());
                    path.add(field);
                    value = new Expression.FieldReference(path, reference.position());
                } else {
                    value = new Expression.FieldAccess(value, field, token.position());
                }
            } else if (token.isSymbol("::")) {
                tokens.advance();
                value = new Expression.Cast(value, calls.typeName(), false, token.position());
            } else {
                return value;
            }
        }
    }

    private Expression primary() {
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
                || token.kind() == Token.Kind.DECIMAL || token.isSymbol("-");
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
        Expression inner = expression();
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
            items.add(expression());
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
