package quarry.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionPurgerTest {

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }

    @Test
    void documentsOlderThanTheRetentionArePurgedByEventTime() {
        try (Database db = Database.open(null)) {
            MetadataStore metadata = new MetadataStore(db);
            DocumentStore documents = new DocumentStore(db, metadata, new ObjectMapper());
            metadata.createCollection("commons", "kept_an_hour", null, 3600L, null);
            metadata.createCollection("commons", "forever", null, null, null);
            Instant now = Instant.parse("2026-01-01T12:00:00Z");
            List<DocumentStore.Write> writes = List.of(
                    DocumentStore.Write.upsert(new StoredDocument("old", micros(now.minusSeconds(7200)), Map.of()), true),
                    DocumentStore.Write.upsert(new StoredDocument("edge", micros(now.minusSeconds(3599)), Map.of()), true),
                    DocumentStore.Write.upsert(new StoredDocument("new", micros(now), Map.of()), true));
            documents.apply("commons", "kept_an_hour", writes, 0);
            documents.apply("commons", "forever", writes, 0);
            try (RetentionPurger purger = new RetentionPurger(db, metadata, Duration.ofDays(1))) {
                assertThat(purger.purge(now)).isEqualTo(1);
            }
            assertThat(documents.read("commons", "kept_an_hour", List.of("old", "edge", "new")).keySet())
                    .containsExactlyInAnyOrder("edge", "new");
            assertThat(documents.read("commons", "forever", List.of("old", "edge", "new"))).hasSize(3);
        }
    }
}
