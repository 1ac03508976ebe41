package quarry.server.sql;

import static quarry.server.sql.FunctionDefinition.VARIADIC;
import static quarry.server.sql.FunctionDefinition.scalar;
import static quarry.server.sql.ScalarFunctions.direct;

import java.util.List;

/**
 * JSON, array, object and vector functions. Arrays arrive as DuckDB lists, whose indexes are
 * 1-based like Rockset's; objects as structs or JSON.
 */
final class CollectionFunctions {

    private static final String GEOGRAPHY = "Quarry has no geography type";
    private static final String DYNAMIC_OBJECTS = "objects built from computed keys have no DuckDB representation in Quarry";

    private CollectionFunctions() {
    }

    static List<FunctionDefinition> definitions() {
        return List.of(
                // JSON
                direct("JSON_PARSE", 1, 1, "json"),
                // JSON_FORMAT(null) is the string 'null'; DuckDB's to_json(NULL) is SQL NULL
                scalar("JSON_FORMAT", 1, 1, call -> "coalesce(CAST(to_json(" + call.argument(0) + ") AS VARCHAR), 'null')"),

                // arrays
                direct("ELEMENT_AT", 2, 2, "list_extract"),
                direct("ARRAY_CONTAINS", 2, 2, "list_contains"),
                direct("ARRAY_LENGTH", 1, 1, "len"),
                direct("CARDINALITY", 1, 1, "len"),
                direct("ARRAY_CONCAT", 1, VARIADIC, "list_concat"),
                // keeps the first occurrence of each element in order; DuckDB's list_distinct reorders and drops nulls
                scalar("ARRAY_DISTINCT", 1, 1, call -> "list_filter(" + call.argument(0)
                        + ", lambda __x, __i: list_position(" + call.argument(0) + ", __x) = __i)"),
                // 0 when absent, like Rockset; DuckDB answers null
                scalar("ARRAY_POSITION", 2, 2, call -> "coalesce(list_position(" + call.joined() + "), 0)"),
                // removes every occurrence, nulls kept unless null is the value removed
                scalar("ARRAY_REMOVE", 2, 2, call -> "list_filter(" + call.argument(0)
                        + ", lambda __x: __x IS DISTINCT FROM " + call.argument(1) + ")"),
                scalar("ARRAY_LAST_POSITION", 2, 2, call -> "coalesce(len(" + call.argument(0) + ") + 1 - list_position("
                        + "list_reverse(" + call.argument(0) + "), " + call.argument(1) + "), 0)"),
                scalar("ARRAY_CREATE", 0, VARIADIC, call -> "list_value(" + call.joined() + ")"),
                // SLICE(array, start[, length]): a negative start counts from the end
                scalar("SLICE", 2, 3, CollectionFunctions::slice),
                direct("ARRAY_SORT", 1, 1, "list_sort"),
                direct("ARRAY_REVERSE", 1, 1, "list_reverse"),
                direct("ARRAY_FLATTEN", 1, 1, "flatten"),
                direct("ARRAY_MAX", 1, 1, "list_max"),
                direct("ARRAY_MIN", 1, 1, "list_min"),
                direct("ARRAY_JOIN", 2, 2, "array_to_string"),
                // inclusive bounds in both
                direct("SEQUENCE", 2, 3, "generate_series"),

                // objects
                FunctionDefinition.unsupported("OBJECT", FunctionDefinition.Kind.SCALAR, DYNAMIC_OBJECTS),
                FunctionDefinition.unsupported("MAP_AGG", FunctionDefinition.Kind.AGGREGATE, DYNAMIC_OBJECTS),
                FunctionDefinition.unsupported("ZIP", FunctionDefinition.Kind.SCALAR, DYNAMIC_OBJECTS),
                FunctionDefinition.unsupported("FIELD", FunctionDefinition.Kind.SCALAR,
                        "field references computed from parameters are not resolved yet"),
                scalar("KEYS", 1, 1, call -> "json_keys(to_json(" + call.argument(0) + "))"),

                // vectors
                scalar("VECTOR_ENFORCE", 3, 3, call -> "(CASE WHEN len(" + call.argument(0) + ") = " + call.argument(1)
                        + " THEN " + call.argument(0) + " ELSE error('VECTOR_ENFORCE: the vector does not have '"
                        + " || CAST(" + call.argument(1) + " AS VARCHAR) || ' elements') END)"),
                direct("COSINE_SIM", 2, 2, "list_cosine_similarity"),
                direct("EUCLIDEAN_DIST", 2, 2, "list_distance"),
                direct("DOT_PRODUCT", 2, 2, "list_inner_product"),

                // geography
                FunctionDefinition.unsupported("ST_GEOGPOINT", FunctionDefinition.Kind.SCALAR, GEOGRAPHY),
                FunctionDefinition.unsupported("ST_GEOGFROMTEXT", FunctionDefinition.Kind.SCALAR, GEOGRAPHY),
                FunctionDefinition.unsupported("ST_ASTEXT", FunctionDefinition.Kind.SCALAR, GEOGRAPHY),
                FunctionDefinition.unsupported("ST_DISTANCE", FunctionDefinition.Kind.SCALAR, GEOGRAPHY),
                FunctionDefinition.unsupported("ST_CONTAINS", FunctionDefinition.Kind.SCALAR, GEOGRAPHY),
                FunctionDefinition.unsupported("ST_INTERSECTS", FunctionDefinition.Kind.SCALAR, GEOGRAPHY));
    }

    private static String slice(CallSql call) {
        String array = call.argument(0);
        String start = "(CASE WHEN " + call.argument(1) + " < 0 THEN len(" + array + ") + 1 + " + call.argument(1)
                + " ELSE " + call.argument(1) + " END)";
        String end = call.count() == 3 ? start + " + " + call.argument(2) + " - 1" : "len(" + array + ")";
        return "list_slice(" + array + ", " + start + ", " + end + ")";
    }
}
