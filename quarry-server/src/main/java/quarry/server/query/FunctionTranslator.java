package quarry.server.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import quarry.server.query.ExpressionTranslator.Sql;
import quarry.server.query.Scope.Kind;
import quarry.server.sql.Expression.FunctionCall;
import quarry.server.sql.FunctionNotFoundException;
import quarry.server.sql.InvalidFunctionCallException;

/**
 * Rockset functions (spec §5.8) to DuckDB: same-name functions pass through, renamed ones are
 * renamed, and those whose semantics differ (1-based JSON arrays, TYPEOF, IF, timestamps from
 * epoch numbers) are rewritten. An unknown name is {@code function_not_found} at its position.
 * docs/server.md lists what is not supported yet.
 */
final class FunctionTranslator {

    /** Rockset name (lower case) to the DuckDB function of the same meaning. */
    private static final Map<String, String> SAME = Map.ofEntries(
            Map.entry("count", "count"), Map.entry("sum", "sum"), Map.entry("avg", "avg"), Map.entry("min", "min"),
            Map.entry("max", "max"), Map.entry("count_if", "count_if"), Map.entry("approx_distinct",
                    "approx_count_distinct"), Map.entry("array_agg", "array_agg"), Map.entry("stddev", "stddev"),
            Map.entry("stddev_samp", "stddev_samp"), Map.entry("stddev_pop", "stddev_pop"), Map.entry("variance",
                    "variance"), Map.entry("bool_and", "bool_and"), Map.entry("bool_or", "bool_or"),
            Map.entry("every", "bool_and"), Map.entry("arbitrary", "any_value"), Map.entry("any_value", "any_value"),
            Map.entry("coalesce", "coalesce"), Map.entry("nullif", "nullif"), Map.entry("greatest", "greatest"),
            Map.entry("least", "least"), Map.entry("lower", "lower"), Map.entry("upper", "upper"),
            Map.entry("concat", "concat"), Map.entry("substr", "substr"), Map.entry("substring", "substr"),
            Map.entry("trim", "trim"), Map.entry("ltrim", "ltrim"), Map.entry("rtrim", "rtrim"),
            Map.entry("replace", "replace"), Map.entry("starts_with", "starts_with"), Map.entry("strpos", "strpos"),
            Map.entry("lpad", "lpad"), Map.entry("rpad", "rpad"), Map.entry("reverse", "reverse"),
            Map.entry("regexp_like", "regexp_matches"), Map.entry("regexp_replace", "regexp_replace"),
            Map.entry("regexp_extract", "regexp_extract"), Map.entry("split", "string_split"),
            Map.entry("sha256", "sha256"), Map.entry("md5", "md5"), Map.entry("hash", "hash"),
            Map.entry("abs", "abs"), Map.entry("round", "round"), Map.entry("floor", "floor"), Map.entry("ceil", "ceil"),
            Map.entry("ceiling", "ceil"), Map.entry("sqrt", "sqrt"), Map.entry("pow", "pow"),
            Map.entry("power", "pow"), Map.entry("ln", "ln"), Map.entry("log10", "log10"), Map.entry("log2", "log2"),
            Map.entry("exp", "exp"), Map.entry("mod", "mod"), Map.entry("sign", "sign"), Map.entry("random", "random"),
            Map.entry("row_number", "row_number"), Map.entry("rank", "rank"), Map.entry("dense_rank", "dense_rank"),
            Map.entry("percent_rank", "percent_rank"), Map.entry("cume_dist", "cume_dist"), Map.entry("ntile", "ntile"),
            Map.entry("lag", "lag"), Map.entry("lead", "lead"), Map.entry("first_value", "first_value"),
            Map.entry("last_value", "last_value"), Map.entry("nth_value", "nth_value"),
            Map.entry("date_diff", "date_diff"), Map.entry("array_distinct", "list_distinct"),
            Map.entry("array_sort", "list_sort"), Map.entry("array_max", "list_max"), Map.entry("array_min", "list_min"),
            Map.entry("array_join", "array_to_string"), Map.entry("uuid", "uuid"), Map.entry("length", "length"),
            Map.entry("chr", "chr"), Map.entry("levenshtein", "levenshtein"));

