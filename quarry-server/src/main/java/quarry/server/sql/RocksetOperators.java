package quarry.server.sql;

import java.util.Locale;
import java.util.Optional;

/**
 * DuckDB SQL for Rockset's operators, literals, casts and the expression forms with their own
 * syntax (EXTRACT, AT TIME ZONE), given operands already translated. Keeps Rockset's meaning:
 * {@code /} between ints divides as ints, literals have Rockset's types, timestamps are
 * instants. The translator handles references, subqueries and null versus undefined.
 */
public final class RocksetOperators {

    private RocksetOperators() {
    }

    /** {@code left op right}, parenthesised. */
    public static String binary(Expression.BinaryOperator operator, String left, String right) {
        String symbol = switch (operator) {
            // int / int is an int in Rockset; DuckDB's // is integer division for ints and plain
            // division as soon as one side is a float
            case DIVIDE -> "//";
            default -> operator.sql();
        };
        return "(" + left + " " + symbol + " " + right + ")";
    }

    public static String unary(Expression.UnaryOperator operator, String operand) {
        return switch (operator) {
            case NEGATE -> "(- " + operand + ")";
            case PLUS -> "(+ " + operand + ")";
            case NOT -> "(NOT " + operand + ")";
        };
    }

    /**
     * A literal with its Rockset type: integers are BIGINT (not DuckDB's INTEGER, which
     * overflows at 2^31), decimals are DOUBLE (not DECIMAL). {@code UNDEFINED} renders as NULL;
     * a translator tracking undefined handles it before calling this.
     */
    public static String literal(Expression.Literal literal) {
        if (literal instanceof Expression.BooleanLiteral b) {
            return b.value() ? "TRUE" : "FALSE";
        }
        if (literal instanceof Expression.IntegerLiteral i) {
            return "CAST(" + i.value() + " AS BIGINT)";
        }
        if (literal instanceof Expression.FloatLiteral f) {
            return floatLiteral(f);
        }
        if (literal instanceof Expression.StringLiteral s) {
            return string(s.value());
        }
        if (literal instanceof Expression.TypedLiteral t) {
            return typedLiteral(t);
        }
        if (literal instanceof Expression.IntervalLiteral i) {
            return interval(i);
        }
        return "NULL"; // NullLiteral and UndefinedLiteral
    }

    private static String floatLiteral(Expression.FloatLiteral literal) {
        if (Double.isInfinite(literal.value())) {
            throw new SqlSyntaxException("Syntax error: number out of range: " + literal.text() + ".", literal.position());
        }
        return "CAST(" + Double.toString(literal.value()) + " AS DOUBLE)";
    }

    private static String typedLiteral(Expression.TypedLiteral literal) {
        String type = switch (literal.type()) {
            case "DATE" -> "DATE";
            case "TIME" -> "TIME";
            case "DATETIME" -> "TIMESTAMP";
            case "TIMESTAMP" -> "TIMESTAMPTZ";
            default -> throw new SqlSyntaxException("Syntax error: unknown literal type " + literal.type() + ".",
                    literal.position());
        };
        return "CAST(" + string(literal.value()) + " AS " + type + ")";
    }

    /** {@code INTERVAL '2' DAY} and friends; the {@code X TO Y} forms are not supported yet. */
    public static String interval(Expression.IntervalLiteral literal) {
        if (literal.toUnit().isPresent()) {
            throw new InvalidFunctionCallException("INTERVAL … " + literal.unit() + " TO " + literal.toUnit().get()
                    + " is not supported by Quarry yet; add single-unit intervals instead.", literal.position(),
                    InvalidFunctionCallException.NOT_SUPPORTED);
        }
        String amount = literal.value().trim();
        if (!amount.matches("-?[0-9]+(\\.[0-9]+)?")) {
            throw new SqlSyntaxException("Syntax error: invalid interval value '" + literal.value() + "'.",
                    literal.position());
        }
        return switch (literal.unit()) {
            case "QUARTER" -> "(INTERVAL 3 MONTH * " + amount + ")";
            case "WEEK" -> "(INTERVAL 7 DAY * " + amount + ")";
            default -> "(INTERVAL 1 " + literal.unit() + " * " + amount + ")";
        };
    }

