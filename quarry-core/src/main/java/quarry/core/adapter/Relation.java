package quarry.core.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * dbt's Relation: a database object named by database, schema and identifier, with a type, that
 * renders as the quoted, policy-dependent name ({@code "shop"."orders"} on Rockset). Immutable: the
 * Jinja methods {@code include}, {@code incorporate} and {@code quote} return new relations.
 */
public record Relation(String database, String schema, String identifier, RelationType type, RelationStyle style) {

    public Relation {
        Objects.requireNonNull(style, "style");
    }

    public String name() {
        return identifier;
    }

    public boolean isTable() {
        return type == RelationType.TABLE;
    }

    public boolean isView() {
        return type == RelationType.VIEW;
    }

    public boolean isCte() {
        return type == RelationType.CTE;
    }

    /** The name as SQL writes it: the included parts, each quoted when the quote policy says so, joined by dots. */
    public String render() {
        if (type == RelationType.CTE) {
            return identifier;
        }
        List<String> parts = new ArrayList<>(3);
        RelationPolicy include = style.includePolicy();
        RelationPolicy quote = style.quotePolicy();
        if (include.database() && database != null && !database.isEmpty()) {
            parts.add(quote.database() ? quoted(database) : database);
        }
        if (include.schema() && schema != null && !schema.isEmpty()) {
            parts.add(quote.schema() ? quoted(schema) : schema);
        }
        if (include.identifier() && identifier != null && !identifier.isEmpty()) {
            parts.add(quote.identifier() ? quoted(identifier) : identifier);
        }
        return String.join(".", parts);
    }

    private String quoted(String part) {
        String q = String.valueOf(style.quoteChar());
        return q + part.replace(q, q + q) + q;
    }

    public Relation include(Boolean includeDatabase, Boolean includeSchema, Boolean includeIdentifier) {
        RelationPolicy p = style.includePolicy();
        RelationPolicy next = new RelationPolicy(
                includeDatabase == null ? p.database() : includeDatabase,
                includeSchema == null ? p.schema() : includeSchema,
                includeIdentifier == null ? p.identifier() : includeIdentifier);
        return new Relation(database, schema, identifier, type, new RelationStyle(style.quoteChar(), style.quotePolicy(), next));
    }

    public Relation quote(Boolean quoteDatabase, Boolean quoteSchema, Boolean quoteIdentifier) {
        RelationPolicy p = style.quotePolicy();
        RelationPolicy next = new RelationPolicy(
                quoteDatabase == null ? p.database() : quoteDatabase,
                quoteSchema == null ? p.schema() : quoteSchema,
                quoteIdentifier == null ? p.identifier() : quoteIdentifier);
        return new Relation(database, schema, identifier, type, style.withQuotePolicy(next));
    }

    public Relation withoutIdentifier() {
        return include(null, null, false);
    }

    public Relation withType(RelationType newType) {
        return new Relation(database, schema, identifier, newType, style);
    }

    public Relation withIdentifier(String newIdentifier) {
        return new Relation(database, schema, newIdentifier, type, style);
    }

    public Relation withSchema(String newSchema) {
        return new Relation(database, newSchema, identifier, type, style);
    }

    /**
     * Whether this relation names the given parts. Parts the include policy leaves out (the database
     * on Rockset) are not compared; null arguments match anything.
     */
    public boolean matches(String otherDatabase, String otherSchema, String otherIdentifier) {
        boolean db = !style.includePolicy().database() || otherDatabase == null || Objects.equals(database, otherDatabase);
        boolean sc = otherSchema == null || Objects.equals(schema, otherSchema);
        boolean id = otherIdentifier == null || Objects.equals(identifier, otherIdentifier);
        return db && sc && id;
    }

    @Override
    public String toString() {
        return render();
    }
}