    private static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max", "count_if",
            "approx_distinct", "array_agg", "stddev", "stddev_samp", "stddev_pop", "variance", "bool_and", "bool_or",
            "every", "arbitrary", "any_value", "map_agg", "max_by", "min_by");

    private final ExpressionTranslator expressions;

    FunctionTranslator(ExpressionTranslator expressions) {
        this.expressions = expressions;
    }

    static boolean isAggregate(String name) {
        return AGGREGATES.contains(name.toLowerCase(Locale.ROOT));
    }

    Sql translate(FunctionCall f, Scope scope) {
        String name = f.name().toLowerCase(Locale.ROOT);
        List<Sql> args = expressions.translateAll(f.arguments(), scope);
        String over = f.over().map(w -> expressions.window(w, scope)).orElse("");
        Sql special = special(name, f, args, scope);
        if (special != null) {
            return over.isEmpty() ? special : Sql.of(special.text() + over, special.kind());
        }
        String duck = SAME.get(name);
        if (duck == null) {
            throw new FunctionNotFoundException(f.name(), f.position());
        }
        StringBuilder sb = new StringBuilder(duck).append('(');
        if (f.distinct()) {
            sb.append("DISTINCT ");
        }
        if (f.star()) {
            sb.append('*');
        } else {
            List<String> parts = new ArrayList<>();
            for (Sql a : args) {
                parts.add(ExpressionTranslator.scalar(a).text());
            }
            sb.append(String.join(", ", parts));
        }
        if (!f.orderBy().isEmpty()) {
            sb.append(" ORDER BY ").append(expressions.orderBy(f.orderBy(), scope, null));
        }
        sb.append(')').append(over);
        return Sql.of(sb.toString(), kindOf(name));
    }

    private static Kind kindOf(String name) {
        return switch (name) {
            case "count", "sum", "avg", "count_if", "approx_distinct", "abs", "round", "floor", "ceil", "ceiling",
                    "sqrt", "pow", "power", "ln", "log10", "log2", "exp", "mod", "sign", "row_number", "rank",
                    "dense_rank", "ntile", "length", "strpos", "date_diff" -> Kind.NUMBER;
            case "lower", "upper", "concat", "substr", "substring", "trim", "ltrim", "rtrim", "replace", "sha256", "md5",
                    "lpad", "rpad", "reverse", "regexp_replace", "regexp_extract", "array_join" -> Kind.STRING;
            case "regexp_like", "starts_with", "bool_and", "bool_or", "every" -> Kind.BOOL;
            default -> Kind.OTHER;
        };
    }

    private Sql special(String name, FunctionCall f, List<Sql> args, Scope scope) {
        return switch (name) {
            case "if" -> {
                arity(f, 3);
                yield Sql.of("(CASE WHEN " + args.get(0).text() + " THEN " + args.get(1).text() + " ELSE "
                        + args.get(2).text() + " END)", args.get(1).kind());
            }
            case "try" -> {
                arity(f, 1);
                yield Sql.of("TRY(" + args.get(0).text() + ")", args.get(0).kind());
            }
            case "typeof" -> {
                arity(f, 1);
                yield Sql.of(typeOf(args.get(0)), Kind.STRING);
            }
            case "current_timestamp", "now" -> Sql.of("current_timestamp", Kind.TEMPORAL);
            case "current_date" -> Sql.of("current_date", Kind.TEMPORAL);
            case "current_datetime", "localtimestamp" -> Sql.of("current_localtimestamp()", Kind.TEMPORAL);
            case "current_time", "localtime" -> Sql.of("current_localtime()", Kind.TEMPORAL);
            case "date_trunc" -> {
                arity(f, 2);
                yield Sql.of("date_trunc(lower(" + args.get(0).text() + "), " + args.get(1).text() + ")", Kind.TEMPORAL);
            }
            case "timestamp_millis" -> one(f, args, "CAST(epoch_ms(CAST(%s AS BIGINT)) AS TIMESTAMPTZ)", Kind.TEMPORAL);
            case "timestamp_micros" -> one(f, args, "CAST(make_timestamp(CAST(%s AS BIGINT)) AS TIMESTAMPTZ)",
                    Kind.TEMPORAL);
            case "timestamp_seconds" -> one(f, args, "to_timestamp(%s)", Kind.TEMPORAL);
            case "unix_millis" -> one(f, args, "epoch_ms(%s)", Kind.NUMBER);
            case "unix_micros" -> one(f, args, "epoch_us(%s)", Kind.NUMBER);
            case "unix_seconds" -> one(f, args, "CAST(epoch(%s) AS BIGINT)", Kind.NUMBER);
            case "parse_timestamp_iso8601" -> one(f, args, "CAST(%s AS TIMESTAMPTZ)", Kind.TEMPORAL);
            case "parse_datetime_iso8601" -> one(f, args, "CAST(%s AS TIMESTAMP)", Kind.TEMPORAL);
            case "format_iso8601" -> one(f, args, "strftime(CAST(%s AS TIMESTAMPTZ), '%%Y-%%m-%%dT%%H:%%M:%%S.%%fZ')",
                    Kind.STRING);
            case "json_parse" -> one(f, args, "json(%s)", Kind.JSON);
            case "json_format" -> {
                arity(f, 1);
                Sql a = args.get(0);
                yield Sql.of(a.kind() == Kind.JSON ? "CAST(" + a.text() + " AS VARCHAR)"
                        : "CAST(to_json(" + a.text() + ") AS VARCHAR)", Kind.STRING);
            }
            case "element_at" -> {
                arity(f, 2);
                yield expressions.subscript(args.get(0), args.get(1));
            }
            case "array_length", "cardinality" -> {
                arity(f, 1);
                Sql a = args.get(0);
                yield Sql.of(a.kind() == Kind.JSON ? "CAST(json_array_length(" + a.text() + ") AS BIGINT)"
                        : "len(" + a.text() + ")", Kind.NUMBER);
            }
            case "array_contains" -> {
                arity(f, 2);
                Sql a = args.get(0);
                yield Sql.of(a.kind() == Kind.JSON ? "json_contains(" + a.text() + ", to_json(" + args.get(1).text()
                        + "))" : "list_contains(" + a.text() + ", " + args.get(1).text() + ")", Kind.BOOL);
            }
            case "array_concat" -> {
                List<String> parts = new ArrayList<>();
                for (Sql a : args) {
                    parts.add(a.kind() == Kind.JSON ? "CAST(" + a.text() + " AS JSON[])" : a.text());
                }
                yield Sql.of("list_concat(" + String.join(", ", parts) + ")", Kind.OTHER);
            }
            case "log" -> Sql.of(args.size() == 2 ? "(ln(" + args.get(1).text() + ") / ln(" + args.get(0).text() + "))"
                    : "ln(" + args.get(0).text() + ")", Kind.NUMBER);
            default -> null;
        };
    }

    private static Sql one(FunctionCall f, List<Sql> args, String template, Kind kind) {
        arity(f, 1);
        return Sql.of(String.format(Locale.ROOT, template, ExpressionTranslator.scalar(args.get(0)).text()), kind);
    }

    private static void arity(FunctionCall f, int n) {
        if (f.arguments().size() != n) {
            throw new InvalidFunctionCallException("Function `" + f.name() + "` takes " + n + " argument"
                    + (n == 1 ? "" : "s") + ", got " + f.arguments().size() + ".", f.position(),
                    InvalidFunctionCallException.INVALID_ARGUMENTS);
        }
    }

    private String typeOf(Sql v) {
        String undefined = expressions.undefinedTest(v, false);
        String whenNull = "CASE WHEN " + undefined + " THEN 'undefined' ELSE 'null' END";
        String type;
        if (v.kind() == Kind.JSON) {
            type = "CASE json_type(" + v.text() + ") WHEN 'BIGINT' THEN 'int' WHEN 'UBIGINT' THEN 'int'"
                    + " WHEN 'DOUBLE' THEN 'float' WHEN 'VARCHAR' THEN 'string' WHEN 'BOOLEAN' THEN 'bool'"
                    + " WHEN 'OBJECT' THEN 'object' WHEN 'ARRAY' THEN 'array' WHEN 'NULL' THEN 'null'"
                    + " ELSE lower(json_type(" + v.text() + ")) END";
        } else {
            type = "CASE WHEN typeof(" + v.text() + ") IN ('BIGINT','INTEGER','SMALLINT','TINYINT','HUGEINT',"
                    + "'UBIGINT','UINTEGER') THEN 'int' WHEN typeof(" + v.text() + ") IN ('DOUBLE','FLOAT')"
                    + " OR typeof(" + v.text() + ") LIKE 'DECIMAL%' THEN 'float'"
                    + " WHEN typeof(" + v.text() + ") = 'VARCHAR' THEN 'string'"
                    + " WHEN typeof(" + v.text() + ") = 'BOOLEAN' THEN 'bool'"
                    + " WHEN typeof(" + v.text() + ") = 'DATE' THEN 'date'"
                    + " WHEN typeof(" + v.text() + ") = 'TIME' THEN 'time'"
                    + " WHEN typeof(" + v.text() + ") = 'TIMESTAMP' THEN 'datetime'"
                    + " WHEN typeof(" + v.text() + ") = 'TIMESTAMP WITH TIME ZONE' THEN 'timestamp'"
                    + " WHEN typeof(" + v.text() + ") LIKE '%[]' THEN 'array'"
                    + " WHEN typeof(" + v.text() + ") LIKE 'STRUCT%' THEN 'object'"
                    + " WHEN typeof(" + v.text() + ") = 'BLOB' THEN 'bytes'"
                    + " WHEN typeof(" + v.text() + ") LIKE 'INTERVAL%' THEN 'microsecond_interval'"
                    + " ELSE lower(typeof(" + v.text() + ")) END";
        }
        return "(CASE WHEN " + v.text() + " IS NULL THEN " + whenNull + " ELSE " + type + " END)";
    }
}
