package quarry.server.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Recursive descent over queries: WITH, set operations, SELECT, FROM and its joins, OPTION clauses. */
final class QueryParser {

    private final TokenStream tokens;
    private final Map<String, String> statementOptions;
    private final ExpressionParser expressions;

    QueryParser(TokenStream tokens, Map<String, String> statementOptions) {
        this.tokens = tokens;
        this.statementOptions = statementOptions;
        this.expressions = new ExpressionParser(tokens, this);
    }

    ExpressionParser expressions() {
        return expressions;
    }

    Query query() {
        tokens.enter();
        try {
            return queryClauses();
        } finally {
            tokens.leave();
        }
    }

    private Query queryClauses() {
        SourcePosition start = tokens.peek().position();
        List<Query.CommonTableExpression> with = new ArrayList<>();
        if (tokens.acceptWord("WITH")) {
            tokens.acceptWord("RECURSIVE");
            do {
                with.add(commonTableExpression());
            } while (tokens.acceptSymbol(","));
        }
        QueryBody body = unionOrExcept();
        List<SortItem> orderBy = List.of();
        if (tokens.atWord("ORDER")) {
            tokens.advance();
            tokens.expectWord("BY");
            orderBy = expressions.sortItems();
        }
        Optional<Expression> limit = Optional.empty();
        Optional<Expression> offset = Optional.empty();
        for (int clause = 0; clause < 2; clause++) {
            if (limit.isEmpty() && tokens.acceptWord("LIMIT")) {
                limit = Optional.of(expressions.expression());
                if (offset.isEmpty() && tokens.acceptSymbol(",")) {
                    // MySQL-style LIMIT offset, count
                    offset = limit;
                    limit = Optional.of(expressions.expression());
                }
            } else if (offset.isEmpty() && tokens.acceptWord("OFFSET")) {
                offset = Optional.of(expressions.expression());
                if (!tokens.acceptWord("ROWS")) {
                    tokens.acceptWord("ROW");
                }
            }
        }
        while (tokens.atWord("OPTION") && tokens.peek(1).isSymbol("(")) {
            optionClause(statementOptions);
        }
        return new Query(with, body, orderBy, limit, offset, start);
    }

    private Query.CommonTableExpression commonTableExpression() {
        Identifier name = tokens.identifier("a CTE name");
        List<Identifier> columns = new ArrayList<>();
        if (tokens.acceptSymbol("(")) {
            do {
                columns.add(tokens.identifier("a column name"));
            } while (tokens.acceptSymbol(","));
            tokens.expectSymbol(")");
        }
        tokens.expectWord("AS");
        tokens.expectSymbol("(");
        Query query = query();
        tokens.expectSymbol(")");
        return new Query.CommonTableExpression(name, columns, query, name.position());
    }

    private QueryBody unionOrExcept() {
        QueryBody left = intersect();
        while (tokens.atWord("UNION") || tokens.atWord("EXCEPT")) {
            Token operator = tokens.advance();
            boolean all = setQuantifier();
            QueryBody right = intersect();
            QueryBody.SetOperator kind = operator.isWord("UNION") ? QueryBody.SetOperator.UNION : QueryBody.SetOperator.EXCEPT;
            left = new QueryBody.SetOperation(kind, all, left, right, operator.position());
        }
        return left;
    }

    private QueryBody intersect() {
        QueryBody left = queryPrimary();
        while (tokens.atWord("INTERSECT")) {
            Token operator = tokens.advance();
            boolean all = setQuantifier();
            left = new QueryBody.SetOperation(QueryBody.SetOperator.INTERSECT, all, left, queryPrimary(),
                    operator.position());
        }
        return left;
    }

    private boolean setQuantifier() {
        if (tokens.acceptWord("ALL")) {
            return true;
        }
        tokens.acceptWord("DISTINCT");
        return false;
    }

    private QueryBody queryPrimary() {
        if (tokens.atWord("SELECT")) {
            return select();
        }
        if (tokens.atSymbol("(")) {
            SourcePosition start = tokens.advance().position();
            Query query = query();
            tokens.expectSymbol(")");
            return new QueryBody.Nested(query, start);
        }
        throw tokens.unexpected("expected SELECT");
    }

