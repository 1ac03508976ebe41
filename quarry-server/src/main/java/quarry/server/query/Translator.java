package quarry.server.query;

import java.util.ArrayList;
import java.util.List;
import quarry.server.sql.QualifiedName;
import quarry.server.sql.RocksetFunctions;
import quarry.server.sql.RocksetSqlParser;
import quarry.server.sql.SyntaxTree;
import quarry.server.sql.SqlException;
import quarry.server.sql.Statement;
import quarry.server.store.Catalog;
import quarry.server.store.CollectionInfo;

/**
 * Parses a Rockset statement and translates it against one catalog snapshot into a {@link Plan}.
 * Every SQL error becomes a {@link QueryException} with line and column.
 */
public final class Translator {

    /** What a statement names: fully qualified collections read, and entities written in the SQL. */
    public record References(List<String> collections, List<String> entities) {}

    private static final RocksetFunctions FUNCTIONS = RocksetFunctions.standard();

    private Translator() {}

    public static Plan translate(Catalog catalog, String sql, List<QueryParameter> parameters, Long defaultRowLimit) {
        Statement statement = parse(sql);
        TranslationContext context = new TranslationContext(catalog, parameters, statement.defaultWorkspace());
        try {
            // unknown functions fail first, in source order, before any name is resolved
            SyntaxTree.of(statement).checkFunctionCalls(FUNCTIONS);
            if (statement instanceof Statement.QueryStatement q) {
                Translated t = new QueryTranslator(context).top(q.query(), defaultRowLimit);
                return new Plan(Plan.Kind.SELECT, t.sql(), columns(t), star(q.query()),
                        new ArrayList<>(context.collections), null, null, 0);
            }
            if (statement instanceof Statement.InsertInto insert) {
                CollectionInfo target = target(catalog, insert.target(), statement.defaultWorkspace());
                Translated t = new QueryTranslator(context).top(insert.query(), null);
                List<String> collections = new ArrayList<>(context.collections);
                if (!collections.contains(target.path())) {
                    collections.add(target.path());
                }
                return new Plan(Plan.Kind.INSERT, t.sql(), columns(t), false, collections, target.workspace(),
                        target.name(), 0);
            }
            Statement.Describe d = (Statement.Describe) statement;
            CollectionInfo target = target(catalog, d.target(), statement.defaultWorkspace());
            int depth = d.maxFieldDepth().orElse(Integer.MAX_VALUE);
            return new Plan(Plan.Kind.DESCRIBE, null, List.of(), false, List.of(target.path()), target.workspace(),
                    target.name(), depth <= 0 ? Integer.MAX_VALUE : depth);
        } catch (SqlException e) {
            throw QueryException.sql(e.getMessage(), e.line(), e.column(), e.errorId());
        } catch (NumberFormatException e) {
            throw QueryException.sql("Invalid OPTION value: " + e.getMessage(), null, null, null);
        }
    }

    /** The collections and entities a view's SQL refers to; fails like a query would. */
    public static References references(Catalog catalog, String sql) {
        Statement statement = parse(sql);
        if (!(statement instanceof Statement.QueryStatement q)) {
            throw QueryException.sql("A view must be defined by a SELECT query", statement.position().line(),
                    statement.position().column(), null);
        }
        TranslationContext context = new TranslationContext(catalog, List.of(), statement.defaultWorkspace());
        try {
            new QueryTranslator(context).top(q.query(), null);
        } catch (SqlException e) {
            throw QueryException.sql(e.getMessage(), e.line(), e.column(), e.errorId());
        }
        return new References(new ArrayList<>(context.collections), new ArrayList<>(context.entities));
    }

    private static Statement parse(String sql) {
        try {
            return RocksetSqlParser.parse(sql);
        } catch (SqlException e) {
            throw QueryException.sql(e.getMessage(), e.line(), e.column(), e.errorId());
        }
    }

    private static boolean star(quarry.server.sql.Query query) {
        quarry.server.sql.QueryBody body = query.body();
        while (body instanceof quarry.server.sql.QueryBody.SetOperation op) {
            body = op.left();
        }
        if (body instanceof quarry.server.sql.QueryBody.Nested n) {
            return star(n.query());
        }
        return body instanceof quarry.server.sql.QueryBody.Select s
                && s.items().stream().anyMatch(i -> i instanceof quarry.server.sql.SelectItem.Star);
    }

    private static List<OutputColumn> columns(Translated t) {
        List<OutputColumn> out = new ArrayList<>();
        for (Translated.Output o : t.outputs()) {
            out.add(new OutputColumn(o.name(), o.field(), o.hidden()));
        }
        return out;
    }

    private static CollectionInfo target(Catalog catalog, QualifiedName name, String defaultWorkspace) {
        String ws = name.workspace().map(i -> i.name()).orElse(defaultWorkspace);
        String coll = name.name().name();
        var collection = catalog.collection(ws, coll);
        if (collection.isEmpty()) {
            var alias = catalog.alias(ws, coll);
            if (alias.isPresent() && !alias.get().collections().isEmpty()) {
                String target = alias.get().collections().get(0);
                int dot = target.indexOf('.');
                collection = catalog.collection(target.substring(0, dot), target.substring(dot + 1));
            }
        }
        if (collection.isEmpty()) {
            if (catalog.view(ws, coll).isPresent()) {
                throw QueryException.sql("\"" + ws + "." + coll + "\" is a view; DESCRIBE and INSERT INTO need a"
                        + " collection", name.position().line(), name.position().column(), null);
            }
            throw QueryException.sql("Collection \"" + coll + "\" does not exist in workspace \"" + ws + "\"",
                    name.position().line(), name.position().column(), "collection_not_found");
        }
        return collection.get();
    }
}
