package quarry.server.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import quarry.server.query.ExpressionTranslator.Sql;
import quarry.server.query.Scope.Column;
import quarry.server.query.Scope.Kind;
import quarry.server.sql.Expression;
import quarry.server.sql.Identifier;
import quarry.server.sql.Query;
import quarry.server.sql.QueryBody;
import quarry.server.sql.Relation;
import quarry.server.sql.SelectItem;
import quarry.server.sql.SourcePosition;

/**
 * Rockset queries to DuckDB queries (docs/server-storage.md): collections become their data
 * tables with fields mapped to physical columns, views are inlined, aliases resolve to their
 * collection in the same catalog snapshot, {@code *} is expanded from the field catalog, and
 * output columns get Rockset's names (§5.7).
 */
final class QueryTranslator {

    private static final String NULLS_LABEL = "__quarry_nulls";

    private final TranslationContext context;
    private final ExpressionTranslator expressions;
    private final RelationTranslator relations;

    QueryTranslator(TranslationContext context) {
        this.context = context;
        this.expressions = new ExpressionTranslator(context, this);
        this.relations = new RelationTranslator(context, this, expressions);
    }

    /** A top-level query: hidden {@code _nulls} allowed, {@code defaultRowLimit} applied without LIMIT. */
    Translated top(Query query, Long defaultRowLimit) {
        return query(query, new Scope(null), true, defaultRowLimit);
    }

    Translated subquery(Query query, Scope outer) {
        return query(query, new Scope(outer), false, null);
    }

    /** A query in a FROM clause or a view: hidden {@code _nulls} allowed, no default limit. */
    Translated derived(Query query, Scope scope) {
        return query(query, scope, true, null);
    }

    private Translated query(Query q, Scope scope, boolean allowHidden, Long defaultRowLimit) {
        List<String> ctes = new ArrayList<>();
        for (Query.CommonTableExpression cte : q.with()) {
            Translated t = query(cte.query(), new Scope(scope), true, null);
            List<Translated.Output> outputs = t.outputs();
            if (!cte.columns().isEmpty()) {
                outputs = renameOutputs(outputs, cte.columns());
            }
            String label = context.newCteLabel();
            scope.ctes.put(cte.name().name(), new Scope.Cte(label, outputs, t.hasNulls()));
            ctes.add(TranslationContext.quote(label) + " AS (SELECT * FROM (" + t.sql() + ") AS _q("
                    + String.join(", ", outputs.stream().map(o -> TranslationContext.quote(o.label())).toList()) + "))");
        }
        Translated body = body(q.body(), scope, allowHidden && !(q.body() instanceof QueryBody.SetOperation),
                q.orderBy().isEmpty() ? null : q);
        StringBuilder sql = new StringBuilder();
        if (!ctes.isEmpty()) {
            sql.append("WITH ").append(String.join(", ", ctes)).append(' ');
        }
        sql.append(body.sql());
        if (!q.orderBy().isEmpty() && !(q.body() instanceof QueryBody.Select)) {
            sql.append(" ORDER BY ").append(expressions.ordering().orderBy(q.orderBy(), new Scope(scope), body.outputs()));
        }
        if (q.limit().isPresent()) {
            sql.append(" LIMIT ").append(expressions.ordering().rawNumber(q.limit().get(), scope));
        } else if (defaultRowLimit != null) {
            sql.append(" LIMIT ").append(defaultRowLimit);
        }
        if (q.offset().isPresent()) {
            sql.append(" OFFSET ").append(expressions.ordering().rawNumber(q.offset().get(), scope));
        }
        return new Translated(sql.toString(), body.outputs());
    }

    private static List<Translated.Output> renameOutputs(List<Translated.Output> outputs, List<Identifier> names) {
        List<Translated.Output> out = new ArrayList<>();
        int k = 0;
        for (Translated.Output o : outputs) {
            if (!o.hidden() && k < names.size()) {
                out.add(new Translated.Output(names.get(k++).name(), o.label(), o.kind(), o.field(), false));
            } else {
                out.add(o);
            }
        }
        return out;
    }

    private Translated body(QueryBody body, Scope scope, boolean allowHidden, Query orderedBy) {
        if (body instanceof QueryBody.Select s) {
            return select(s, scope, allowHidden, orderedBy);
        }
        if (body instanceof QueryBody.Nested n) {
            Translated t = query(n.query(), new Scope(scope), false, null);
            return new Translated("(" + t.sql() + ")", t.outputs());
        }
        QueryBody.SetOperation op = (QueryBody.SetOperation) body;
        Translated l = body(op.left(), scope, false, null);
        Translated r = body(op.right(), scope, false, null);
        String keyword = op.operator().name() + (op.all() ? " ALL" : "");
        return new Translated("(" + l.sql() + ") " + keyword + " (" + r.sql() + ")", l.outputs());
    }

    // ---- SELECT

    /** Whether an aggregate call appears in the expression, outside any subquery. */
    private static boolean containsAggregate(Expression e) {
        if (e instanceof Expression.FunctionCall call && FunctionTranslator.isAggregateCall(call)) {
            return true;
        }
        for (Expression child : quarry.server.sql.SyntaxTree.children(e)) {
            if (containsAggregate(child)) {
                return true;
            }
        }
        return false;
    }

