package quarry.server.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import quarry.server.sql.Expression.BinaryOperator;

/**
 * Recursive descent over expressions. Precedence, loosest first: OR; AND; NOT; comparisons and
 * the predicates IS, IN, BETWEEN, LIKE; {@code ||}; {@code + -}; {@code * / %}; unary minus;
 * AT TIME ZONE; postfix {@code [i]}, {@code .field}, {@code ::type}; primaries.
 */
final class ExpressionParser {


    private final TokenStream tokens;
    private final QueryParser queries;
    private final CallParser calls;
    private final PrimaryParser primaries;

    ExpressionParser(TokenStream tokens, QueryParser queries) {
        this.tokens = tokens;
        this.queries = queries;
        this.calls = new CallParser(tokens, this);
        this.primaries = new PrimaryParser(tokens, this, queries, calls);
    }

    Expression expression() {
        tokens.enter();
        try {
            return or();
        } finally {
            tokens.leave();
        }
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
            tokens.enter();
            try {
                return new Expression.Unary(Expression.UnaryOperator.NOT, not(), at);
            } finally {
                tokens.leave();
            }
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
                return postfix(PrimaryParser.number("-" + next.text(), next.kind(), minus.position()));
            }
            return new Expression.Unary(Expression.UnaryOperator.NEGATE, nestedUnary(), minus.position());
        }
        if (tokens.atSymbol("+")) {
            SourcePosition at = tokens.advance().position();
            return new Expression.Unary(Expression.UnaryOperator.PLUS, nestedUnary(), at);
        }
        return atTimeZone();
    }

    private Expression nestedUnary() {
        tokens.enter();
        try {
            return unary();
        } finally {
            tokens.leave();
        }
    }

    private Expression atTimeZone() {
        Expression value = postfix(primaries.primary());
        while (tokens.atWord("AT") && tokens.peek(1).isWord("TIME")) {
            SourcePosition at = tokens.advance().position();
            tokens.expectWord("TIME");
            tokens.expectWord("ZONE");
            value = new Expression.AtTimeZone(value, postfix(primaries.primary()), at);
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
}
