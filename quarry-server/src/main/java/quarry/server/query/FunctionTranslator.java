package quarry.server.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import quarry.server.query.ExpressionTranslator.Sql;
import quarry.server.query.Scope.Kind;
import quarry.server.sql.Expression.FunctionCall;
import quarry.server.sql.RocksetFunctions;
import quarry.server.sql.RocksetType;
import quarry.server.sql.InvalidFunctionCallException;

/**
 * Rockset function calls to DuckDB: {@link RocksetFunctions} (the sql package's catalog, see
 * docs/sql-functions.md) checks and renders them, except where the meaning depends on Quarry's
 * storage: TYPEOF (null versus undefined) and collection functions on arrays stored as JSON.
 * An unknown name is {@code function_not_found} at its position.
 */
final class FunctionTranslator {

    private static final RocksetFunctions CATALOG = RocksetFunctions.standard();

    private final ExpressionTranslator expressions;

    FunctionTranslator(ExpressionTranslator expressions) {
        this.expressions = expressions;
    }

    static boolean isAggregateCall(FunctionCall call) {
        return CATALOG.isAggregateCall(call);
    }

    Sql translate(FunctionCall f, Scope scope) {
        String name = f.name().toLowerCase(Locale.ROOT);
        List<Sql> args = expressions.translateAll(f.arguments(), scope);
        String over = f.over().map(w -> expressions.ordering().window(w, scope)).orElse("");
        Sql special = special(name, f, args, scope);
        if (special != null) {
            return over.isEmpty() ? special : Sql.of(special.text() + over, special.kind());
        }
        List<String> parts = new ArrayList<>();
        for (Sql a : args) {
            parts.add(ExpressionTranslator.scalar(a).text());
        }
        String orderBy = f.orderBy().isEmpty() ? "" : expressions.ordering().orderBy(f.orderBy(), scope, null);
        String rendered = CATALOG.render(f, parts, orderBy);
        return Sql.of(rendered + over, kindOf(CATALOG.resultType(name).orElse(null)));
    }

    private static Kind kindOf(RocksetType type) {
        if (type == null) {
            return Kind.OTHER;
        }
        return switch (type) {
            case INT, FLOAT -> Kind.NUMBER;
            case STRING -> Kind.STRING;
            case BOOL -> Kind.BOOL;
            case DATE, DATETIME, TIME, TIMESTAMP -> Kind.TEMPORAL;
            default -> Kind.OTHER;
        };
    }

    /**
     * Calls whose Rockset meaning depends on what Quarry stores: TYPEOF (null versus undefined) and
     * collection functions on arrays held as JSON (the catalog renders them for DuckDB lists).
     */
    private Sql special(String name, FunctionCall f, List<Sql> args, Scope scope) {
        boolean json = !args.isEmpty() && args.get(0).kind() == Kind.JSON;
        return switch (name) {
            case "typeof" -> {
                arity(f, 1);
                yield Sql.of(typeOf(args.get(0)), Kind.STRING);
            }
            case "element_at" -> {
                arity(f, 2);
                yield json ? expressions.subscript(args.get(0), args.get(1)) : null;
            }
            case "array_length", "cardinality", "length" -> {
                arity(f, 1);
                yield json ? Sql.of("CAST(json_array_length(" + args.get(0).text() + ") AS BIGINT)", Kind.NUMBER)
                        : null;
            }
            case "array_contains" -> {
                arity(f, 2);
                yield json ? Sql.of("json_contains(" + args.get(0).text() + ", to_json(" + args.get(1).text() + "))",
                        Kind.BOOL) : null;
            }
            case "array_concat" -> {
                if (args.stream().noneMatch(a -> a.kind() == Kind.JSON)) {
                    yield null;
                }
                List<String> parts = new ArrayList<>();
                for (Sql a : args) {
                    parts.add(a.kind() == Kind.JSON ? "CAST(" + a.text() + " AS JSON[])" : a.text());
                }
                yield Sql.of("list_concat(" + String.join(", ", parts) + ")", Kind.OTHER);
            }
            case "array_distinct" -> {
                arity(f, 1);
                yield json ? Sql.of("list_distinct(CAST(" + args.get(0).text() + " AS JSON[]))", Kind.OTHER) : null;
            }
            case "json_format" -> {
                arity(f, 1);
                yield json ? Sql.of("CAST(" + args.get(0).text() + " AS VARCHAR)", Kind.STRING) : null;
            }
            default -> null;
        };
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
