package quarry.server.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import quarry.server.query.Scope.Column;
import quarry.server.query.Scope.Kind;
import quarry.server.sql.Expression;
import quarry.server.sql.Expression.Binary;
import quarry.server.sql.Expression.FieldReference;
import quarry.server.sql.Identifier;
import quarry.server.sql.RocksetOperators;
import quarry.server.sql.SourcePosition;

/**
 * Rockset SQL expressions to DuckDB SQL: field references resolved case-sensitively against the
 * field catalog, 1-based array subscripts on JSON, undefined versus null, typed literals and
 * parameters, and function calls through {@link FunctionTranslator}.
 */
final class ExpressionTranslator {

    /** A translated expression: its SQL, static kind, and when it is a bare field its column. */
    record Sql(String text, Kind kind, Column field) {
        static Sql of(String text, Kind kind) {
            return new Sql(text, kind, null);
        }
    }

    private final TranslationContext context;
    private final QueryTranslator queries;
    private final FunctionTranslator functions;
    private final OrderingTranslator ordering;

    ExpressionTranslator(TranslationContext context, QueryTranslator queries) {
        this.context = context;
        this.queries = queries;
        this.functions = new FunctionTranslator(this);
        this.ordering = new OrderingTranslator(this);
    }

    /** Window specs, ORDER BY items, and numbers used as ordinals, limits and frame offsets. */
    OrderingTranslator ordering() {
        return ordering;
    }

