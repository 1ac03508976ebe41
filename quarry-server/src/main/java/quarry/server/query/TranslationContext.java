package quarry.server.query;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import quarry.server.sql.SourcePosition;
import quarry.server.store.Catalog;

/** State shared while translating one statement: the catalog snapshot, parameters, names used. */
final class TranslationContext {

    final Catalog catalog;
    final List<QueryParameter> parameters;
    final String defaultWorkspace;
    /** Fully qualified collections read (views and aliases resolved). */
    final Set<String> collections = new LinkedHashSet<>();
    /** Fully qualified collections, views and aliases named directly in the SQL (view entities). */
    final Set<String> entities = new LinkedHashSet<>();
    private int nextAlias;
    private int depth;

    TranslationContext(Catalog catalog, List<QueryParameter> parameters, String defaultWorkspace) {
        this.catalog = catalog;
        this.parameters = parameters == null ? List.of() : parameters;
        this.defaultWorkspace = defaultWorkspace;
    }

    String newAlias() {
        return "t" + (++nextAlias);
    }

    String newCteLabel() {
        return "cte" + (++nextAlias);
    }

    void enterView(SourcePosition position) {
        if (++depth > 16) {
            throw QueryException.sql("Views nest more than 16 levels deep (a view refers to itself?)",
                    position.line(), position.column(), null);
        }
    }

    void leaveView() {
        depth--;
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
