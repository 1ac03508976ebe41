package quarry.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The metadata tables of docs/server-storage.md, created on first open. */
final class Schema {

    private Schema() {}

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS meta");
            s.execute("CREATE SCHEMA IF NOT EXISTS data");
            s.execute("CREATE TABLE IF NOT EXISTS meta.workspace(name VARCHAR PRIMARY KEY, description VARCHAR,"
                    + " created_at TIMESTAMPTZ NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS meta.collection(id BIGINT PRIMARY KEY, workspace VARCHAR NOT NULL,"
                    + " name VARCHAR NOT NULL, description VARCHAR, created_at TIMESTAMPTZ NOT NULL,"
                    + " retention_secs BIGINT, field_mapping_sql VARCHAR, bytes_inserted BIGINT NOT NULL DEFAULT 0)");
            s.execute("CREATE TABLE IF NOT EXISTS meta.field(collection_id BIGINT NOT NULL, name VARCHAR NOT NULL,"
                    + " column_name VARCHAR NOT NULL, column_type VARCHAR NOT NULL, position INTEGER NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS meta.view(workspace VARCHAR NOT NULL, name VARCHAR NOT NULL,"
                    + " query_sql VARCHAR NOT NULL, description VARCHAR, entities VARCHAR[] NOT NULL,"
                    + " created_at TIMESTAMPTZ NOT NULL, modified_at TIMESTAMPTZ NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS meta.alias(workspace VARCHAR NOT NULL, name VARCHAR NOT NULL,"
                    + " collections VARCHAR[] NOT NULL, description VARCHAR,"
                    + " created_at TIMESTAMPTZ NOT NULL, modified_at TIMESTAMPTZ NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS meta.api_key(sha256 VARCHAR PRIMARY KEY, created_at TIMESTAMPTZ NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS meta.counter(name VARCHAR PRIMARY KEY, value BIGINT NOT NULL)");
            s.execute("INSERT INTO meta.counter VALUES ('offset', 0), ('collection', 0) ON CONFLICT DO NOTHING");
            // Counters updated on every write live in a table without an index: DuckDB reports a
            // spurious write-write conflict when a row of an indexed table is updated while readers
            // hold older snapshots (docs/server-completeness.md, "Write conflicts").
            s.execute("CREATE TABLE IF NOT EXISTS meta.tally(name VARCHAR NOT NULL, value BIGINT NOT NULL)");
            s.execute("INSERT INTO meta.tally SELECT name, value FROM meta.counter c"
                    + " WHERE NOT EXISTS (SELECT 1 FROM meta.tally t WHERE t.name = c.name)");
            // a write appends its bytes and its offset as rows of their own (concurrent writes never
            // update one row); folded into one row per name here, when nothing else runs: bytes
            // summed, the offset's highest value kept
            foldTally(s);
            s.execute("INSERT INTO meta.workspace VALUES ('commons', 'default workspace', TIMESTAMPTZ '2020-01-01 00:00:00+00')"
                    + " ON CONFLICT DO NOTHING");
        }
    }

    private static void foldTally(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) > count(DISTINCT name) FROM meta.tally")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return;
            }
        }
        s.execute("BEGIN TRANSACTION");
        s.execute("CREATE TEMP TABLE tally_folded AS SELECT name, (CASE WHEN name LIKE 'bytes:%'"
                + " THEN sum(value) ELSE max(value) END)::BIGINT AS value FROM meta.tally GROUP BY name");
        s.execute("DELETE FROM meta.tally");
        s.execute("INSERT INTO meta.tally SELECT name, value FROM tally_folded");
        s.execute("DROP TABLE tally_folded");
        s.execute("COMMIT");
    }
}
