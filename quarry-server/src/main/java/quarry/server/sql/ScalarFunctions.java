package quarry.server.sql;

import static quarry.server.sql.FunctionDefinition.VARIADIC;
import static quarry.server.sql.FunctionDefinition.scalar;

import java.util.List;

/** Conditional, type, string, math and hash functions. */
final class ScalarFunctions {

    private ScalarFunctions() {
    }

    static List<FunctionDefinition> definitions() {
        return List.of(
                // conditional and type
                direct("COALESCE", 1, VARIADIC, "coalesce"),
                direct("NULLIF", 2, 2, "nullif"),
                scalar("IF", 2, 3, call -> "(CASE WHEN " + call.argument(0) + " THEN " + call.argument(1)
                        + (call.count() == 3 ? " ELSE " + call.argument(2) : "") + " END)"),
                // TRY(x): null instead of an error, like DuckDB's try()
                direct("TRY", 1, 1, "try"),
                scalar("TYPEOF", 1, 1, call -> typeOf(call.argument(0))),
                // true unless an array or an object
                scalar("IS_SCALAR", 1, 1, call -> "(json_type(to_json(" + call.argument(0)
                        + ")) NOT IN ('ARRAY', 'OBJECT'))"),

                // strings
                direct("LOWER", 1, 1, "lower"),
                direct("UPPER", 1, 1, "upper"),
                // LENGTH counts characters of a string and elements of an array
                direct("LENGTH", 1, 1, "length"),
                // Rockset CONCAT is null when any argument is null; DuckDB's concat() skips nulls, || does not
                scalar("CONCAT", 1, VARIADIC, call -> "(" + String.join(" || ", call.arguments()) + ")"),
                direct("SUBSTR", 2, 3, "substr"),
                direct("SUBSTRING", 2, 3, "substr"),
                direct("TRIM", 1, 2, "trim"),
                direct("LTRIM", 1, 2, "ltrim"),
                direct("RTRIM", 1, 2, "rtrim"),
                scalar("REPLACE", 2, 3, call -> "replace(" + call.argument(0) + ", " + call.argument(1) + ", "
                        + (call.count() == 3 ? call.argument(2) : "''") + ")"),
                direct("REVERSE", 1, 1, "reverse"),
                direct("STRPOS", 2, 2, "strpos"),
                direct("STARTS_WITH", 2, 2, "starts_with"),
                scalar("LPAD", 3, 3, call -> "lpad(" + call.argument(0) + ", " + integer(call.argument(1)) + ", "
                        + call.argument(2) + ")"),
                scalar("RPAD", 3, 3, call -> "rpad(" + call.argument(0) + ", " + integer(call.argument(1)) + ", "
                        + call.argument(2) + ")"),
                // Rockset's regular expressions match anywhere in the string, as DuckDB's regexp_matches
                direct("REGEXP_LIKE", 2, 2, "regexp_matches"),
                scalar("REGEXP_REPLACE", 2, 3, call -> "regexp_replace(" + call.argument(0) + ", " + call.argument(1)
                        + ", " + (call.count() == 3 ? call.argument(2) : "''") + ", 'g')"),
                // no match is null in Rockset, '' in DuckDB
                scalar("REGEXP_EXTRACT", 2, 3, call -> "(CASE WHEN regexp_matches(" + call.argument(0) + ", "
                        + call.argument(1) + ") THEN regexp_extract(" + call.argument(0) + ", " + call.argument(1)
                        + (call.count() == 3 ? ", " + integer(call.argument(2)) : "") + ") END)"),
                direct("REGEXP_EXTRACT_ALL", 2, 3, "regexp_extract_all"),
                // Quarry extension, as Snowflake and Redshift have it (dbt_expectations writes it): the
                // 1-based position of the first match at or after position, 0 when none
                scalar("REGEXP_INSTR", 2, 4, ScalarFunctions::regexpInstr),
                // '{}' placeholders in both
                direct("FORMAT", 1, VARIADIC, "format"),
                scalar("SPLIT", 2, 3, ScalarFunctions::split),
                direct("SPLIT_PART", 3, 3, "split_part"),
                scalar("CHR", 1, 1, call -> "chr(" + integer(call.argument(0)) + ")"),

                // math: Rockset returns float unless stated, so rounding functions cast to DOUBLE first
                direct("ABS", 1, 1, "abs"),
                doubleFunction("FLOOR", "floor"),
                doubleFunction("CEIL", "ceil"),
                doubleFunction("CEILING", "ceil"),
                scalar("TRUNCATE", 1, 2, ScalarFunctions::truncate),
                scalar("TRUNC", 1, 2, ScalarFunctions::truncate),
                scalar("ROUND", 1, 2, call -> "round(CAST(" + call.argument(0) + " AS DOUBLE)"
                        + (call.count() == 2 ? ", CAST(" + call.argument(1) + " AS INTEGER)" : "") + ")"),
                doubleFunction("SQRT", "sqrt"),
                doubleFunction("CBRT", "cbrt"),
                doubleFunction("EXP", "exp"),
                doubleFunction("LN", "ln"),
                doubleFunction("LOG10", "log10"),
                doubleFunction("LOG2", "log2"),
                scalar("POW", 2, 2, call -> "pow(CAST(" + call.argument(0) + " AS DOUBLE), " + call.argument(1) + ")"),
                scalar("POWER", 2, 2, call -> "pow(CAST(" + call.argument(0) + " AS DOUBLE), " + call.argument(1) + ")"),
                scalar("MOD", 2, 2, call -> "(" + call.argument(0) + " % " + call.argument(1) + ")"),
                direct("SIGN", 1, 1, "sign"),
                // GREATEST(1, null, 3) is null in Rockset; DuckDB's greatest() skips nulls
                scalar("GREATEST", 1, VARIADIC, call -> nullIfAnyNull(call, "greatest")),
                scalar("LEAST", 1, VARIADIC, call -> nullIfAnyNull(call, "least")),
                scalar("RAND", 0, 0, call -> "random()"),
                scalar("RANDOM", 0, 0, call -> "random()"),
                scalar("PI", 0, 0, call -> "pi()"),
                doubleFunction("SIN", "sin"),
                doubleFunction("COS", "cos"),
                doubleFunction("TAN", "tan"),
                doubleFunction("ASIN", "asin"),
                doubleFunction("ACOS", "acos"),
                doubleFunction("ATAN", "atan"),
                direct("ATAN2", 2, 2, "atan2"),
                doubleFunction("DEGREES", "degrees"),
                doubleFunction("RADIANS", "radians"),
                scalar("IS_NAN", 1, 1, call -> "isnan(CAST(" + call.argument(0) + " AS DOUBLE))"),
                scalar("IS_FINITE", 1, 1, call -> "isfinite(CAST(" + call.argument(0) + " AS DOUBLE))"),
                scalar("IS_INFINITE", 1, 1, call -> "isinf(CAST(" + call.argument(0) + " AS DOUBLE))"),

                // hashes return bytes, as in Rockset; TO_HEX shows them
                scalar("SHA256", 1, 1, call -> "unhex(sha256(" + call.argument(0) + "))"),
                scalar("SHA1", 1, 1, call -> "unhex(sha1(" + call.argument(0) + "))"),
                scalar("MD5", 1, 1, call -> "unhex(md5(" + call.argument(0) + "))"),
                // a 63-bit non-negative int; the values differ from Rockset's own hash
                scalar("HASH", 1, 1, call -> "CAST(hash(" + call.argument(0) + ") >> 1 AS BIGINT)"),
                scalar("TO_HEX", 1, 1, call -> "lower(hex(" + call.argument(0) + "))"),
                direct("FROM_HEX", 1, 1, "unhex"),
                direct("TO_BASE64", 1, 1, "to_base64"),
                direct("FROM_BASE64", 1, 1, "from_base64"));
    }

