package quarry.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentStoreTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private static long now() {
        return 1_700_000_000_000_000L;
    }

    private void add(DocumentStore docs, String json) throws Exception {
        List<DocumentStore.Write> writes = new ArrayList<>();
        for (var node : mapper.readTree(json)) {
            DocumentDecoder.Decoded d = DocumentDecoder.decode(node, now());
            writes.add(DocumentStore.Write.upsert(d.document(), d.generatedId()));
        }
        docs.apply("commons", "c", writes, json.length());
    }

    private static long count(Database db, String sql) throws Exception {
        try (Database.Reader r = db.reader(); Statement s = r.connection().createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void fieldNamesDifferingOnlyInCaseGetTheirOwnColumns() throws Exception {
        try (Database db = Database.open(null)) {
            MetadataStore meta = new MetadataStore(db);
            DocumentStore docs = new DocumentStore(db, meta, mapper);
            meta.createCollection("commons", "c", null, null, null);
            add(docs, "[{\"_id\":\"1\",\"Name\":\"A\",\"name\":\"a\",\"NAME\":\"x\"}]");
            CollectionInfo info = meta.requireCollection("commons", "c");
            assertThat(info.fields()).extracting(Field::name).containsExactly("Name", "name", "NAME");
            assertThat(info.fields()).extracting(Field::column).doesNotHaveDuplicates()
                    .allSatisfy(col -> assertThat(col).isNotEqualToIgnoringCase("_id"));
            Map<String, com.fasterxml.jackson.databind.node.ObjectNode> read = docs.read("commons", "c", List.of("1"));
            assertThat(read.get("1").get("Name").asText()).isEqualTo("A");
            assertThat(read.get("1").get("name").asText()).isEqualTo("a");
            assertThat(read.get("1").get("NAME").asText()).isEqualTo("x");
        }
    }

    @Test
    void aFieldWithSeveralTypesIsWidenedWithoutLosingValues() throws Exception {
        try (Database db = Database.open(null)) {
            MetadataStore meta = new MetadataStore(db);
            DocumentStore docs = new DocumentStore(db, meta, mapper);
            meta.createCollection("commons", "c", null, null, null);
            add(docs, "[{\"_id\":\"1\",\"n\":1,\"m\":1}]");
            add(docs, "[{\"_id\":\"2\",\"n\":2.5,\"m\":\"two\"}]");
            CollectionInfo info = meta.requireCollection("commons", "c");
            assertThat(info.field("n").orElseThrow().type()).isEqualTo(ColumnType.DOUBLE);
            assertThat(info.field("m").orElseThrow().type()).isEqualTo(ColumnType.JSON);
            var read = docs.read("commons", "c", List.of("1", "2"));
            assertThat(read.get("1").get("m").isIntegralNumber()).isTrue();
            assertThat(read.get("2").get("m").asText()).isEqualTo("two");
            assertThat(read.get("2").get("n").asDouble()).isEqualTo(2.5);
        }
    }

    @Test
    void nullIsKeptApartFromUndefined() throws Exception {
        try (Database db = Database.open(null)) {
            MetadataStore meta = new MetadataStore(db);
            DocumentStore docs = new DocumentStore(db, meta, mapper);
            meta.createCollection("commons", "c", null, null, null);
            add(docs, "[{\"_id\":\"1\",\"a\":null},{\"_id\":\"2\",\"b\":1}]");
            var read = docs.read("commons", "c", List.of("1", "2"));
            assertThat(read.get("1").has("a")).isTrue();
            assertThat(read.get("1").get("a").isNull()).isTrue();
            assertThat(read.get("2").has("a")).isFalse();
        }
    }

    @Test
    void anIdWrittenBeforeARestartIsStillReplaced(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir)) {
            MetadataStore meta = new MetadataStore(db);
            DocumentStore docs = new DocumentStore(db, meta, mapper);
            meta.createCollection("commons", "c", null, null, null);
            add(docs, "[{\"_id\":\"same\",\"v\":1},{\"_id\":\"same\",\"v\":2}]");
            assertThat(count(db, "SELECT count(*) FROM data.c2")).isEqualTo(1);
        }
        try (Database db = Database.open(dir)) {
            MetadataStore meta = new MetadataStore(db);
            DocumentStore docs = new DocumentStore(db, meta, mapper);
            add(docs, "[{\"_id\":\"same\",\"v\":3}]");
            long table = meta.requireCollection("commons", "c").id();
            assertThat(count(db, "SELECT count(*) FROM data.c" + table)).isEqualTo(1);
            assertThat(count(db, "SELECT v FROM data.c" + table)).isEqualTo(3);
        }
    }

    @Test
    void idFilterHasNoFalseNegatives() {
        IdFilter filter = new IdFilter(10_000);
        for (int i = 0; i < 100_000; i++) {
            filter.add("id" + i);
        }
        for (int i = 0; i < 100_000; i++) {
            assertThat(filter.mightContain("id" + i)).isTrue();
        }
        assertThat(filter.full()).isTrue();
    }

    @Test
    void concurrentBatchesCommitTogetherAndABadOneFailsAlone() throws Exception {
        try (Database db = Database.open(null)) {
            MetadataStore meta = new MetadataStore(db);
            DocumentStore docs = new DocumentStore(db, meta, mapper);
            meta.createCollection("commons", "c", null, null, null);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            List<java.util.concurrent.Future<String>> results = new ArrayList<>();
            for (int t = 0; t < 40; t++) {
                int batch = t;
                results.add(pool.submit(() -> {
                    List<DocumentStore.Write> writes = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        writes.add(DocumentStore.Write.upsert(new StoredDocument("b" + batch + "-" + i, now(),
                                Map.of("v", new FieldValue(ColumnType.BIGINT, (long) i))), false));
                    }
                    return docs.apply("commons", batch == 7 ? "missing" : "c", writes, 0);
                }));
            }
            int failures = 0;
            java.util.Set<String> offsets = new java.util.HashSet<>();
            for (var f : results) {
                try {
                    offsets.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(StoreException.class);
                    failures++;
                }
            }
            pool.shutdown();
            assertThat(failures).isEqualTo(1);
            assertThat(offsets).hasSize(39);
            long table = meta.requireCollection("commons", "c").id();
            assertThat(count(db, "SELECT count(*) FROM data.c" + table)).isEqualTo(39 * 50);
        }
    }
}