    private QueryBody.Select select() {
        SourcePosition start = tokens.expectWord("SELECT").position();
        boolean distinct = tokens.acceptWord("DISTINCT");
        if (!distinct) {
            tokens.acceptWord("ALL");
        }
        List<SelectItem> items = new ArrayList<>();
        do {
            items.add(selectItem());
        } while (tokens.acceptSymbol(",") && !endsSelectList());
        List<Relation> from = new ArrayList<>();
        if (tokens.acceptWord("FROM")) {
            do {
                from.add(relation());
            } while (tokens.acceptSymbol(","));
        }
        Optional<Expression> where = tokens.acceptWord("WHERE") ? Optional.of(expressions.expression()) : Optional.empty();
        List<Expression> groupBy = new ArrayList<>();
        if (tokens.atWord("GROUP")) {
            tokens.advance();
            tokens.expectWord("BY");
            do {
                groupBy.add(expressions.expression());
            } while (tokens.acceptSymbol(","));
        }
        Optional<Expression> having = tokens.acceptWord("HAVING") ? Optional.of(expressions.expression()) : Optional.empty();
        return new QueryBody.Select(distinct, items, from, where, groupBy, having, start);
    }

    /** Rockset accepts a trailing comma after the last select item ({@code SELECT a, b, FROM t}). */
    private boolean endsSelectList() {
        Token next = tokens.peek();
        return next.kind() == Token.Kind.EOF || next.isSymbol(")") || next.isSymbol(";")
                || next.isWord("FROM") || next.isWord("WHERE") || next.isWord("GROUP") || next.isWord("HAVING")
                || next.isWord("ORDER") || next.isWord("LIMIT") || next.isWord("UNION") || next.isWord("INTERSECT")
                || next.isWord("EXCEPT");
    }

    private SelectItem selectItem() {
        SourcePosition start = tokens.peek().position();
        if (tokens.acceptSymbol("*")) {
            return new SelectItem.Star(Optional.empty(), exceptList(), start);
        }
        int qualifierLength = qualifiedStarLength();
        if (qualifierLength > 0) {
            List<Identifier> parts = new ArrayList<>();
            for (int i = 0; i < qualifierLength; i++) {
                parts.add(anyIdentifier());
                tokens.expectSymbol(".");
            }
            tokens.expectSymbol("*");
            return new SelectItem.Star(Optional.of(new QualifiedName(parts, start)), exceptList(), start);
        }
        Expression expression = expressions.expression();
        return new SelectItem.Single(expression, alias(), start);
    }

    /** For {@code a.b.*} the number of name parts before {@code .*}; 0 when the item is no qualified star. */
    private int qualifiedStarLength() {
        int ahead = 0;
        int parts = 0;
        while (tokens.peek(ahead).isIdentifierLike() && tokens.peek(ahead + 1).isSymbol(".")) {
            parts++;
            if (tokens.peek(ahead + 2).isSymbol("*")) {
                return parts;
            }
            ahead += 2;
        }
        return 0;
    }

    private List<Identifier> exceptList() {
        if (!(tokens.atWord("EXCEPT") && tokens.peek(1).isSymbol("(")
                && !tokens.peek(2).isWord("SELECT") && !tokens.peek(2).isWord("WITH"))) {
            return List.of();
        }
        tokens.advance();
        tokens.expectSymbol("(");
        List<Identifier> names = new ArrayList<>();
        do {
            names.add(tokens.identifier("a field name"));
        } while (tokens.acceptSymbol(","));
        tokens.expectSymbol(")");
        return names;
    }

    /** {@code [AS] alias}; an implicit alias is any non-reserved name not starting a hint. */
    Optional<Identifier> alias() {
        if (tokens.acceptWord("AS")) {
            return Optional.of(tokens.identifier("an alias"));
        }
        boolean hint = (tokens.atWord("OPTION") || tokens.atWord("HINT")) && tokens.peek(1).isSymbol("(");
        if (tokens.atIdentifier() && !hint) {
            return Optional.of(tokens.identifier("an alias"));
        }
        return Optional.empty();
    }

    // ---- FROM ----

    private Relation relation() {
        Relation left = relationPrimary();
        while (true) {
            Token start = tokens.peek();
            Relation.JoinType type = joinType();
            if (type == null) {
                return left;
            }
            Relation right = relationPrimary();
            Optional<Expression> on = Optional.empty();
            List<Identifier> using = new ArrayList<>();
            if (type != Relation.JoinType.CROSS) {
                if (tokens.acceptWord("ON")) {
                    on = Optional.of(expressions.expression());
                } else if (tokens.acceptWord("USING")) {
                    tokens.expectSymbol("(");
                    do {
                        using.add(tokens.identifier("a field name"));
                    } while (tokens.acceptSymbol(","));
                    tokens.expectSymbol(")");
                } else if (!(right instanceof Relation.Unnest)) {
                    throw tokens.unexpected("expected ON or USING");
                }
            }
            Map<String, String> hints = new LinkedHashMap<>();
            hints(hints);
            left = new Relation.Join(type, left, right, on, using, hints, start.position());
        }
    }