    Sql translate(Expression e, Scope scope) {
        if (e instanceof Expression.NullLiteral) {
            return Sql.of("NULL", Kind.OTHER);
        }
        if (e instanceof Expression.UndefinedLiteral) {
            return new Sql("NULL", Kind.OTHER, new Column("", "NULL", Kind.OTHER, null));
        }
        if (e instanceof Expression.BooleanLiteral b) {
            return Sql.of(b.value() ? "true" : "false", Kind.BOOL);
        }
        if (e instanceof Expression.IntegerLiteral i) {
            return Sql.of("CAST(" + i.value() + " AS BIGINT)", Kind.NUMBER);
        }
        if (e instanceof Expression.FloatLiteral f) {
            return Sql.of("CAST(" + f.text() + " AS DOUBLE)", Kind.NUMBER);
        }
        if (e instanceof Expression.StringLiteral s) {
            return Sql.of(TranslationContext.literal(s.value()), Kind.STRING);
        }
        if (e instanceof Expression.TypedLiteral t) {
            return typedLiteral(t.type(), t.value(), t.position());
        }
        if (e instanceof Expression.IntervalLiteral i) {
            return Sql.of("INTERVAL " + TranslationContext.literal(i.value()) + " "
                    + i.unit(), Kind.OTHER);
        }
        if (e instanceof FieldReference f) {
            return field(f, scope);
        }
        if (e instanceof Expression.FieldAccess fa) {
            return nested(translate(fa.base(), scope), fa.field().name());
        }
        if (e instanceof Expression.Subscript s) {
            return subscript(translate(s.base(), scope), translate(s.index(), scope));
        }
        if (e instanceof Expression.Parameter p) {
            return Parameters.bind(p, context.parameters);
        }
        if (e instanceof Expression.Unary u) {
            return unary(u, scope);
        }
        if (e instanceof Binary b) {
            return binary(b, scope);
        }
        if (e instanceof Expression.IsNull n) {
            return Sql.of("(" + translate(n.value(), scope).text() + (n.negated() ? " IS NOT NULL)"
                    : " IS NULL)"), Kind.BOOL);
        }
        if (e instanceof Expression.IsUndefined u) {
            return Sql.of(undefinedTest(translate(u.value(), scope), u.negated()), Kind.BOOL);
        }
        if (e instanceof Expression.IsDistinctFrom d) {
            return Sql.of("(" + translate(d.left(), scope).text()
                    + (d.negated() ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ")
                    + translate(d.right(), scope).text() + ")", Kind.BOOL);
        }
        if (e instanceof Expression.Between b) {
            return between(b, scope);
        }
        if (e instanceof Expression.InList in) {
            return inList(in, scope);
        }
        if (e instanceof Expression.InSubquery in) {
            return Sql.of("(" + scalar(translate(in.value(), scope)).text()
                    + (in.negated() ? " NOT IN (" : " IN (") + queries.subquery(in.query(), scope).sql() + "))", Kind.BOOL);
        }
        if (e instanceof Expression.Like l) {
            return like(l, scope);
        }
        if (e instanceof Expression.Case c) {
            return caseWhen(c, scope);
        }
        if (e instanceof Expression.Cast c) {
            return cast(c, scope);
        }
        if (e instanceof Expression.FunctionCall f) {
            return functions.translate(f, scope);
        }
        if (e instanceof Expression.Extract x) {
            return Sql.of("extract(" + x.part() + " FROM " + translate(x.source(), scope).text()
                    + ")", Kind.NUMBER);
        }
        if (e instanceof Expression.AtTimeZone z) {
            return Sql.of("timezone(" + translate(z.zone(), scope).text() + ", "
                    + translate(z.value(), scope).text() + ")", Kind.TEMPORAL);
        }
        if (e instanceof Expression.Exists x) {
            return Sql.of("(EXISTS (" + queries.subquery(x.query(), scope).sql() + "))", Kind.BOOL);
        }
        if (e instanceof Expression.ScalarSubquery q) {
            return Sql.of("(" + queries.subquery(q.query(), scope).sql() + ")", Kind.OTHER);
        }
        if (e instanceof Expression.ArrayConstructor a) {
            return array(a, scope);
        }
        throw new IllegalStateException("unexpected expression " + e);
    }

    List<Sql> translateAll(List<Expression> expressions, Scope scope) {
        List<Sql> out = new ArrayList<>();
        for (Expression e : expressions) {
            out.add(translate(e, scope));
        }
        return out;
    }

    // ---- fields

    private Sql field(FieldReference f, Scope scope) {
        List<Identifier> path = f.path();
        if (path.size() >= 2) {
            for (Scope s = scope; s != null; s = s.parent) {
                for (Scope.Relation r : s.relations) {
                    if (path.get(0).name().equals(r.alias())) {
                        Sql base = column(r, path.get(1).name());
                        return rest(base, path.subList(2, path.size()));
                    }
                }
            }
        }
        String name = path.get(0).name();
        Scope.Relation open = null;
        for (Scope s = scope; s != null; s = s.parent) {
            for (Scope.Relation r : s.relations) {
                Column c = r.column(name);
                if (c != null) {
                    return rest(new Sql(c.sql(), c.kind(), c), path.subList(1, path.size()));
                }
                if (open == null && r.collection()) {
                    open = r;
                }
            }
        }
        // a field no document ever had: undefined
        Column undefined = new Column(name, "NULL", Kind.OTHER, open == null ? null : open.nullsSql());
        return new Sql("NULL", Kind.OTHER, undefined);
    }

    private static Sql column(Scope.Relation r, String name) {
        Column c = r.column(name);
        if (c == null) {
            return new Sql("NULL", Kind.OTHER, new Column(name, "NULL", Kind.OTHER, r.nullsSql()));
        }
        return new Sql(c.sql(), c.kind(), c);
    }

    private Sql rest(Sql base, List<Identifier> rest) {
        Sql current = base;
        for (Identifier id : rest) {
            current = nested(current, id.name());
        }
        return current;
    }

    private static Sql nested(Sql base, String name) {
        if (base.kind() == Kind.JSON) {
            return Sql.of("(" + base.text() + " -> " + TranslationContext.literal("$." + TranslationContext.quote(name))
                    + ")", Kind.JSON);
        }
        if (base.kind() == Kind.OTHER && !"NULL".equals(base.text())) {
            return Sql.of("(" + base.text() + ")." + TranslationContext.quote(name), Kind.OTHER);
        }
        return Sql.of("NULL", Kind.OTHER);
    }

    Sql subscript(Sql base, Sql index) {
        if (base.kind() == Kind.JSON) {
            return Sql.of("(" + base.text() + " -> CAST((" + index.text() + ") - 1 AS BIGINT))", Kind.JSON);
        }
        return Sql.of("(" + base.text() + ")[" + index.text() + "]", Kind.OTHER);
    }

    String undefinedTest(Sql value, boolean negated) {
        String test;
        if (value.field() != null && value.field().nullsSql() != null) {
            test = "(" + value.text() + " IS NULL AND NOT coalesce(list_contains(" + value.field().nullsSql() + ", "
                    + TranslationContext.literal(value.field().name()) + "), false))";
        } else if (value.field() != null || value.kind() == Kind.JSON) {
            // a missing field, or a missing key / index inside JSON (a JSON null is not SQL NULL there)
            test = "(" + value.text() + " IS NULL)";
        } else {
            test = "false"; // any other SQL NULL is a null value
        }
        return negated ? "(NOT " + test + ")" : test;
    }

    // ---- literals and parameters

    static Sql typedLiteral(String type, String value, SourcePosition position) {
        String v = TranslationContext.literal(value);
        return switch (type.toUpperCase(Locale.ROOT)) {
            case "DATE" -> Sql.of("DATE " + v, Kind.TEMPORAL);
            case "TIME" -> Sql.of("TIME " + v, Kind.TEMPORAL);
            case "DATETIME" -> Sql.of("CAST(" + v + " AS TIMESTAMP)", Kind.TEMPORAL);
            case "TIMESTAMP" -> Sql.of("CAST(" + v + " AS TIMESTAMPTZ)", Kind.TEMPORAL);
            default -> throw QueryException.sql("Unknown literal type " + type, position.line(), position.column(),
                    null);
        };
    }

    // ---- operators

    private Sql unary(Expression.Unary u, Scope scope) {
        Sql v = translate(u.operand(), scope);
        return switch (u.operator()) {
            case NEGATE -> Sql.of("(-" + scalar(v).text() + ")", Kind.NUMBER);
            case PLUS -> Sql.of("(+" + scalar(v).text() + ")", Kind.NUMBER);
            case NOT -> Sql.of("(NOT " + v.text() + ")", Kind.BOOL);
        };
    }

    private Sql binary(Binary b, Scope scope) {
        Sql l = translate(b.left(), scope);
        Sql r = translate(b.right(), scope);
        if (b.operator().isComparison()) {
            l = coerce(l, r.kind());
            r = coerce(r, l.kind());
            return Sql.of("(" + l.text() + " " + b.operator().sql() + " " + r.text() + ")", Kind.BOOL);
        }
        return switch (b.operator()) {
            case AND, OR -> Sql.of("(" + l.text() + " " + b.operator().sql() + " " + r.text() + ")", Kind.BOOL);
            case CONCAT -> Sql.of("(" + coerce(l, Kind.STRING).text() + " || " + coerce(r, Kind.STRING).text() + ")",
                    Kind.STRING);
            // int / int is an int in Rockset; DuckDB's // divides exactly as soon as one side is a float
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO -> Sql.of("(" + coerce(l, Kind.NUMBER).text() + " "
                    + (b.operator() == Expression.BinaryOperator.DIVIDE ? "//" : b.operator().sql()) + " "
                    + coerce(r, Kind.NUMBER).text() + ")",
                    l.kind() == Kind.TEMPORAL || r.kind() == Kind.TEMPORAL ? Kind.TEMPORAL : Kind.NUMBER);
            default -> throw new IllegalStateException("unexpected operator " + b.operator());
        };
    }

    /** A JSON value compared with a string, number or bool is read as that type. */
    static Sql coerce(Sql value, Kind other) {
        if (value.kind() != Kind.JSON) {
            return value;
        }
        String text = "json_extract_string(" + value.text() + ", '$')";
        return switch (other) {
            case STRING -> new Sql(text, Kind.STRING, value.field());
            case NUMBER -> new Sql("TRY_CAST(" + text + " AS DOUBLE)", Kind.NUMBER, value.field());
            case BOOL -> new Sql("TRY_CAST(" + text + " AS BOOLEAN)", Kind.BOOL, value.field());
            default -> value;
        };
    }

    /** A JSON value used where a scalar is expected, read as its text. */
    static Sql scalar(Sql value) {
        return value.kind() == Kind.JSON ? coerce(value, Kind.STRING) : value;
    }

    private Sql between(Expression.Between b, Scope scope) {
        Sql low = translate(b.low(), scope);
        Sql v = coerce(translate(b.value(), scope), low.kind());
        return Sql.of("(" + v.text() + (b.negated() ? " NOT BETWEEN " : " BETWEEN ") + low.text() + " AND "
                + translate(b.high(), scope).text() + ")", Kind.BOOL);
    }

    private Sql inList(Expression.InList in, Scope scope) {
        List<Sql> items = translateAll(in.items(), scope);
        Sql v = translate(in.value(), scope);
        if (!items.isEmpty()) {
            v = coerce(v, items.get(0).kind());
        }
        return Sql.of("(" + v.text() + (in.negated() ? " NOT IN (" : " IN (")
                + String.join(", ", items.stream().map(Sql::text).toList()) + "))", Kind.BOOL);
    }

    private Sql like(Expression.Like l, Scope scope) {
        String text = "(" + scalar(translate(l.value(), scope)).text() + (l.negated() ? " NOT LIKE " : " LIKE ")
                + translate(l.pattern(), scope).text();
        if (l.escape().isPresent()) {
            text += " ESCAPE " + translate(l.escape().get(), scope).text();
        }
        return Sql.of(text + ")", Kind.BOOL);
    }

    private Sql caseWhen(Expression.Case c, Scope scope) {
        StringBuilder sb = new StringBuilder("CASE");
        Kind kind = null;
        if (c.operand().isPresent()) {
            sb.append(' ').append(scalar(translate(c.operand().get(), scope)).text());
        }
        for (Expression.WhenClause w : c.whens()) {
            Sql result = translate(w.result(), scope);
            kind = kind == null ? result.kind() : (kind == result.kind() ? kind : Kind.OTHER);
            sb.append(" WHEN ").append(translate(w.condition(), scope).text()).append(" THEN ").append(result.text());
        }
        if (c.otherwise().isPresent()) {
            sb.append(" ELSE ").append(translate(c.otherwise().get(), scope).text());
        }
        return Sql.of(sb.append(" END").toString(), kind == null ? Kind.OTHER : kind);
    }

    private Sql cast(Expression.Cast c, Scope scope) {
        Sql v = translate(c.value(), scope);
        Kind kind = switch (RocksetOperators.castType(c.type())) {
            case INT, FLOAT -> Kind.NUMBER;
            case STRING -> Kind.STRING;
            case BOOL -> Kind.BOOL;
            case DATE, TIME, DATETIME, TIMESTAMP -> Kind.TEMPORAL;
            case ARRAY, OBJECT, NULL -> Kind.JSON;
            case BYTES, MONTH_INTERVAL, MICROSECOND_INTERVAL -> Kind.OTHER;
        };
        Sql source = v.kind() == Kind.JSON && kind != Kind.JSON ? coerce(v, Kind.STRING) : v;
        return Sql.of(RocksetOperators.cast(source.text(), c.type(), c.safe()), kind);
    }

    private Sql array(Expression.ArrayConstructor a, Scope scope) {
        List<String> items = new ArrayList<>();
        for (Expression e : a.elements()) {
            items.add(translate(e, scope).text());
        }
        return Sql.of("[" + String.join(", ", items) + "]", Kind.OTHER);
    }
}
