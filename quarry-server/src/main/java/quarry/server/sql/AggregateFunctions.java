package quarry.server.sql;

import static quarry.server.sql.FunctionDefinition.aggregate;
import static quarry.server.sql.FunctionDefinition.window;

import java.util.List;

/**
 * Aggregates (usable with GROUP BY and with OVER) and window-only functions. Rendered without
 * the OVER clause, which the translator appends.
 */
final class AggregateFunctions {

    private AggregateFunctions() {
    }

    static List<FunctionDefinition> definitions() {
        return List.of(
                aggregate("COUNT", 1, 1, call -> call.call().star() ? "count(*)" : plain(call, "count")),
                // DuckDB sums integers into HUGEINT; the result encoder writes it as a JSON integer
                aggregate("SUM", 1, 1, call -> plain(call, "sum")),
                aggregate("AVG", 1, 1, call -> plain(call, "avg")),
                aggregate("MIN", 1, 1, call -> plain(call, "min")),
                aggregate("MAX", 1, 1, call -> plain(call, "max")),
                aggregate("COUNT_IF", 1, 1, call -> "CAST(" + plain(call, "count_if") + " AS BIGINT)"),
                // the optional second argument (maximum standard error) has no DuckDB counterpart and is ignored
                aggregate("APPROX_DISTINCT", 1, 2, call -> "approx_count_distinct(" + call.argument(0) + ")"),
                aggregate("ARRAY_AGG", 1, 1, call -> plain(call, "array_agg")),
                aggregate("ANY_VALUE", 1, 1, call -> plain(call, "any_value")),
                aggregate("ARBITRARY", 1, 1, call -> plain(call, "any_value")),
                aggregate("BOOL_AND", 1, 1, call -> plain(call, "bool_and")),
                aggregate("BOOL_OR", 1, 1, call -> plain(call, "bool_or")),
                aggregate("EVERY", 1, 1, call -> plain(call, "bool_and")),
                aggregate("MAX_BY", 2, 2, call -> plain(call, "arg_max")),
                aggregate("MIN_BY", 2, 2, call -> plain(call, "arg_min")),
                aggregate("STDDEV", 1, 1, call -> plain(call, "stddev_samp")),
                aggregate("STDDEV_SAMP", 1, 1, call -> plain(call, "stddev_samp")),
                aggregate("STDDEV_POP", 1, 1, call -> plain(call, "stddev_pop")),
                aggregate("VARIANCE", 1, 1, call -> plain(call, "var_samp")),
                aggregate("VAR_SAMP", 1, 1, call -> plain(call, "var_samp")),
                aggregate("VAR_POP", 1, 1, call -> plain(call, "var_pop")),
                aggregate("APPROX_PERCENTILE", 2, 2, call -> "approx_quantile(" + call.argument(0) + ", CAST("
                        + call.argument(1) + " AS FLOAT))"),

                window("ROW_NUMBER", 0, 0, call -> "row_number()"),
                window("RANK", 0, 0, call -> "rank()"),
                window("DENSE_RANK", 0, 0, call -> "dense_rank()"),
                window("PERCENT_RANK", 0, 0, call -> "percent_rank()"),
                window("CUME_DIST", 0, 0, call -> "cume_dist()"),
                window("NTILE", 1, 1, call -> "ntile(" + call.joined() + ")"),
                window("LAG", 1, 3, call -> "lag(" + call.joined() + ")"),
                window("LEAD", 1, 3, call -> "lead(" + call.joined() + ")"),
                window("FIRST_VALUE", 1, 1, call -> "first_value(" + call.joined() + ")"),
                window("LAST_VALUE", 1, 1, call -> "last_value(" + call.joined() + ")"),
                window("NTH_VALUE", 2, 2, call -> "nth_value(" + call.joined() + ")"));
    }

    /** {@code name([DISTINCT] args [ORDER BY …])}. */
    private static String plain(CallSql call, String duckDbName) {
        StringBuilder sql = new StringBuilder(duckDbName).append('(');
        if (call.call().distinct()) {
            sql.append("DISTINCT ");
        }
        sql.append(call.joined());
        if (!call.orderBy().isEmpty()) {
            sql.append(" ORDER BY ").append(call.orderBy());
        }
        return sql.append(')').toString();
    }
}