    /** A function DuckDB has under {@code duckDbName} with the same arguments and meaning. */
    static FunctionDefinition direct(String name, int min, int max, String duckDbName) {
        return scalar(name, min, max, call -> duckDbName + "(" + call.joined() + ")");
    }

    private static FunctionDefinition doubleFunction(String name, String duckDbName) {
        return scalar(name, 1, 1, call -> duckDbName + "(CAST(" + call.argument(0) + " AS DOUBLE))");
    }

    /** DuckDB functions that take INTEGER do not accept Rockset's 64-bit ints without a cast. */
    static String integer(String sql) {
        return "CAST(" + sql + " AS INTEGER)";
    }

    /** SPLIT(s, d[, limit]): with a limit, the last element holds the unsplit rest. */
    private static String split(CallSql call) {
        String parts = "string_split(" + call.argument(0) + ", " + call.argument(1) + ")";
        if (call.count() == 2) {
            return parts;
        }
        String limit = call.argument(2);
        return "(CASE WHEN len(" + parts + ") <= " + limit + " THEN " + parts + " ELSE list_concat(list_slice("
                + parts + ", 1, " + limit + " - 1), [array_to_string(list_slice(" + parts + ", " + limit + ", len("
                + parts + ")), " + call.argument(1) + ")]) END)";
    }

