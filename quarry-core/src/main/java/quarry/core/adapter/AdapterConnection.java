package quarry.core.adapter;

import java.util.List;
import java.util.Optional;

/**
 * An open session with the database: the execute-time half of an adapter. The engine calls it
 * from {@code run_query}, {@code statement} blocks and the {@code adapter.*} Jinja methods, and from
 * materializations. Implementations are not required to be thread-safe; the engine opens one per thread.
 */
public interface AdapterConnection extends AutoCloseable {

    /** Runs one SQL statement; with {@code fetch}, returns its rows. */
    QueryResult execute(String sql, boolean fetch);

    /** The relation with these names if it exists (dbt's {@code adapter.get_relation}). */
    Optional<Relation> getRelation(String database, String schema, String identifier);

    /** The relations in a schema (dbt's {@code list_relations_without_caching}). */
    List<Relation> listRelations(String database, String schema);

    List<Column> getColumnsInRelation(Relation relation);

    void createSchema(String database, String schema);

    void dropSchema(String database, String schema);

    void dropRelation(Relation relation);

    void renameRelation(Relation from, Relation to);

    /** The catalog's view of an existing relation (type, comment, statistics); empty when it does not exist. */
    default Optional<RelationDetails> relationDetails(Relation relation) {
        return getRelation(relation.database(), relation.schema(), relation.identifier())
                .map(r -> new RelationDetails(r.isView() ? "VIEW" : "TABLE", null, java.util.Map.of()));
    }

    /** dbt's {@code persist_docs: {relation: true}}: keeps the description on the relation itself. */
    default void persistDescription(Relation relation, String description) {
        throw new UnsupportedOperationException("this adapter cannot keep descriptions on relations (persist_docs)");
    }

    /**
     * Cancels the statements this connection has running on the database (dbt's
     * {@code cancel_open}, on Ctrl-C), from another thread; returns a name for each one cancelled.
     */
    default List<String> cancelOpen() {
        return List.of();
    }

    /**
     * What the database reported about this connection's work so far (for instance the time it
     * spent on the queries), for the run's debug log; empty when the adapter knows nothing.
     */
    default java.util.Optional<String> usageSummary() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
