package quarry.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataStoreTest {

    @Test
    void concurrentWritesAllLandAndAFailingOneFailsOnlyItsOwnCaller(@TempDir Path dir) throws Exception {
        int writers = 64;
        try (Database db = Database.open(dir)) {
            MetadataStore meta = new MetadataStore(db);
            meta.createWorkspace("ws", null);
            meta.createView("ws", "taken", "SELECT 1 AS x", null, List.of());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ViewInfo>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String name = i == writers / 2 ? "taken" : "v" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return meta.createView("ws", name, "SELECT " + name.length() + " AS x", "d", List.of());
                }));
            }
            start.countDown();
            int failed = 0;
            for (int i = 0; i < writers; i++) {
                try {
                    assertThat(results.get(i).get().name()).isEqualTo("v" + i);
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(i).isEqualTo(writers / 2);
                    assertThat(e.getCause()).isInstanceOf(StoreException.class).hasMessageContaining("\"taken\"");
                    failed++;
                }
            }
            pool.shutdown();
            assertThat(failed).isEqualTo(1);
            assertThat(meta.catalog().viewsIn("ws")).hasSize(writers);
        }
        try (Database db = Database.open(dir)) {
            MetadataStore reopened = new MetadataStore(db);
            assertThat(reopened.catalog().viewsIn("ws")).hasSize(writers);
            assertThat(reopened.requireView("ws", "v1").description()).isEqualTo("d");
        }
    }

    @Test
    void thePublishedSnapshotIsWhatTheTablesHold(@TempDir Path dir) {
        Catalog published;
        try (Database db = Database.open(dir)) {
            MetadataStore meta = new MetadataStore(db);
            meta.createWorkspace("ws", "a workspace");
            CollectionInfo c = meta.createCollection("ws", "c1", "first", 3600L, null);
            meta.createCollection("ws", "c2", null, null, null);
            meta.updateCollection("ws", "c2", "second", null);
            meta.createAlias("ws", "a", List.of("ws.c1"), null);
            meta.updateAlias("ws", "a", List.of("ws.c2"), "moved");
            meta.createView("ws", "v", "SELECT 1", null, List.of("ws.c1"));
            meta.updateView("ws", "v", "SELECT 2", "now two", List.of());
            meta.createView("ws", "gone", "SELECT 3", null, List.of());
            meta.deleteView("ws", "gone");
            meta.deleteCollection("ws", "c1");
            meta.createWorkspace("empty", null);
            meta.deleteWorkspace("empty");
            assertThat(c.retentionSecs()).isEqualTo(3600L);
            published = meta.catalog();
        }
        try (Database db = Database.open(dir)) {
            assertThat(new MetadataStore(db).catalog()).isEqualTo(published);
        }
    }

    @Test
    void aRejectedWriteChangesNothing() {
        try (Database db = Database.open(null)) {
            MetadataStore meta = new MetadataStore(db);
            Catalog before = meta.catalog();
            assertThatThrownBy(() -> meta.createView("nowhere", "v", "SELECT 1", null, List.of()))
                    .isInstanceOf(StoreException.class).hasMessageContaining("nowhere");
            assertThat(meta.catalog()).isEqualTo(before);
        }
    }
}
