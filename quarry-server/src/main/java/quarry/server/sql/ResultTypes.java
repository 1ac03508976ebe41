package quarry.server.sql;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Rockset type a function returns when it does not depend on its arguments' types, so a
 * translator knows what a rendered call yields (for instance that {@code ARRAY_AGG} gives an
 * array it may need to encode as JSON). Functions like COALESCE, MIN or DATE_TRUNC are absent.
 */
final class ResultTypes {

    private ResultTypes() {
    }

    static Map<String, RocksetType> byFunction() {
        Map<String, RocksetType> types = new HashMap<>();
        put(types, RocksetType.INT, "REGEXP_INSTR", "COUNT", "COUNT_IF", "APPROX_DISTINCT", "LENGTH", "ARRAY_LENGTH", "CARDINALITY",
                "STRPOS", "ARRAY_POSITION", "ARRAY_LAST_POSITION", "HASH", "UNIX_SECONDS", "UNIX_MILLIS", "UNIX_MICROS", "DATE_DIFF",
                "ROW_NUMBER", "RANK", "DENSE_RANK", "NTILE", "DURATION_SECONDS", "DURATION_MILLIS", "DURATION_MICROS");
        put(types, RocksetType.FLOAT, "AVG", "FLOOR", "CEIL", "CEILING", "TRUNCATE", "TRUNC", "ROUND", "SQRT", "CBRT",
                "EXP", "LN", "LOG10", "LOG2", "POW", "POWER", "RAND", "RANDOM", "PI", "SIN", "COS", "TAN", "ASIN",
                "ACOS", "ATAN", "ATAN2", "DEGREES", "RADIANS", "STDDEV", "STDDEV_SAMP", "STDDEV_POP", "VARIANCE",
                "VAR_SAMP", "VAR_POP", "PERCENT_RANK", "CUME_DIST", "COSINE_SIM", "EUCLIDEAN_DIST", "DOT_PRODUCT");
        put(types, RocksetType.STRING, "LOWER", "UPPER", "CONCAT", "SUBSTR", "SUBSTRING", "TRIM", "LTRIM", "RTRIM",
                "REPLACE", "LPAD", "RPAD", "REGEXP_REPLACE", "REGEXP_EXTRACT", "TYPEOF", "JSON_FORMAT", "TO_HEX",
                "TO_BASE64", "FORMAT", "SPLIT_PART", "CHR", "FORMAT_ISO8601", "FORMAT_TIMESTAMP", "FORMAT_DATETIME", "FORMAT_DATE", "FORMAT_TIME", "TO_CHAR",
                "ARRAY_JOIN");
        put(types, RocksetType.BOOL, "IS_SCALAR", "REGEXP_LIKE", "STARTS_WITH", "ARRAY_CONTAINS", "BOOL_AND", "BOOL_OR", "EVERY",
                "IS_NAN", "IS_FINITE", "IS_INFINITE");
        put(types, RocksetType.BYTES, "SHA256", "SHA1", "MD5", "FROM_HEX", "FROM_BASE64");
        put(types, RocksetType.ARRAY, "ARRAY_CREATE", "SLICE", "SPLIT", "ARRAY_AGG", "ARRAY_CONCAT", "ARRAY_DISTINCT", "ARRAY_REMOVE",
                "ARRAY_SORT", "ARRAY_REVERSE", "ARRAY_FLATTEN", "SEQUENCE", "REGEXP_EXTRACT_ALL", "KEYS",
                "VECTOR_ENFORCE");
        put(types, RocksetType.TIMESTAMP, "CURRENT_TIMESTAMP", "TIMESTAMP_SECONDS", "TO_TIMESTAMP", "TIMESTAMP_MILLIS",
                "TIMESTAMP_MICROS", "PARSE_TIMESTAMP_ISO8601", "PARSE_TIMESTAMP");
        put(types, RocksetType.DATETIME, "DATE_PARSE", "CURRENT_DATETIME", "CONVERT_TIMEZONE", "PARSE_DATETIME_ISO8601", "PARSE_DATETIME", "DATETIME");
        put(types, RocksetType.DATE, "CURRENT_DATE", "PARSE_DATE_ISO8601", "PARSE_DATE", "DATE");
        put(types, RocksetType.TIME, "CURRENT_TIME", "PARSE_TIME_ISO8601", "TIME");
        put(types, RocksetType.MICROSECOND_INTERVAL, "MICROSECONDS", "MILLISECONDS", "SECONDS", "MINUTES", "HOURS",
                "DAYS");
        put(types, RocksetType.MONTH_INTERVAL, "MONTHS", "YEARS");
        return types;
    }

    private static void put(Map<String, RocksetType> types, RocksetType type, String... names) {
        for (String name : List.of(names)) {
            if (types.put(name, type) != null) {
                throw new IllegalStateException("result type given twice for " + name);
            }
        }
    }

    static Optional<RocksetType> of(Map<String, RocksetType> types, String name) {
        return Optional.ofNullable(types.get(name.toUpperCase(Locale.ROOT)));
    }
}
