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
    void idFilterHasNoFalseNegativesWhenItGrows() {
        IdFilter filter = new IdFilter(10_000);
        for (int i = 0; i < 400_000; i++) {
            filter.add("id" + i);
        }
        assertThat(filter.segmentCount()).isEqualTo(3);
        for (int i = 0; i < 400_000; i++) {
            assertThat(filter.mightContain("id" + i)).isTrue();
            assertThat(filter.addAndCheck("id" + i)).isTrue();
        }
    }

    @Test
    void idFilterGrownPastItsSizeStillSeldomAnswersMaybe() {
        IdFilter filter = new IdFilter(65_536);
        int seenBefore = 0;
        for (int i = 0; i < 1_000_000; i++) {
            if (filter.addAndCheck("id" + i)) {
                seenBefore++;
            }
        }
        assertThat(filter.segmentCount()).isEqualTo(3);
        assertThat(seenBefore).isLessThan(100);
        int maybe = 0;
        for (int i = 0; i < 1_000_000; i++) {
            if (filter.mightContain("other" + i)) {
                maybe++;
            }
        }
        assertThat(maybe).isLessThan(100);
    }

    @Test
    void idFilterSeldomAnswersMaybeForAnIdNeverAdded() {
        IdFilter filter = new IdFilter(100_000);
        int seenBefore = 0;
        for (int i = 0; i < 100_000; i++) {
            if (filter.addAndCheck("id" + i)) {
                seenBefore++;
            }
        }
        assertThat(seenBefore).isLessThan(50);
        assertThat(filter.addAndCheck("id5")).isTrue();
        int maybe = 0;
        for (int i = 0; i < 100_000; i++) {
            if (filter.mightContain("other" + i)) {
                maybe++;
            }
        }
        assertThat(maybe).isLessThan(50);
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

    @Test
    void everyValueTypeReadsBackExactly() throws Exception {
        try (Database db = Database.open(null)) {
            MetadataStore meta = new MetadataStore(db);
            DocumentStore docs = new DocumentStore(db, meta, mapper);
            meta.createCollection("commons", "c", null, null, null);
            add(docs, "[{\"_id\":\"1\",\"_event_time\":{\"__rockset_type\":\"timestamp\","
                    + "\"value\":\"1969-12-31T23:59:59.999999Z\"},\"i\":-9223372036854775808,\"f\":1.0E-300,"
                    + "\"b\":false,\"s\":\"a\\\"quote\\\\ \\u00e9\\n\",\"it's\":1,"
                    + "\"o\":{\"x\":[1,2.5,\"y\",null]},\"d\":{\"__rockset_type\":\"date\",\"value\":\"1601-02-03\"},"
                    + "\"dt\":{\"__rockset_type\":\"datetime\",\"value\":\"2024-02-29T23:59:59.123456\"},"
                    + "\"t\":{\"__rockset_type\":\"time\",\"value\":\"23:59:59.999999\"},"
                    + "\"ts\":{\"__rockset_type\":\"timestamp\",\"value\":\"2024-01-01T00:00:00.000001Z\"}}]");
            var d = docs.read("commons", "c", List.of("1")).get("1");
            assertThat(d.get("_event_time").get("value").asText()).isEqualTo("1969-12-31T23:59:59.999999Z");
            assertThat(d.get("i").longValue()).isEqualTo(Long.MIN_VALUE);
            assertThat(d.get("f").doubleValue()).isEqualTo(1.0E-300);
            assertThat(d.get("b").booleanValue()).isFalse();
            assertThat(d.get("s").textValue()).isEqualTo("a\"quote\\ \u00e9\n");
            assertThat(d.get("it's").intValue()).isEqualTo(1);
            assertThat(d.get("o").toString()).isEqualTo("{\"x\":[1,2.5,\"y\",null]}");
            assertThat(d.get("d").get("value").asText()).isEqualTo("1601-02-03");
            assertThat(d.get("dt").get("value").asText()).isEqualTo("2024-02-29T23:59:59.123456");
            assertThat(d.get("t").get("value").asText()).isEqualTo("23:59:59.999999");
            assertThat(d.get("ts").asText()).isEqualTo("2024-01-01T00:00:00.000001Z");
        }
    }

    @Test
    void aBatchOfNarrowerTypesIsStoredInAColumnWidenedBefore() throws Exception {
        try (Database db = Database.open(null)) {
            MetadataStore meta = new MetadataStore(db);
            DocumentStore docs = new DocumentStore(db, meta, mapper);
            meta.createCollection("commons", "c", null, null, null);
            add(docs, "[{\"_id\":\"1\",\"m\":\"one\",\"n\":1.5}]");
            add(docs, "[{\"_id\":\"2\",\"m\":{\"a\":1}}]");
            add(docs, "[{\"_id\":\"3\",\"m\":3,\"n\":3},{\"_id\":\"4\",\"m\":true}]");
            assertThat(meta.requireCollection("commons", "c").field("m").orElseThrow().type())
                    .isEqualTo(ColumnType.JSON);
            var read = docs.read("commons", "c", List.of("1", "2", "3", "4"));
            assertThat(read.get("1").get("m").textValue()).isEqualTo("one");
            assertThat(read.get("2").get("m").get("a").intValue()).isEqualTo(1);
            assertThat(read.get("3").get("m").isIntegralNumber()).isTrue();
            assertThat(read.get("3").get("n").doubleValue()).isEqualTo(3.0);
            assertThat(read.get("4").get("m").booleanValue()).isTrue();
        }
    }

    @Test
    void aStringWithALoneSurrogateIsStored() throws Exception {
        try (Database db = Database.open(null)) {
            MetadataStore meta = new MetadataStore(db);
            DocumentStore docs = new DocumentStore(db, meta, mapper);
            meta.createCollection("commons", "c", null, null, null);
            add(docs, "[{\"_id\":\"1\",\"s\":\"lone \\ud800 surrogate\",\"n\":1}]");
            var read = docs.read("commons", "c", List.of("1"));
            assertThat(read.get("1").get("s").textValue()).startsWith("lone ").endsWith(" surrogate");
            assertThat(read.get("1").get("n").intValue()).isEqualTo(1);
        }
    }

    @Test
    void offsetsKeepGrowingAndBytesAddUpAcrossARestart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String batch = "[{\"_id\":\"a\",\"x\":1},{\"_id\":\"b\",\"x\":2}]";
        long before;
        try (Database db = Database.open(dir)) {
            MetadataStore meta = new MetadataStore(db);
            DocumentStore docs = new DocumentStore(db, meta, mapper);
            meta.createCollection("commons", "c", null, null, null);
            add(docs, batch);
            add(docs, batch);
            before = Long.parseLong(docs.apply("commons", "c", List.of(), 0).substring(3));
        }
        for (int reopen = 0; reopen < 2; reopen++) {
            try (Database db = Database.open(dir)) {
                MetadataStore meta = new MetadataStore(db);
                DocumentStore docs = new DocumentStore(db, meta, mapper);
                assertThat(meta.stats(meta.requireCollection("commons", "c"))[1]).isEqualTo(2L * batch.length());
                long after = Long.parseLong(docs.apply("commons", "c", List.of(), 0).substring(3));
                assertThat(after).isGreaterThan(before);
                before = after;
                // folded into one row when the database opened, plus the write just made
                assertThat(count(db, "SELECT count(*) FROM meta.tally WHERE name = 'offset'")).isEqualTo(2);
            }
        }
    }
}
