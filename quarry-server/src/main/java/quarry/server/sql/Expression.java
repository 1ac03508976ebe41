package quarry.server.sql;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Rockset SQL expression. Every node carries the position where it starts; records are
 * immutable, so a translator can switch over them with pattern matching.
 */
public sealed interface Expression {

    SourcePosition position();

    // ---- literals ----

    /** A constant written in the statement. */
    sealed interface Literal extends Expression {
    }

    record NullLiteral(SourcePosition position) implements Literal {
    }

    /** Rockset's {@code UNDEFINED}: the value of a missing field, distinct from {@code NULL} (§5.6). */
    record UndefinedLiteral(SourcePosition position) implements Literal {
    }

    record BooleanLiteral(boolean value, SourcePosition position) implements Literal {
    }

    /** An integer that fits Rockset's {@code int} (int64); larger ones are {@link FloatLiteral}s. */
    record IntegerLiteral(long value, SourcePosition position) implements Literal {
    }

    /** A number with a fraction or exponent: Rockset {@code float}. {@code text} is as written. */
    record FloatLiteral(double value, String text, SourcePosition position) implements Literal {
    }

    record StringLiteral(String value, SourcePosition position) implements Literal {
    }

    /**
     * {@code DATE '…'}, {@code TIME '…'}, {@code DATETIME '…'}, {@code TIMESTAMP '…'}; {@code type}
     * is upper case.
     */
    record TypedLiteral(String type, String value, SourcePosition position) implements Literal {
    }

    /**
     * {@code INTERVAL '1' DAY}, {@code INTERVAL 2 HOUR}, {@code INTERVAL '1:30' HOUR TO MINUTE}:
     * {@code value} as written (without quotes), units upper case.
     */
    record IntervalLiteral(String value, String unit, Optional<String> toUnit, SourcePosition position)
            implements Literal {
    }

    // ---- references ----

    /**
     * A dotted path of names: {@code a}, {@code t.a}, {@code a.b.c}. Whether the first part is a
     * relation alias or a field is for the translator to decide from the FROM clause.
     */
    record FieldReference(List<Identifier> path, SourcePosition position) implements Expression {
        public FieldReference {
            path = List.copyOf(path);
            if (path.isEmpty()) {
                throw new IllegalArgumentException("empty field path");
            }
        }

        public Identifier last() {
            return path.get(path.size() - 1);
        }
    }

    /** {@code expr.field} on something that is not a plain path, e.g. {@code a[1].b}. */
    record FieldAccess(Expression base, Identifier field, SourcePosition position) implements Expression {
    }

    /** {@code base[index]}; Rockset array indexes are 1-based. */
    record Subscript(Expression base, Expression index, SourcePosition position) implements Expression {
    }

    /** {@code :name} or {@code :1}; {@code name} is without the colon. */
    record Parameter(String name, SourcePosition position) implements Expression {
        public boolean positional() {
            return name.chars().allMatch(Character::isDigit);
        }
    }

    // ---- operators ----

    enum UnaryOperator { NEGATE, PLUS, NOT }

    record Unary(UnaryOperator operator, Expression operand, SourcePosition position) implements Expression {
    }

    enum BinaryOperator {
        OR("OR"), AND("AND"),
        EQUAL("="), NOT_EQUAL("<>"), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">="),
        CONCAT("||"), ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), MODULO("%");

        private final String sql;

        BinaryOperator(String sql) {
            this.sql = sql;
        }

        /** The operator as standard SQL (and DuckDB) writes it. */
        public String sql() {
            return sql;
        }

        public boolean isComparison() {
            return ordinal() >= EQUAL.ordinal() && ordinal() <= GREATER_OR_EQUAL.ordinal();
        }
    }

    record Binary(BinaryOperator operator, Expression left, Expression right, SourcePosition position)
            implements Expression {
    }

    /** {@code x IS [NOT] NULL}: true for null and for undefined (§5.6). */
    record IsNull(Expression value, boolean negated, SourcePosition position) implements Expression {
    }

    /** {@code x IS [NOT] UNDEFINED}: true only for undefined. */
    record IsUndefined(Expression value, boolean negated, SourcePosition position) implements Expression {
    }

    record IsDistinctFrom(Expression left, Expression right, boolean negated, SourcePosition position)
            implements Expression {
    }

    record Between(Expression value, Expression low, Expression high, boolean negated, SourcePosition position)
            implements Expression {
    }

    record InList(Expression value, List<Expression> items, boolean negated, SourcePosition position)
            implements Expression {
        public InList {
            items = List.copyOf(items);
        }
    }

    record InSubquery(Expression value, Query query, boolean negated, SourcePosition position)
            implements Expression {
    }

    record Like(Expression value, Expression pattern, Optional<Expression> escape, boolean negated,
                SourcePosition position) implements Expression {
    }

    // ---- conditionals, casts, calls ----

    record WhenClause(Expression condition, Expression result, SourcePosition position) {
    }

    /** Simple ({@code CASE x WHEN 1 THEN …}) when {@code operand} is present, else searched. */
    record Case(Optional<Expression> operand, List<WhenClause> whens, Optional<Expression> otherwise,
                SourcePosition position) implements Expression {
        public Case {
            whens = List.copyOf(whens);
        }
    }

    /** {@code CAST(x AS type)}, or {@code TRY_CAST} (null instead of an error) when {@code safe}. */
    record Cast(Expression value, TypeName type, boolean safe, SourcePosition position) implements Expression {
    }

    /**
     * A function call, {@code name} as written ({@code COUNT}, {@code _script.f}). {@code star} is
     * {@code COUNT(*)}; {@code parenthesized} is false for {@code CURRENT_TIMESTAMP} written
     * without {@code ()}; {@code orderBy} is an aggregate's {@code ARRAY_AGG(x ORDER BY y)};
     * {@code over} makes it a window function call. {@code position} is the name's position.
     */
    record FunctionCall(String name, List<Expression> arguments, boolean distinct, boolean star,
                        boolean parenthesized, List<SortItem> orderBy, Optional<WindowSpec> over,
                        SourcePosition position) implements Expression {
        public FunctionCall {
            Objects.requireNonNull(name, "name");
            arguments = List.copyOf(arguments);
            orderBy = List.copyOf(orderBy);
            Objects.requireNonNull(over, "over");
        }
    }

    /** {@code EXTRACT(part FROM source)}; {@code part} upper case ({@code YEAR}, {@code DAY}, …). */
    record Extract(String part, Expression source, SourcePosition position) implements Expression {
    }

    /** {@code value AT TIME ZONE zone}. */
    record AtTimeZone(Expression value, Expression zone, SourcePosition position) implements Expression {
    }

    record Exists(Query query, SourcePosition position) implements Expression {
    }

    /** A parenthesised query used as a value. */
    record ScalarSubquery(Query query, SourcePosition position) implements Expression {
    }

    /** {@code ARRAY[a, b]} or {@code [a, b]}. */
    record ArrayConstructor(List<Expression> elements, SourcePosition position) implements Expression {
        public ArrayConstructor {
            elements = List.copyOf(elements);
        }
    }
}