    /** Consumes a join keyword sequence and says which join it is; null when none follows. */
    private Relation.JoinType joinType() {
        Relation.JoinType type;
        if (tokens.atWord("JOIN")) {
            type = Relation.JoinType.INNER;
        } else if (tokens.acceptWord("INNER")) {
            type = Relation.JoinType.INNER;
        } else if (tokens.acceptWord("CROSS")) {
            type = Relation.JoinType.CROSS;
        } else if (tokens.atWord("LEFT") || tokens.atWord("RIGHT") || tokens.atWord("FULL")) {
            type = Relation.JoinType.valueOf(tokens.advance().upperValue());
            tokens.acceptWord("OUTER");
        } else {
            return null;
        }
        tokens.expectWord("JOIN");
        return type;
    }

    private Relation relationPrimary() {
        SourcePosition start = tokens.peek().position();
        if (tokens.atSymbol("(")) {
            if (startsParenthesizedQuery()) {
                tokens.advance();
                Query query = query();
                tokens.expectSymbol(")");
                return new Relation.Subquery(query, alias(), start);
            }
            tokens.advance();
            tokens.enter();
            try {
                Relation inner = relation();
                tokens.expectSymbol(")");
                return inner;
            } finally {
                tokens.leave();
            }
        }
        if (tokens.atWord("UNNEST") && tokens.peek(1).isSymbol("(")) {
            tokens.advance();
            tokens.advance();
            Expression array = expressions.expression();
            Optional<Identifier> element = tokens.acceptWord("AS") ? Optional.of(tokens.identifier("a field name"))
                    : Optional.empty();
            Optional<Identifier> ordinality = Optional.empty();
            if (tokens.atWord("WITH") && tokens.peek(1).isWord("ORDINALITY")) {
                tokens.advance();
                Token keyword = tokens.advance();
                ordinality = Optional.of(tokens.acceptWord("AS") ? tokens.identifier("a field name")
                        : new Identifier("ordinality", false, keyword.position()));
            }
            tokens.expectSymbol(")");
            return new Relation.Unnest(array, element, ordinality, alias(), start);
        }
        QualifiedName name = qualifiedName("a collection name");
        Map<String, String> hints = new LinkedHashMap<>();
        hints(hints);
        Optional<Identifier> alias = alias();
        hints(hints);
        return new Relation.Table(name, alias, hints, start);
    }

    /** After one or more {@code (}, a SELECT or WITH: a subquery rather than a parenthesised join. */
    private boolean startsParenthesizedQuery() {
        int ahead = 0;
        while (tokens.peek(ahead).isSymbol("(")) {
            ahead++;
        }
        return tokens.peek(ahead).isWord("SELECT") || tokens.peek(ahead).isWord("WITH");
    }

    private void hints(Map<String, String> into) {
        while (tokens.atWord("HINT") && tokens.peek(1).isSymbol("(")) {
            tokens.advance();
            keyValues(into);
        }
    }

    QualifiedName qualifiedName(String what) {
        SourcePosition start = tokens.peek().position();
        List<Identifier> parts = new ArrayList<>();
        parts.add(tokens.identifier(what));
        while (tokens.atSymbol(".") && tokens.peek(1).isIdentifierLike()) {
            tokens.advance();
            parts.add(anyIdentifier());
        }
        return new QualifiedName(parts, start);
    }

    /** A name after a dot, where even reserved words are names ({@code t.order}). */
    Identifier anyIdentifier() {
        Token token = tokens.peek();
        if (!token.isIdentifierLike()) {
            throw tokens.unexpected("expected a name");
        }
        tokens.advance();
        return new Identifier(token.value(), token.kind() != Token.Kind.WORD, token.position());
    }

    // ---- OPTION(k = v, …) and HINT(k = v, …) ----

    void optionClause(Map<String, String> into) {
        tokens.expectWord("OPTION");
        keyValues(into);
    }

    private void keyValues(Map<String, String> into) {
        tokens.expectSymbol("(");
        do {
            Token key = tokens.peek();
            if (!key.isIdentifierLike()) {
                throw tokens.unexpected("expected an option name");
            }
            tokens.advance();
            tokens.expectSymbol("=");
            into.put(key.value().toLowerCase(Locale.ROOT), optionValue());
        } while (tokens.acceptSymbol(","));
        tokens.expectSymbol(")");
    }

    private String optionValue() {
        Token value = tokens.peek();
        boolean negative = false;
        if (value.isSymbol("-")) {
            negative = true;
            tokens.advance();
            value = tokens.peek();
            if (value.kind() != Token.Kind.INTEGER && value.kind() != Token.Kind.DECIMAL) {
                throw tokens.unexpected("expected a number");
            }
        }
        return switch (value.kind()) {
            case STRING, INTEGER, DECIMAL, WORD, QUOTED_IDENTIFIER, BACKQUOTED_IDENTIFIER -> {
                tokens.advance();
                yield negative ? "-" + value.value() : value.value();
            }
            default -> throw tokens.unexpected("expected an option value");
        };
    }
}
