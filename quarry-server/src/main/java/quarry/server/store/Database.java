package quarry.server.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.duckdb.DuckDBConnection;

/**
 * The one DuckDB database of a data dir (or in memory, for tests and embedding): a single writer
 * connection used under a lock, and a fresh reader connection for each query. See
 * docs/server-storage.md.
 */
public final class Database implements AutoCloseable {

    /** Work done on the writer connection inside one transaction. */
    @FunctionalInterface
    public interface WriteWork<T> {
        T run(DuckDBConnection connection) throws SQLException;
    }

    private final Path dataDir;
    private final FileChannel lockChannel;
    private final FileLock fileLock;
    private final DuckDBConnection writer;
    private static final int MAX_IDLE_READERS = 16;

    /**
     * Writers: {@link #write} holds the write side (one at a time, nothing else writing);
     * {@link #append} the read side, so appends run side by side in transactions of their own.
     */
    private final java.util.concurrent.locks.ReentrantReadWriteLock writers =
            new java.util.concurrent.locks.ReentrantReadWriteLock(true);
    private final java.util.concurrent.locks.Lock writeLock = writers.writeLock();
    /** Connections for {@link #append}, not in autocommit mode. */
    private final java.util.concurrent.ConcurrentLinkedDeque<DuckDBConnection> appenders =
            new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final GroupCommit groupCommit = new GroupCommit(this::write);
    private final java.util.concurrent.ConcurrentLinkedDeque<DuckDBConnection> idle =
            new java.util.concurrent.ConcurrentLinkedDeque<>();
    private volatile boolean closed;
    /** What to run when the write in progress commits, or rolls back; guarded by writeLock. */
    private final java.util.List<Runnable> onCommit = new java.util.ArrayList<>();
    private final java.util.List<Runnable> onRollback = new java.util.ArrayList<>();
    /** Whether the writer is inside COMMIT; guarded by writeLock. */
    private boolean committing;

    private Database(Path dataDir, FileChannel lockChannel, FileLock fileLock, DuckDBConnection writer) {
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.fileLock = fileLock;
        this.writer = writer;
    }

