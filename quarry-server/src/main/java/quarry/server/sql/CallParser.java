package quarry.server.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The expression forms with their own inner grammar: function calls with DISTINCT, {@code *},
 * ORDER BY and OVER; CAST and TRY_CAST with type names; EXTRACT; INTERVAL; CASE.
 */
final class CallParser {

    static final Set<String> INTERVAL_UNITS = Set.of(
            "YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "HOUR", "MINUTE", "SECOND", "MILLISECOND", "MICROSECOND");

    private final TokenStream tokens;
    private final ExpressionParser expressions;

    CallParser(TokenStream tokens, ExpressionParser expressions) {
        this.tokens = tokens;
        this.expressions = expressions;
    }

    /** After the function name: {@code ( [DISTINCT|ALL] args | * [ORDER BY …] ) [OVER (…)]}. */
    Expression.FunctionCall call(String name, SourcePosition position) {
        tokens.expectSymbol("(");
        boolean distinct = tokens.acceptWord("DISTINCT");
        if (!distinct) {
            tokens.acceptWord("ALL");
        }
        boolean star = false;
        List<Expression> arguments = new ArrayList<>();
        List<SortItem> orderBy = List.of();
        if (!distinct && tokens.atSymbol("*") && tokens.peek(1).isSymbol(")")) {
            tokens.advance();
            star = true;
        } else if (!tokens.atSymbol(")")) {
            do {
                arguments.add(expressions.expression());
            } while (tokens.acceptSymbol(","));
            if (tokens.atWord("ORDER")) {
                tokens.advance();
                tokens.expectWord("BY");
                orderBy = expressions.sortItems();
            }
        }
        tokens.expectSymbol(")");
        Optional<WindowSpec> over = Optional.empty();
        if (tokens.atWord("OVER")) {
            tokens.advance();
            over = Optional.of(window());
        }
        return new Expression.FunctionCall(name, arguments, distinct, star, true, orderBy, over, position);
    }

    private WindowSpec window() {
        SourcePosition start = tokens.expectSymbol("(").position();
        List<Expression> partitionBy = new ArrayList<>();
        if (tokens.acceptWord("PARTITION")) {
            tokens.expectWord("BY");
            do {
                partitionBy.add(expressions.expression());
            } while (tokens.acceptSymbol(","));
        }
        List<SortItem> orderBy = List.of();
        if (tokens.atWord("ORDER")) {
            tokens.advance();
            tokens.expectWord("BY");
            orderBy = expressions.sortItems();
        }
        Optional<WindowSpec.Frame> frame = Optional.empty();
        if (tokens.atWord("ROWS") || tokens.atWord("RANGE")) {
            Token unit = tokens.advance();
            WindowSpec.FrameUnit frameUnit = WindowSpec.FrameUnit.valueOf(unit.upperValue());
            if (tokens.acceptWord("BETWEEN")) {
                WindowSpec.Bound from = bound();
                tokens.expectWord("AND");
                frame = Optional.of(new WindowSpec.Frame(frameUnit, from, Optional.of(bound()), unit.position()));
            } else {
                frame = Optional.of(new WindowSpec.Frame(frameUnit, bound(), Optional.empty(), unit.position()));
            }
        }
        tokens.expectSymbol(")");
        return new WindowSpec(partitionBy, orderBy, frame, start);
    }

    private WindowSpec.Bound bound() {
        SourcePosition start = tokens.peek().position();
        if (tokens.acceptWord("UNBOUNDED")) {
            if (tokens.acceptWord("PRECEDING")) {
                return new WindowSpec.Bound(WindowSpec.BoundKind.UNBOUNDED_PRECEDING, Optional.empty(), start);
            }
            tokens.expectWord("FOLLOWING");
            return new WindowSpec.Bound(WindowSpec.BoundKind.UNBOUNDED_FOLLOWING, Optional.empty(), start);
        }
        if (tokens.acceptWord("CURRENT")) {
            tokens.expectWord("ROW");
            return new WindowSpec.Bound(WindowSpec.BoundKind.CURRENT_ROW, Optional.empty(), start);
        }
        Expression offset = expressions.expression();
        if (tokens.acceptWord("PRECEDING")) {
            return new WindowSpec.Bound(WindowSpec.BoundKind.PRECEDING, Optional.of(offset), start);
        }
        tokens.expectWord("FOLLOWING");
        return new WindowSpec.Bound(WindowSpec.BoundKind.FOLLOWING, Optional.of(offset), start);
    }

    /** {@code CAST(x AS type)} or {@code TRY_CAST(x AS type)}. */
    Expression cast() {
        Token keyword = tokens.advance();
        tokens.expectSymbol("(");
        Expression value = expressions.expression();
        tokens.expectWord("AS");
        TypeName type = typeName();
        tokens.expectSymbol(")");
        return new Expression.Cast(value, type, keyword.isWord("TRY_CAST"), keyword.position());
    }

    /** {@code int}, {@code double precision}, {@code varchar(10)}, {@code "string"}. */
    TypeName typeName() {
        Token first = tokens.peek();
        if (!first.isIdentifierLike()) {
            throw tokens.unexpected("expected a type name");
        }
        tokens.advance();
        String name = first.value();
        if (first.isWord("DOUBLE") && tokens.acceptWord("PRECISION")) {
            name = name + " precision";
        }
        List<Long> parameters = new ArrayList<>();
        if (tokens.acceptSymbol("(")) {
            do {
                Token number = tokens.peek();
                if (number.kind() != Token.Kind.INTEGER) {
                    throw tokens.unexpected("expected a number");
                }
                if (number.text().length() > 18) {
                    throw tokens.unexpected("expected a smaller number");
                }
                tokens.advance();
                parameters.add(Long.parseLong(number.text()));
            } while (tokens.acceptSymbol(","));
            tokens.expectSymbol(")");
        }
        return new TypeName(name, parameters, first.position());
    }

    /** {@code EXTRACT(part FROM source)}, the part a word or a string. */
    Expression extract() {
        Token keyword = tokens.advance();
        tokens.expectSymbol("(");
        Token part = tokens.peek();
        if (part.kind() != Token.Kind.WORD && part.kind() != Token.Kind.STRING) {
            throw tokens.unexpected("expected a date part such as YEAR or DAY");
        }
        tokens.advance();
        tokens.expectWord("FROM");
        Expression source = expressions.expression();
        tokens.expectSymbol(")");
        return new Expression.Extract(part.value().toUpperCase(Locale.ROOT), source, keyword.position());
    }

    /** {@code INTERVAL '1' DAY}, {@code INTERVAL -2 HOUR}, {@code INTERVAL '1:30' HOUR TO MINUTE}. */
    Expression interval() {
        Token keyword = tokens.advance();
        if (tokens.atSymbol("(")) {
            // INTERVAL (expr) UNIT, a Quarry extension that dbt's dateadd needs (its amount is often
            // an expression): read as INTERVAL 1 UNIT times the amount as an int
            tokens.advance();
            Expression amount = expressions.expression();
            tokens.expectSymbol(")");
            String unit = intervalUnit();
            Expression asInt = new Expression.Cast(amount, new TypeName("int", List.of(), amount.position()), false,
                    amount.position());
            return new Expression.Binary(Expression.BinaryOperator.MULTIPLY,
                    new Expression.IntervalLiteral("1", unit, Optional.empty(), keyword.position()), asInt,
                    keyword.position());
        }
        String sign = tokens.acceptSymbol("-") ? "-" : "";
        Token value = tokens.advance();
        if (!sign.isEmpty() && value.kind() != Token.Kind.INTEGER && value.kind() != Token.Kind.DECIMAL) {
            throw new SqlSyntaxException("Syntax error: Unexpected " + value.describe() + ", expected a number.",
                    value.position());
        }
        String unit = intervalUnit();
        Optional<String> toUnit = tokens.acceptWord("TO") ? Optional.of(intervalUnit()) : Optional.empty();
        return new Expression.IntervalLiteral(sign + value.value(), unit, toUnit, keyword.position());
    }

    private String intervalUnit() {
        Token unit = tokens.peek();
        String name = unit.kind() == Token.Kind.WORD ? unit.upperValue() : "";
        if (name.endsWith("S") && INTERVAL_UNITS.contains(name.substring(0, name.length() - 1))) {
            name = name.substring(0, name.length() - 1);
        }
        if (!INTERVAL_UNITS.contains(name)) {
            throw tokens.unexpected("expected an interval unit such as DAY or HOUR");
        }
        tokens.advance();
        return name;
    }

    Expression caseExpression() {
        SourcePosition start = tokens.expectWord("CASE").position();
        Optional<Expression> operand = tokens.atWord("WHEN") ? Optional.empty() : Optional.of(expressions.expression());
        List<Expression.WhenClause> whens = new ArrayList<>();
        while (tokens.atWord("WHEN")) {
            SourcePosition at = tokens.advance().position();
            Expression condition = expressions.expression();
            tokens.expectWord("THEN");
            whens.add(new Expression.WhenClause(condition, expressions.expression(), at));
        }
        if (whens.isEmpty()) {
            throw tokens.unexpected("expected WHEN");
        }
        Optional<Expression> otherwise = tokens.acceptWord("ELSE") ? Optional.of(expressions.expression()) : Optional.empty();
        tokens.expectWord("END");
        return new Expression.Case(operand, whens, otherwise, start);
    }
}
