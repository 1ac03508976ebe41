package quarry.server.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.duckdb.DuckDBConnection;

/**
 * Group commit of writes (docs/server-storage.md, "Metadata"): works that arrive while another
 * transaction commits share the next one, so one commit (one WAL sync) serves them all. Each work
 * sees the changes of the works before it, as if run one after the other. If the shared
 * transaction fails, it is rolled back and each work runs again alone, so a failure reaches only
 * its own caller.
 */
final class GroupCommit {

    /** How a transaction is run: {@link Database#write}. */
    interface Transactions {
        <T> T write(Database.WriteWork<T> work);
    }

    private final Transactions transactions;
    /** Taken by the caller that gathers and commits a group. */
    private final ReentrantLock groupLock = new ReentrantLock();
    private final ConcurrentLinkedQueue<Pending<?>> waiting = new ConcurrentLinkedQueue<>();

    GroupCommit(Transactions transactions) {
        this.transactions = transactions;
    }

    /** A caller's work waiting for a shared transaction. */
    private static final class Pending<T> {
        final Database.WriteWork<T> work;
        T result;
        RuntimeException error;
        boolean done;

        Pending(Database.WriteWork<T> work) {
            this.work = work;
        }

        void runIn(DuckDBConnection connection) throws SQLException {
            result = work.run(connection);
        }

        void runAlone(Transactions transactions) {
            try {
                result = transactions.write(work);
            } catch (RuntimeException e) {
                error = e;
            }
            done = true;
        }
    }

    /** Runs the work in the next shared transaction and returns its result, or throws its own failure. */
    <T> T write(Database.WriteWork<T> work) {
        Pending<T> mine = new Pending<>(work);
        waiting.add(mine);
        groupLock.lock();
        try {
            if (!mine.done) {
                List<Pending<?>> group = new ArrayList<>();
                for (Pending<?> w = waiting.poll(); w != null; w = waiting.poll()) {
                    group.add(w);
                }
                commit(group);
            }
        } finally {
            groupLock.unlock();
        }
        if (mine.error != null) {
            throw mine.error;
        }
        return mine.result;
    }

    private void commit(List<Pending<?>> group) {
        if (group.size() > 1) {
            try {
                transactions.write(c -> {
                    for (Pending<?> w : group) {
                        w.runIn(c);
                    }
                    return null;
                });
                group.forEach(w -> w.done = true);
                return;
            } catch (RuntimeException e) {
                // one of them failed: each runs alone below
            }
        }
        group.forEach(w -> w.runAlone(transactions));
    }
}
