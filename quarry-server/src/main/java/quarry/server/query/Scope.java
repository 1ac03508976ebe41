package quarry.server.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names visible at one level of a query: the relations of its FROM clause (each with its
 * columns) and the common table expressions, with the enclosing level as parent.
 */
final class Scope {

    /** What a SQL expression stands for, as far as the translator knows it statically. */
    enum Kind { JSON, STRING, NUMBER, BOOL, TEMPORAL, OTHER }

    /** A column of a relation: its field name, the DuckDB expression, and how to test undefined. */
    record Column(String name, String sql, Kind kind, String nullsSql) {}

    /** A relation in FROM: its name for qualifying fields, and its columns. */
    record Relation(String alias, List<Column> columns, boolean collection, String nullsSql) {
        Column column(String name) {
            for (Column c : columns) {
                if (c.name().equals(name)) {
                    return c;
                }
            }
            return null;
        }
    }

    /** A common table expression: its DuckDB name and output columns. */
    record Cte(String label, List<Translated.Output> outputs, boolean hasNulls) {}

    final Scope parent;
    final List<Relation> relations = new ArrayList<>();
    final Map<String, Cte> ctes = new HashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    Cte cte(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Cte c = s.ctes.get(name);
            if (c != null) {
                return c;
            }
        }
        return null;
    }
}
