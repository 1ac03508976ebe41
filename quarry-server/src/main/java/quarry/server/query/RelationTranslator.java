package quarry.server.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import quarry.server.query.ExpressionTranslator.Sql;
import quarry.server.query.Scope.Column;
import quarry.server.query.Scope.Kind;
import quarry.server.sql.Identifier;
import quarry.server.sql.QualifiedName;
import quarry.server.sql.Relation;
import quarry.server.sql.RocksetSqlParser;
import quarry.server.sql.Statement;
import quarry.server.store.AliasInfo;
import quarry.server.store.CollectionInfo;
import quarry.server.store.ColumnType;
import quarry.server.store.Field;
import quarry.server.store.ViewInfo;

/**
 * The FROM clause: collections become their data tables with fields mapped to physical columns,
 * aliases resolve to their collection in the same catalog snapshot, views are inlined, and
 * subqueries, UNNEST and joins add their relations to the scope.
 */
final class RelationTranslator {

    private final TranslationContext context;
    private final QueryTranslator queries;
    private final ExpressionTranslator expressions;

    RelationTranslator(TranslationContext context, QueryTranslator queries, ExpressionTranslator expressions) {
        this.context = context;
        this.queries = queries;
        this.expressions = expressions;
    }

    String relation(Relation r, Scope scope) {
        if (r instanceof Relation.Table t) {
            return table(t, scope);
        }
        if (r instanceof Relation.Subquery sq) {
            Translated t = queries.derived(sq.query(), new Scope(scope.parent));
            String alias = context.newAlias();
            scope.relations.add(derivedRelation(sq.alias().map(Identifier::name).orElse(null), alias, t.outputs()));
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

    private Scope.Relation derivedRelation(String name, String alias, List<Translated.Output> outputs) {
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
                scope.relations.add(derivedRelation(written, alias, cte.outputs()));
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
                Translated translated = new QueryTranslator(inner).derived(qs.query(), new Scope(null));
                context.collections.addAll(inner.collections);
                scope.relations.add(derivedRelation(written, alias, translated.outputs()));
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

    private static Scope.Relation collectionRelation(String name, String alias, CollectionInfo info) {
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