    /** TRUNCATE(x[, d]): toward zero, to d decimals when given. */
    private static String truncate(CallSql call) {
        return "trunc(CAST(" + call.argument(0) + " AS DOUBLE)"
                + (call.count() == 2 ? ", " + integer(call.argument(1)) : "") + ")";
    }

    private static String nullIfAnyNull(CallSql call, String duckDbName) {
        StringBuilder anyNull = new StringBuilder();
        for (String argument : call.arguments()) {
            anyNull.append(anyNull.isEmpty() ? "" : " OR ").append("(").append(argument).append(") IS NULL");
        }
        return "(CASE WHEN " + anyNull + " THEN NULL ELSE " + duckDbName + "(" + call.joined() + ") END)";
    }

    /**
     * Rockset's type name of a value: temporal and bytes types from DuckDB's static type,
     * everything else from the JSON shape of the value, which also covers JSON-typed columns.
     * SQL NULL answers {@code null}; a translator that tracks undefined answers {@code undefined}.
     */
    static String typeOf(String value) {
        String type = "typeof(" + value + ")";
        return "(CASE WHEN (" + value + ") IS NULL THEN 'null'"
                + " WHEN " + type + " = 'DATE' THEN 'date'"
                + " WHEN " + type + " = 'TIME' THEN 'time'"
                + " WHEN " + type + " = 'TIMESTAMP' THEN 'datetime'"
                + " WHEN " + type + " = 'TIMESTAMP WITH TIME ZONE' THEN 'timestamp'"
                + " WHEN " + type + " = 'INTERVAL' THEN 'microsecond_interval'"
                + " WHEN " + type + " = 'BLOB' THEN 'bytes'"
                + " ELSE (CASE json_type(to_json(" + value + "))"
                + " WHEN 'OBJECT' THEN 'object' WHEN 'ARRAY' THEN 'array' WHEN 'VARCHAR' THEN 'string'"
                + " WHEN 'BOOLEAN' THEN 'bool' WHEN 'DOUBLE' THEN 'float' WHEN 'NULL' THEN 'null'"
                + " ELSE 'int' END) END)";
    }

    private static String regexpInstr(CallSql call) {
        if (call.count() > 3 && !call.argument(3).equals("1") && !call.argument(3).equals("CAST(1 AS BIGINT)")) {
            throw new InvalidFunctionCallException("REGEXP_INSTR supports only the first occurrence (occurrence 1).",
                    call.position(3), InvalidFunctionCallException.NOT_SUPPORTED);
        }
        String subject = call.argument(0);
        String pattern = call.argument(1);
        String from = call.count() > 2 ? "CAST(" + call.argument(2) + " AS BIGINT)" : "1";
        String rest = "substr(" + subject + ", " + from + ")";
        return "(CASE WHEN " + subject + " IS NULL OR " + pattern + " IS NULL THEN NULL"
                + " WHEN regexp_matches(" + rest + ", " + pattern + ") THEN " + from + " + length(regexp_extract("
                + rest + ", '(?s)^(.*?)(?:' || " + pattern + " || ')', 1)) ELSE 0 END)";
    }
}