    /** Opens (creating if needed) the database in {@code dataDir}, or an in-memory one when null. */
    public static Database open(Path dataDir) {
        FileChannel channel = null;
        FileLock lock = null;
        String url = "jdbc:duckdb:";
        Path absolute = null;
        try {
            if (dataDir != null) {
                absolute = dataDir.toAbsolutePath().normalize();
                Files.createDirectories(absolute);
                channel = FileChannel.open(absolute.resolve("quarry.lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.READ);
                try {
                    lock = channel.tryLock();
                } catch (java.nio.channels.OverlappingFileLockException e) {
                    lock = null; // held by this very process
                }
                if (lock == null) {
                    String pid = Files.readString(absolute.resolve("quarry.lock"), StandardCharsets.UTF_8).trim();
                    channel.close();
                    throw new DataDirInUseException("data dir " + absolute + " is in use by another Quarry server"
                            + (pid.isEmpty() ? "" : " (pid " + pid + ")"));
                }
                channel.truncate(0);
                channel.write(java.nio.ByteBuffer.wrap(
                        String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
                url = "jdbc:duckdb:" + absolute.resolve("quarry.duckdb");
            }
            DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection(url);
            try (Statement s = connection.createStatement()) {
                s.execute("SET TimeZone='UTC'");
                // checkpoint every 128 MB of WAL instead of DuckDB's 16 MB: a checkpoint rewrites
                // the last, partly filled row group of each table written, so frequent ones make
                // the Write API pay compression several times (~15 % of its CPU); the price is a
                // longer WAL replay when the server restarts after a crash (docs/server-storage.md)
                s.execute("SET checkpoint_threshold = '128MB'");
            }
            Schema.create(connection);
            connection.setAutoCommit(false);
            return new Database(absolute, channel, lock, connection);
        } catch (IOException | SQLException e) {
            closeQuietly(channel);
            String where = absolute == null ? "in memory" : "in data dir " + absolute;
            throw new IllegalStateException("cannot open the Quarry database " + where + ": " + e.getMessage(), e);
        }
    }

    /** The data dir, or null for an in-memory database. */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * A connection for reading, in autocommit mode, from a small pool (making and closing a DuckDB
     * connection costs milliseconds); closing the {@link Reader} gives it back.
     */
    public Reader reader() throws SQLException {
        ensureOpen();
        DuckDBConnection c = idle.pollFirst();
        if (c == null) {
            c = writer.duplicate();
            c.setAutoCommit(true);
        }
        return new Reader(c);
    }

    /** A pooled reader connection; {@link #discard()} it after an interrupted query. */
    public final class Reader implements AutoCloseable {
        private final DuckDBConnection connection;
        private boolean discard;

        private Reader(DuckDBConnection connection) {
            this.connection = connection;
        }

        public DuckDBConnection connection() {
            return connection;
        }

        /** Closes the connection instead of pooling it. */
        public void discard() {
            discard = true;
        }

        @Override
        public void close() {
            if (!discard && !closed && idle.size() < MAX_IDLE_READERS) {
                idle.offerFirst(connection);
                return;
            }
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a broken connection is dropped anyway
            }
        }
    }

    /** Runs {@code work} as one transaction on the writer connection, one writer at a time. */
    public <T> T write(WriteWork<T> work) {
        writeLock.lock();
        try {
            ensureOpen();
            try {
                T result = work.run(writer);
                committing = true;
                writer.commit();
                committing = false;
                finishTransaction(onCommit);
                return result;
            } catch (SQLException | RuntimeException e) {
                boolean commitFailed = committing;
                committing = false;
                finishTransaction(onRollback);
                try {
                    writer.rollback();
                } catch (SQLException ignored) {
                    // the original failure is what matters
                }
                if (commitFailed) {
                    restartTransaction();
                }
                if (e instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getMessage(), e);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs {@code work} as one transaction of its own on a pooled connection of its own, side by
     * side with other appends but never while {@link #write} runs: for work that only appends
     * rows to data tables and inserts rows elsewhere (DuckDB commits concurrent appends to one
     * table without conflicts; an UPDATE, DELETE or ALTER TABLE belongs in {@link #write}). Returns
     * after the commit, so the work is durable. A failed work or commit is rolled back and thrown.
     */
    public <T> T append(WriteWork<T> work) {
        java.util.concurrent.locks.Lock lock = writers.readLock();
        lock.lock();
        try {
            ensureOpen();
            DuckDBConnection c = appenders.pollFirst();
            boolean reusable = false;
            try {
                if (c == null) {
                    c = writer.duplicate();
                    c.setAutoCommit(false);
                }
                T result;
                try {
                    result = work.run(c);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    try {
                        c.rollback();
                    } catch (SQLException ignored) {
                        // the original failure is what matters
                    }
                    if (e instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(e.getMessage(), e);
                }
                reusable = true;
                return result;
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            } finally {
                if (c != null) {
                    if (reusable && appenders.size() < MAX_IDLE_READERS) {
                        appenders.offerFirst(c);
                    } else {
                        closeConnection(c);
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private static void closeConnection(DuckDBConnection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // a broken connection is dropped anyway
        }
    }

    /**
     * Like {@link #write}, but works that arrive while another transaction commits share the next
     * one (group commit, {@link GroupCommit}): one commit, one WAL sync, for all of them; a failure
     * reaches only its own caller. Only for works whose sole effects are on the database and on
     * what {@link #afterTransaction} publishes.
     */
    public <T> T writeShared(WriteWork<T> work) {
        return inWrite() ? write(work) : groupCommit.write(work);
    }

    /**
     * Registers what to do when the current write commits (publish a snapshot of what it
     * changed) and when it rolls back; outside a write, {@code committed} runs at once.
     */
    public void afterTransaction(Runnable committed, Runnable rolledBack) {
        if (!inWrite()) {
            committed.run();
            return;
        }
        onCommit.add(committed);
        onRollback.add(rolledBack);
    }

    /** Whether the calling thread is inside {@link #write}. */
    public boolean inWrite() {
        return writers.isWriteLockedByCurrentThread();
    }

    private void finishTransaction(java.util.List<Runnable> run) {
        java.util.List<Runnable> actions = new java.util.ArrayList<>(run);
        onCommit.clear();
        onRollback.clear();
        actions.forEach(Runnable::run);
    }

    /**
     * After a failed COMMIT the JDBC driver leaves the writer without an open transaction (DuckDB
     * rolled it back), so the next write would autocommit statement by statement; begin one again.
     */
    private void restartTransaction() {
        try (Statement s = writer.createStatement()) {
            s.execute("BEGIN TRANSACTION");
        } catch (SQLException ignored) {
            // a transaction is open already
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the database is closed");
        }
    }

    /** Waits for the write in progress, checkpoints, closes DuckDB and releases the data dir. */
    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (DuckDBConnection c = idle.poll(); c != null; c = idle.poll()) {
                closeConnection(c);
            }
            for (DuckDBConnection c = appenders.poll(); c != null; c = appenders.poll()) {
                closeConnection(c);
            }
            try (Statement s = writer.createStatement()) {
                writer.commit();
                writer.setAutoCommit(true);
                s.execute("CHECKPOINT");
            } catch (SQLException ignored) {
                // closing anyway; the WAL replays on the next open
            }
            try {
                writer.close();
            } catch (SQLException ignored) {
                // nothing more to do
            }
            if (fileLock != null) {
                try {
                    fileLock.release();
                } catch (IOException ignored) {
                    // the channel close releases it too
                }
            }
            closeQuietly(lockChannel);
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }

    static String quote(String identifier) {
        Objects.requireNonNull(identifier);
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Quotes an identifier for DuckDB SQL. */
    public static String quoteIdentifier(String identifier) {
        return quote(identifier);
    }

    /** Quotes a string literal for DuckDB SQL. */
    public static String quoteLiteral(String value) {
        return literal(value);
    }
}