    private Translated select(QueryBody.Select s, Scope outer, boolean allowHidden, Query orderedBy) {
        Scope scope = new Scope(outer);
        List<String> from = new ArrayList<>();
        for (Relation r : s.from()) {
            from.add(relations.relation(r, scope));
        }
        List<Translated.Output> outputs = new ArrayList<>();
        List<String> projections = new ArrayList<>();
        Set<String> labels = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        int unnamed = 0;
        boolean aggregate = s.distinct() || !s.groupBy().isEmpty() || s.having().isPresent();
        for (SelectItem item : s.items()) {
            if (item instanceof SelectItem.Star star) {
                for (Scope.Relation rel : starRelations(star, scope)) {
                    for (Column c : rel.columns()) {
                        if (star.except().stream().anyMatch(id -> id.name().equals(c.name()))) {
                            continue;
                        }
                        String label = label(c.name(), labels);
                        projections.add(c.sql() + " AS " + TranslationContext.quote(label));
                        outputs.add(new Translated.Output(c.name(), label, c.kind(), true, false));
                    }
                }
                continue;
            }
            SelectItem.Single single = (SelectItem.Single) item;
            Expression e = single.expression();
            if (containsAggregate(e)) {
                // _nulls is added only where it cannot break grouping: never next to an aggregate
                aggregate = true;
            }
            Sql sql = expressions.translate(e, scope);
            String name;
            if (single.alias().isPresent()) {
                name = single.alias().get().name();
            } else if (e instanceof Expression.FieldReference f) {
                name = f.last().name();
            } else if (e instanceof Expression.FieldAccess fa) {
                name = fa.field().name();
            } else if (e instanceof Expression.FunctionCall call) {
                name = "?" + call.name().toLowerCase(java.util.Locale.ROOT);
            } else {
                name = "?field" + unnamed++;
            }
            String label = label(name, labels);
            projections.add(sql.text() + " AS " + TranslationContext.quote(label));
            // a missing key or index inside an object or array is undefined too, so its key is omitted
            boolean path = e instanceof Expression.FieldReference || e instanceof Expression.FieldAccess
                    || e instanceof Expression.Subscript;
            outputs.add(new Translated.Output(name, label, sql.kind(), sql.field() != null || path, false));
        }
        String nulls = singleNulls(scope);
        if (allowHidden && !aggregate && nulls != null && outputs.stream().anyMatch(Translated.Output::field)) {
            projections.add(nulls + " AS " + NULLS_LABEL);
            outputs.add(new Translated.Output("_nulls", NULLS_LABEL, Kind.OTHER, false, true));
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        if (s.distinct()) {
            sql.append("DISTINCT ");
        }
        sql.append(projections.isEmpty() ? "NULL AS " + NULLS_LABEL : String.join(", ", projections));
        if (!from.isEmpty()) {
            sql.append(" FROM ").append(String.join(", ", from));
        }
        if (s.where().isPresent()) {
            sql.append(" WHERE ").append(expressions.translate(s.where().get(), scope).text());
        }
        if (!s.groupBy().isEmpty()) {
            List<String> keys = new ArrayList<>();
            for (Expression g : s.groupBy()) {
                keys.add(expressions.ordering().outputReference(g, null)
                        .orElseGet(() -> groupKey(g, scope, outputs)));
            }
            sql.append(" GROUP BY ").append(String.join(", ", keys));
        }
        if (s.having().isPresent()) {
            sql.append(" HAVING ").append(expressions.translate(s.having().get(), scope).text());
        }
        if (orderedBy != null) {
            sql.append(" ORDER BY ").append(expressions.ordering().orderBy(orderedBy.orderBy(), scope, outputs));
        }
        return new Translated(sql.toString(), outputs);
    }

    /** A GROUP BY key: a select alias when it names one and no field of that name exists. */
    private String groupKey(Expression g, Scope scope, List<Translated.Output> outputs) {
        Sql sql = expressions.translate(g, scope);
        if ("NULL".equals(sql.text()) && g instanceof Expression.FieldReference) {
            return expressions.ordering().outputReference(g, outputs).orElse(sql.text());
        }
        return ExpressionTranslator.scalar(sql).text();
    }

    private static String singleNulls(Scope scope) {
        if (scope.relations.size() != 1) {
            return null;
        }
        return scope.relations.get(0).nullsSql();
    }

    private static String label(String name, Set<String> labels) {
        String label = name;
        for (int n = 2; labels.contains(label) || label.equalsIgnoreCase(NULLS_LABEL); n++) {
            label = name + "#~" + n;
        }
        labels.add(label);
        return label;
    }

    private static List<Scope.Relation> starRelations(SelectItem.Star star, Scope scope) {
        if (star.qualifier().isEmpty()) {
            return scope.relations;
        }
        String q = star.qualifier().get().name().name();
        List<Scope.Relation> out = scope.relations.stream().filter(r -> q.equals(r.alias())).toList();
        if (out.isEmpty()) {
            SourcePosition p = star.position();
            throw QueryException.sql("Relation \"" + q + "\" is not in FROM", p.line(), p.column(), null);
        }
        return out;
    }
}
