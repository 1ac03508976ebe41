package quarry.cli;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import quarry.core.adapter.AdapterConnection;
import quarry.core.adapter.Column;
import quarry.core.adapter.QueryResult;
import quarry.core.adapter.Relation;
import quarry.core.adapter.RelationDetails;

/**
 * A connection opened on first use: {@code quarry compile} gives Jinja a database, as dbt's compile
 * does ({@code run_query}, {@code adapter.get_relation}), without connecting (or starting the
 * embedded server) when no node asks for one.
 */
final class LazyConnection implements AdapterConnection {

    private final Supplier<AdapterConnection> opener;
    private AdapterConnection open;

    LazyConnection(Supplier<AdapterConnection> opener) {
        this.opener = opener;
    }

    private synchronized AdapterConnection connection() {
        if (open == null) {
            open = opener.get();
        }
        return open;
    }

    @Override
    public QueryResult execute(String sql, boolean fetch) {
        return connection().execute(sql, fetch);
    }

    @Override
    public Optional<Relation> getRelation(String database, String schema, String identifier) {
        return connection().getRelation(database, schema, identifier);
    }

    @Override
    public List<Relation> listRelations(String database, String schema) {
        return connection().listRelations(database, schema);
    }

    @Override
    public List<Column> getColumnsInRelation(Relation relation) {
        return connection().getColumnsInRelation(relation);
    }

    @Override
    public Optional<RelationDetails> relationDetails(Relation relation) {
        return connection().relationDetails(relation);
    }

    @Override
    public void createSchema(String database, String schema) {
        connection().createSchema(database, schema);
    }

    @Override
    public void dropSchema(String database, String schema) {
        connection().dropSchema(database, schema);
    }

    @Override
    public void dropRelation(Relation relation) {
        connection().dropRelation(relation);
    }

    @Override
    public void renameRelation(Relation from, Relation to) {
        connection().renameRelation(from, to);
    }

    @Override
    public synchronized void close() {
        if (open != null) {
            open.close();
        }
    }
}
