package quarry.core.artifacts;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import quarry.core.adapter.RelationStyle;
import quarry.core.graph.Dag;
import quarry.core.manifest.DocBlock;
import quarry.core.manifest.Exposure;
import quarry.core.manifest.Macro;
import quarry.core.manifest.Manifest;
import quarry.core.manifest.Node;
import quarry.core.manifest.SourceDefinition;

/**
 * Writes {@code target/manifest.json} in dbt's manifest v12 shape, streaming so that large projects
 * never hold the JSON in memory. Field names are dbt's wire names.
 */
public final class ManifestWriter {

    public static final String SCHEMA = "https://schemas.getdbt.com/dbt/manifest/v12.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    private final RelationStyle relationStyle;

    public ManifestWriter(RelationStyle relationStyle) {
        this.relationStyle = relationStyle;
    }

    /** Writes atomically: a temporary file renamed over the target. */
    public void write(Path file, Manifest manifest, Dag dag, InvocationInfo info, Map<String, CompiledNode> compiled) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                write(out, manifest, dag, info, compiled);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(OutputStream out, Manifest manifest, Dag dag, InvocationInfo info,
            Map<String, CompiledNode> compiled) throws IOException {
        JsonFactory factory = MAPPER.getFactory();
        try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
            g.setCodec(MAPPER);
            // flush() empties the generator's buffer into the stream without flushing the stream
            g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            g.writeStartObject();
            metadata(g, manifest, info);
            dag.sortIdsMeanwhile(); // for parent_map and child_map, while the nodes are written
            NodeJson nodes = NodeJson.forNodes(manifest.nodes().values(), relationStyle, factory);
            g.writeObjectFieldStart("nodes");
            writeNodesInParallel(g, out, nodes, new java.util.ArrayList<>(manifest.nodes().values()), compiled);
            g.writeEndObject();
            g.writeObjectFieldStart("sources");
            for (SourceDefinition s : manifest.sources().values()) {
                g.writeFieldName(s.uniqueId());
                ResourceJson.source(g, s, relationStyle);
            }
            g.writeEndObject();
            g.writeObjectFieldStart("macros");
            for (Macro m : manifest.macros().values()) {
                g.writeFieldName(m.uniqueId());
                ResourceJson.macro(g, m);
            }
            g.writeEndObject();
            g.writeObjectFieldStart("docs");
            for (DocBlock d : manifest.docs().values()) {
                g.writeObjectFieldStart(d.uniqueId());
                g.writeStringField("name", d.name());
                g.writeStringField("resource_type", "doc");
                g.writeStringField("package_name", d.packageName());
                g.writeStringField("path", d.path());
                g.writeStringField("original_file_path", d.originalFilePath());
                g.writeStringField("unique_id", d.uniqueId());
                g.writeStringField("block_contents", d.blockContents());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("exposures");
            for (Exposure e : manifest.exposures().values()) {
                g.writeFieldName(e.uniqueId());
                ResourceJson.exposure(g, e);
            }
            g.writeEndObject();
            for (String empty : List.of("metrics", "groups")) {
                g.writeObjectFieldStart(empty);
                g.writeEndObject();
            }
            ResourceJson.field(g, "selectors", manifest.selectors());
            g.writeObjectFieldStart("disabled");
            for (Map.Entry<String, Object> e : manifest.disabled().entrySet()) {
                g.writeArrayFieldStart(e.getKey());
                for (Object item : (List<?>) e.getValue()) {
                    if (item instanceof Node n) {
                        nodes.write(g, n, null);
                    } else if (item instanceof SourceDefinition s) {
                        ResourceJson.source(g, s, relationStyle);
                    }
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            List<String> ids = dag.sortedIds();
            g.writeObjectFieldStart("parent_map");
            writeAdjacencyInParallel(g, out, ids, dag::sortedParents);
            g.writeEndObject();
            g.writeObjectFieldStart("child_map");
            writeAdjacencyInParallel(g, out, ids, dag::sortedChildren);
            g.writeEndObject();
            g.writeObjectFieldStart("group_map");
            g.writeEndObject();
            for (String empty : List.of("saved_queries", "semantic_models")) {
                g.writeObjectFieldStart(empty);
                g.writeEndObject();
            }
            g.writeObjectFieldStart("unit_tests");
            for (quarry.core.manifest.UnitTest u : manifest.unitTests().values()) {
                g.writeFieldName(u.uniqueId());
                UnitTestJson.write(g, u);
            }
            g.writeEndObject();
            g.writeObjectFieldStart("functions");
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    /** Nodes per unit of parallel work: large enough to amortize a generator, small enough to spread. */
    private static final int CHUNK = 64;

    /** Ids of parent_map and child_map per unit of parallel work (an entry is a few ids). */
    private static final int ID_CHUNK = 1024;

    /** Writes the entries of one item into an object being written (its field name and value), or nothing. */
    private interface EntryWriter<T> {
        void write(JsonGenerator g, T item) throws IOException;
    }

    private void writeNodesInParallel(JsonGenerator g, OutputStream out, NodeJson json, List<Node> nodes,
            Map<String, CompiledNode> compiled) throws IOException {
        writeEntriesInParallel(g, out, nodes, CHUNK, 2048, (one, n) -> {
            one.writeFieldName(n.uniqueId());
            json.write(one, n, compiled.get(n.uniqueId()));
        });
    }

    /** {@code parent_map} or {@code child_map}: every id that has an entry, in id order, with its sorted neighbours. */
    private static void writeAdjacencyInParallel(JsonGenerator g, OutputStream out, List<String> ids,
            java.util.function.Function<String, List<String>> sortedNeighbours) throws IOException {
        writeEntriesInParallel(g, out, ids, ID_CHUNK, 128, (one, id) -> {
            List<String> neighbours = sortedNeighbours.apply(id);
            if (neighbours != null) {
                one.writeFieldName(id);
                one.writeStartArray();
                for (String n : neighbours) {
                    one.writeString(n);
                }
                one.writeEndArray();
            }
        });
    }

    /**
     * Serializes the entries of an object being written in batches, each batch's chunks in parallel
     * straight into UTF-8 bytes ({@code "id":{...},"id":{...}}), then copies the bytes in order into
     * the output: the manifest's largest parts use every core, nothing is encoded twice, and memory
     * stays bounded by the batch. The generator is flushed before the copy and never sees the
     * entries, which is safe because the manifest is written compact (no separators to track beyond
     * the commas written here).
     */
    private static <T> void writeEntriesInParallel(JsonGenerator g, OutputStream out, List<T> items, int chunk,
            int bytesPerItem, EntryWriter<T> writer) throws IOException {
        int batch = chunk * 32;
        g.flush();
        boolean first = true;
        // each chunk's buffer is kept for the next batch's chunk of that index (written out by then)
        Bytes[] buffers = new Bytes[32];
        for (int start = 0; start < items.size(); start += batch) {
            List<T> slice = items.subList(start, Math.min(items.size(), start + batch));
            int chunks = (slice.size() + chunk - 1) / chunk;
            List<Bytes> encoded = java.util.stream.IntStream.range(0, chunks).parallel().mapToObj(c -> {
                List<T> part = slice.subList(c * chunk, Math.min(slice.size(), (c + 1) * chunk));
                Bytes bytes = buffers[c];
                if (bytes == null) {
                    bytes = new Bytes(part.size() * bytesPerItem);
                    buffers[c] = bytes;
                } else {
                    bytes.reset();
                }
                try (JsonGenerator one = MAPPER.getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
                    one.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
                    // an object opened only so that the generator writes the commas between entries
                    one.writeStartObject();
                    for (T item : part) {
                        writer.write(one, item);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return bytes;
            }).toList();
            for (Bytes part : encoded) {
                if (part.size() <= 1) {
                    continue; // no entries
                }
                if (!first) {
                    out.write(',');
                }
                // skip the '{' of the opened object
                part.writeTo(out, 1);
                first = false;
            }
        }
    }

    /** A byte buffer whose content is written out without the copy {@code toByteArray()} makes. */
    private static final class Bytes extends java.io.ByteArrayOutputStream {
        Bytes(int size) {
            super(size);
        }

        void writeTo(OutputStream out, int from) throws IOException {
            out.write(buf, from, count - from);
        }
    }

    private void metadata(JsonGenerator g, Manifest manifest, InvocationInfo info) throws IOException {
        g.writeObjectFieldStart("metadata");
        g.writeStringField("dbt_schema_version", SCHEMA);
        g.writeStringField("dbt_version", info.dbtVersion());
        g.writeStringField("generated_at", ISO.format(java.time.Instant.now().truncatedTo(ChronoUnit.MICROS)));
        g.writeStringField("invocation_id", info.invocationId());
        g.writeStringField("invocation_started_at", ISO.format(info.startedAt()));
        ResourceJson.field(g, "env", info.env());
        g.writeStringField("project_name", manifest.projectName());
        g.writeStringField("project_id", quarry.core.parse.Hashing.md5(manifest.projectName()));
        g.writeNullField("user_id");
        g.writeBooleanField("send_anonymous_usage_stats", false);
        g.writeStringField("adapter_type", info.adapterType());
        g.writeObjectFieldStart("quoting");
        g.writeBooleanField("database", relationStyle.quotePolicy().database());
        g.writeBooleanField("schema", relationStyle.quotePolicy().schema());
        g.writeBooleanField("identifier", relationStyle.quotePolicy().identifier());
        g.writeNullField("column");
        g.writeEndObject();
        g.writeStringField("run_started_at", ISO.format(info.startedAt()));
        g.writeEndObject();
    }
}
