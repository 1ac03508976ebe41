package quarry.server.store;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Rockset's {@code retention_secs} (spec §4.3, §5.4): documents whose {@code _event_time} is older
 * than the collection's retention are deleted every {@code every}, the first time one interval after start.
 */
public final class RetentionPurger implements AutoCloseable {

    private final Database database;
    private final MetadataStore metadata;
    private final ScheduledExecutorService timer;

    public RetentionPurger(Database database, MetadataStore metadata, Duration every) {
        this.database = Objects.requireNonNull(database);
        this.metadata = Objects.requireNonNull(metadata);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "quarry-retention");
            t.setDaemon(true);
            return t;
        });
        long ms = every.toMillis();
        timer.scheduleWithFixedDelay(this::purgeQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Deletes the expired documents of every collection with a retention; returns how many. */
    public long purge(Instant now) {
        return database.write(c -> {
            long purged = 0;
            for (CollectionInfo info : metadata.catalog().collectionsIn(null)) {
                if (info.retentionSecs() == null) {
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM " + info.table() + " WHERE _event_time < ?")) {
                    ps.setTimestamp(1, Timestamp.from(now.minusSeconds(info.retentionSecs())));
                    purged += ps.executeUpdate();
                }
            }
            return purged;
        });
    }

    private void purgeQuietly() {
        try {
            purge(Instant.now());
        } catch (RuntimeException e) {
            // the database is closing, or a collection went away meanwhile: the next round retries
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