    /**
     * The Rockset type a {@code CAST} to {@code type} yields, aliases included (also {@code json},
     * and {@code numeric}/{@code decimal}/{@code number}, which are floats here: see {@link #cast}).
     */
    public static RocksetType castType(TypeName type) {
        if (isFixedPoint(type)) {
            return RocksetType.FLOAT;
        }
        return RocksetType.fromName(type.name()).orElseThrow(() -> new InvalidFunctionCallException(
                "Unknown type `" + type.name() + "` in CAST.", type.position(), InvalidFunctionCallException.INVALID_ARGUMENTS));
    }

    /**
     * {@code CAST} or {@code TRY_CAST} to a Rockset type, aliases included. Casting to
     * {@code array}, {@code object} or {@code json} yields JSON. {@code NUMERIC(p, s)} (also DECIMAL,
     * NUMBER), which dbt projects write (jaffle-shop's cents_to_dollars), is a Quarry extension:
     * Rockset has no fixed-point type, so it is a float rounded to the scale (0 for
     * {@code NUMERIC(p)}, none for a bare {@code NUMERIC}).
     */
    public static String cast(String value, TypeName type, boolean safe) {
        String cast = (safe ? "TRY_CAST(" : "CAST(") + value + " AS " + castType(type).duckDbType() + ")";
        if (!isFixedPoint(type) || type.parameters().isEmpty()) {
            return cast;
        }
        long scale = type.parameters().size() > 1 ? type.parameters().get(1) : 0;
        return "round(" + cast + ", " + scale + ")";
    }

    private static boolean isFixedPoint(TypeName type) {
        return switch (type.name().toLowerCase(java.util.Locale.ROOT)) {
            case "numeric", "decimal", "number" -> true;
            default -> false;
        };
    }

    /** {@code EXTRACT(part FROM source)} with Rockset's part meanings (DAYOFWEEK is 1-based, …). */
    public static String extract(Expression.Extract extract, String sourceSql) {
        return TemporalFunctions.extract(extract.part(), sourceSql, extract.position());
    }

    /** {@code value AT TIME ZONE zone}: a datetime becomes a timestamp and the reverse, as in Rockset. */
    public static String atTimeZone(String value, String zone) {
        return "timezone(" + zone + ", " + value + ")";
    }

    /** A SQL string literal. */
    public static String string(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A double-quoted DuckDB identifier: case preserved, any character allowed. */
    public static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** The lower-case Rockset type name of a DuckDB type name, for DESCRIBE and column metadata. */
    public static Optional<String> rocksetTypeOf(String duckDbType) {
        String type = duckDbType.toUpperCase(Locale.ROOT);
        if (type.endsWith("[]") || type.startsWith("LIST")) {
            return Optional.of("array");
        }
        if (type.startsWith("STRUCT") || type.startsWith("MAP")) {
            return Optional.of("object");
        }
        if (type.startsWith("DECIMAL")) {
            return Optional.of("float");
        }
        return Optional.ofNullable(switch (type) {
            case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
                 "UBIGINT", "UHUGEINT" -> "int";
            case "FLOAT", "DOUBLE" -> "float";
            case "BOOLEAN" -> "bool";
            case "VARCHAR" -> "string";
            case "BLOB" -> "bytes";
            case "DATE" -> "date";
            case "TIME" -> "time";
            case "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS" -> "datetime";
            case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ" -> "timestamp";
            case "INTERVAL" -> "microsecond_interval";
            case "\"NULL\"", "NULL" -> "null";
            default -> null;
        });
    }
}
