package quarry.server.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import quarry.server.query.ExpressionTranslator.Sql;
import quarry.server.query.Scope.Column;
import quarry.server.query.Scope.Kind;
import quarry.server.sql.Expression;
import quarry.server.sql.Identifier;
import quarry.server.sql.QualifiedName;
import quarry.server.sql.Query;
import quarry.server.sql.QueryBody;
import quarry.server.sql.Relation;
import quarry.server.sql.RocksetSqlParser;
import quarry.server.sql.SelectItem;
import quarry.server.sql.SourcePosition;
import quarry.server.sql.Statement;
import quarry.server.store.AliasInfo;
import quarry.server.store.CollectionInfo;
import quarry.server.store.ColumnType;
import quarry.server.store.Field;
import quarry.server.store.ViewInfo;

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

    QueryTranslator(TranslationContext context) {
        this.context = context;
        this.expressions = new ExpressionTranslator(context, this);
    }

    /** A top-level query: hidden {@code _nulls} allowed, {@code defaultRowLimit} applied without LIMIT. */
    Translated top(Query query, Long defaultRowLimit) {
        return query(query, new Scope(null), true, defaultRowLimit);
    }

    Translated subquery(Query query, Scope outer) {
        return query(query, new Scope(outer), false, null);
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
            sql.append(" ORDER BY ").append(expressions.orderBy(q.orderBy(), new Scope(scope), body.outputs()));
        }
        if (q.limit().isPresent()) {
            sql.append(" LIMIT ").append(expressions.rawNumber(q.limit().get(), scope));
        } else if (defaultRowLimit != null) {
            sql.append(" LIMIT ").append(defaultRowLimit);
        }
        if (q.offset().isPresent()) {
            sql.append(" OFFSET ").append(expressions.rawNumber(q.offset().get(), scope));
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
            from.add(relation(r, scope));
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
                keys.add(expressions.outputReference(g, null)
                        .orElseGet(() -> groupKey(g, scope, outputs)));
            }
            sql.append(" GROUP BY ").append(String.join(", ", keys));
        }
        if (s.having().isPresent()) {
            sql.append(" HAVING ").append(expressions.translate(s.having().get(), scope).text());
        }
        if (orderedBy != null) {
            sql.append(" ORDER BY ").append(expressions.orderBy(orderedBy.orderBy(), scope, outputs));
        }
        return new Translated(sql.toString(), outputs);
    }

    /** A GROUP BY key: a select alias when it names one and no field of that name exists. */
    private String groupKey(Expression g, Scope scope, List<Translated.Output> outputs) {
        Sql sql = expressions.translate(g, scope);
        if ("NULL".equals(sql.text()) && g instanceof Expression.FieldReference) {
            return expressions.outputReference(g, outputs).orElse(sql.text());
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

    // ---- FROM

    private String relation(Relation r, Scope scope) {
        if (r instanceof Relation.Table t) {
            return table(t, scope);
        }
        if (r instanceof Relation.Subquery sq) {
            Translated t = query(sq.query(), new Scope(scope.parent), true, null);
            String alias = context.newAlias();
            scope.relations.add(derived(sq.alias().map(Identifier::name).orElse(null), alias, t.outputs()));
            return "(" + t.sql() + ") AS " + alias;
        }
        if (r instanceof Relation.Unnest u) {
            Sql array = expressions.translate(u.array(), scope);
            String element = u.elementAlias().map(Identifier::name).orElse("unnest");
            String alias = context.newAlias();
            String source = array.kind() == Kind.JSON ? "CAST(" + array.text() + " AS JSON[])" : array.text();
            Kind kind = array.kind() == Kind.JSON ? Kind.JSON : Kind.OTHER;
            List<Column> columns = new ArrayList<>();
            columns.add(new Column(element, alias + ".\"e\"", kind, null));
            String select = "SELECT unnest(" + source + ") AS \"e\"";
            if (u.ordinality().isPresent()) {
                columns.add(new Column(u.ordinality().get().name(), alias + ".\"o\"", Kind.NUMBER, null));
                select += ", generate_subscripts(" + source + ", 1) AS \"o\"";
            }
            scope.relations.add(new Scope.Relation(u.alias().map(Identifier::name).orElse(null), columns, false,
                    null));
            return "(" + select + ") AS " + alias;
        }
        Relation.Join j = (Relation.Join) r;
        String left = relation(j.left(), scope);
        int before = scope.relations.size();
        String right = relation(j.right(), scope);
        StringBuilder sb = new StringBuilder(left);
        sb.append(switch (j.type()) {
            case INNER -> " JOIN ";
            case LEFT -> " LEFT JOIN ";
            case RIGHT -> " RIGHT JOIN ";
            case FULL -> " FULL JOIN ";
            case CROSS -> " CROSS JOIN ";
        }).append(right);
        if (j.on().isPresent()) {
            sb.append(" ON ").append(expressions.translate(j.on().get(), scope).text());
        } else if (!j.using().isEmpty()) {
            List<String> conditions = new ArrayList<>();
            for (Identifier id : j.using()) {
                conditions.add(using(id, scope, before));
            }
            sb.append(" ON ").append(String.join(" AND ", conditions));
        } else if (j.type() != Relation.JoinType.CROSS) {
            sb.append(" ON true");
        }
        return sb.toString();
    }

    private static String using(Identifier id, Scope scope, int rightStart) {
        String left = null;
        String right = null;
        for (int i = 0; i < scope.relations.size(); i++) {
            Column c = scope.relations.get(i).column(id.name());
            if (c == null) {
                continue;
            }
            if (i < rightStart && left == null) {
                left = c.sql();
            } else if (i >= rightStart && right == null) {
                right = c.sql();
            }
        }
        if (left == null || right == null) {
            throw QueryException.sql("Field \"" + id.name() + "\" of USING is not on both sides of the join",
                    id.position().line(), id.position().column(), null);
        }
        return "(" + left + " = " + right + ")";
    }

    private Scope.Relation derived(String name, String alias, List<Translated.Output> outputs) {
        String nulls = null;
        for (Translated.Output o : outputs) {
            if (o.hidden() && o.name().equals("_nulls")) {
                nulls = alias + "." + TranslationContext.quote(o.label());
            }
        }
        List<Column> columns = new ArrayList<>();
        for (Translated.Output o : outputs) {
            if (!o.hidden()) {
                columns.add(new Column(o.name(), alias + "." + TranslationContext.quote(o.label()), o.kind(),
                        o.field() ? nulls : null));
            }
        }
        return new Scope.Relation(name, columns, false, nulls);
    }

    private String table(Relation.Table t, Scope scope) {
        QualifiedName name = t.name();
        String alias = context.newAlias();
        String written = t.alias().map(Identifier::name).orElse(name.name().name());
        if (name.workspace().isEmpty()) {
            Scope.Cte cte = scope.cte(name.name().name());
            if (cte != null) {
                scope.relations.add(derived(written, alias, cte.outputs()));
                return TranslationContext.quote(cte.label()) + " AS " + alias;
            }
        }
        String ws = name.workspace().map(Identifier::name).orElse(context.defaultWorkspace);
        String coll = name.name().name();
        if (name.parts().size() > 2) {
            throw QueryException.sql("\"" + name + "\" is not a collection name", name.position().line(),
                    name.position().column(), null);
        }
        context.entities.add(ws + "." + coll);
        Optional<CollectionInfo> collection = context.catalog.collection(ws, coll);
        if (collection.isEmpty()) {
            Optional<AliasInfo> aliasInfo = context.catalog.alias(ws, coll);
            if (aliasInfo.isPresent() && !aliasInfo.get().collections().isEmpty()) {
                String target = aliasInfo.get().collections().get(0);
                int dot = target.indexOf('.');
                collection = context.catalog.collection(target.substring(0, dot), target.substring(dot + 1));
            }
        }
        if (collection.isPresent()) {
            CollectionInfo info = collection.get();
            context.collections.add(info.path());
            scope.relations.add(collectionRelation(written, alias, info));
            return info.table() + " AS " + alias;
        }
        Optional<ViewInfo> view = context.catalog.view(ws, coll);
        if (view.isPresent()) {
            context.enterView(t.position());
            try {
                Statement parsed = RocksetSqlParser.parse(view.get().querySql());
                if (!(parsed instanceof Statement.QueryStatement qs)) {
                    throw QueryException.sql("View " + view.get().path() + " is not a query", t.position().line(),
                            t.position().column(), null);
                }
                TranslationContext inner = new TranslationContext(context.catalog, List.of(),
                        parsed.option("default_workspace").orElse(view.get().workspace()));
                Translated translated = new QueryTranslator(inner).query(qs.query(), new Scope(null), true, null);
                context.collections.addAll(inner.collections);
                scope.relations.add(derived(written, alias, translated.outputs()));
                return "(" + translated.sql() + ") AS " + alias;
            } finally {
                context.leaveView();
            }
        }
        if (context.catalog.workspace(ws).isEmpty()) {
            throw QueryException.sql("Workspace with name \"" + ws + "\" does not exist", name.position().line(),
                    name.position().column(), "collection_not_found");
        }
        throw QueryException.sql("Collection \"" + coll + "\" does not exist in workspace \"" + ws + "\"",
                name.position().line(), name.position().column(), "collection_not_found");
    }

    static Scope.Relation collectionRelation(String name, String alias, CollectionInfo info) {
        String nulls = alias + "._nulls";
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("_id", alias + "._id", Kind.STRING, null));
        columns.add(new Column("_event_time", alias + "._event_time", Kind.TEMPORAL, null));
        for (Field f : info.fields()) {
            columns.add(new Column(f.name(), alias + "." + TranslationContext.quote(f.column()), kind(f.type()), nulls));
        }
        return new Scope.Relation(name, columns, true, nulls);
    }

    private static Kind kind(ColumnType type) {
        return switch (type) {
            case BIGINT, DOUBLE -> Kind.NUMBER;
            case BOOLEAN -> Kind.BOOL;
            case VARCHAR -> Kind.STRING;
            case JSON -> Kind.JSON;
            default -> Kind.TEMPORAL;
        };
    }
}
