package quarry.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import quarry.server.store.ColumnBatch;
import quarry.server.store.DocumentDecoder;
import quarry.server.store.DocumentStore;
import quarry.server.store.InvalidDocumentException;
import quarry.server.store.MetadataStore;
import quarry.server.store.Operation;
import quarry.server.store.StreamingDecoder;
import quarry.server.query.IngestPipeline;

/**
 * The Write API (spec §4.4): add, patch and delete documents, with a status per document; one
 * bad document does not stop the others, a bad request writes nothing.
 */
final class DocumentRoutes {

    static final int MAX_DOCUMENTS = 20_000;
    private static final String PATH = "/v1/orgs/self/ws/{ws}/collections/{c}/docs";

    private final MetadataStore metadata;
    private final DocumentStore documents;
    private final ObjectMapper mapper;
    private final IngestPipeline ingest;
    /** Reads the common body (plain documents) without a JSON tree; the rest goes the full way. */
    private final StreamingDecoder streaming;

    DocumentRoutes(MetadataStore metadata, DocumentStore documents, ObjectMapper mapper, IngestPipeline ingest) {
        this.metadata = metadata;
        this.documents = documents;
        this.mapper = mapper;
        this.ingest = ingest;
        this.streaming = new StreamingDecoder(mapper);
    }

    List<Route> routes() {
        return List.of(Route.of("POST", PATH, this::add), Route.of("PATCH", PATH, this::patch),
                Route.of("DELETE", PATH, this::delete));
    }

    private ArrayNode batch(ApiRequest r) {
        ArrayNode data = r.json().requireArray("data");
        if (data.size() > MAX_DOCUMENTS) {
            throw new ApiException(400, "INVALIDINPUT", "TOO_MANY_DOCUMENTS", "The number of documents specified in"
                    + " this request exceeds the maximum allowed limit of 20,000 documents", null, null, null, null);
        }
        metadata.requireCollection(r.var("ws"), r.var("c"));
        return data;
    }

    private JsonNode add(ApiRequest r) {
        long now = nowMicros();
        ColumnBatch plain = streaming.decode(r.body(), now, MAX_DOCUMENTS);
        if (plain != null && metadata.requireCollection(r.var("ws"), r.var("c")).fieldMappingSql() == null) {
            String offset = documents.append(r.var("ws"), r.var("c"), plain, r.body().length);
            List<Status> statuses = new ArrayList<>(plain.size());
            for (int i = 0; i < plain.size(); i++) {
                statuses.add(status(r.var("c"), plain.id(i), "ADDED", null));
            }
            return response(statuses, offset);
        }
        ArrayNode data = batch(r);
        List<Status> statuses = new ArrayList<>();
        List<Operation> writes = new ArrayList<>();
        for (JsonNode doc : data) {
            try {
                DocumentDecoder.Decoded d = DocumentDecoder.decode(doc, now);
                writes.add(Operation.of(d.document(), doc.has("_op") ? d.op() : null, d.generatedId()));
                statuses.add(status(r.var("c"), d.document().id(), "DELETE".equals(d.op()) ? "DELETED" : "ADDED", null));
            } catch (InvalidDocumentException e) {
                JsonNode id = doc.path("_id");
                statuses.add(status(r.var("c"), id.isTextual() ? id.textValue() : null, "ERROR", e.getMessage()));
            }
        }
        String offset = ingest.ingest(r.var("ws"), r.var("c"), writes, r.body().length);
        return response(statuses, offset);
    }

    private JsonNode patch(ApiRequest r) {
        ArrayNode data = batch(r);
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode entry : data) {
            if (entry.path("_id").isTextual()) {
                ids.add(entry.get("_id").textValue());
            }
        }
        Map<String, ObjectNode> current = documents.read(r.var("ws"), r.var("c"), ids);
        List<Status> statuses = new ArrayList<>();
        List<DocumentStore.Write> writes = new ArrayList<>();
        long now = nowMicros();
        for (JsonNode entry : data) {
            JsonNode idNode = entry.path("_id");
            String id = idNode.isTextual() ? idNode.textValue() : null;
            try {
                if (id == null) {
                    throw new InvalidDocumentException("each patch needs a string \"_id\"");
                }
                if (!entry.path("patch").isArray()) {
                    throw new InvalidDocumentException("each patch needs an array \"patch\"");
                }
                ObjectNode doc = current.get(id);
                if (doc == null) {
                    throw new InvalidDocumentException("Document with _id \"" + id + "\" does not exist");
                }
                ObjectNode patched = doc.deepCopy();
                JsonPatch.apply(patched, (ArrayNode) entry.get("patch"));
                DocumentDecoder.Decoded d = DocumentDecoder.decode(patched, now);
                current.put(id, patched);
                writes.add(DocumentStore.Write.upsert(d.document(), false));
                statuses.add(new Status(r.var("c"), id, "PATCHED", null, UUID.randomUUID().toString()));
            } catch (InvalidDocumentException | JsonPatch.PatchException e) {
                statuses.add(status(r.var("c"), id, "ERROR", e.getMessage()));
            }
        }
        String offset = documents.apply(r.var("ws"), r.var("c"), writes, 0);
        return response(statuses, offset);
    }

    private JsonNode delete(ApiRequest r) {
        ArrayNode data = batch(r);
        List<Status> statuses = new ArrayList<>();
        List<DocumentStore.Write> writes = new ArrayList<>();
        for (JsonNode entry : data) {
            JsonNode id = entry.path("_id");
            if (!id.isTextual()) {
                statuses.add(status(r.var("c"), null, "ERROR", "each document to delete needs a string \"_id\""));
                continue;
            }
            writes.add(DocumentStore.Write.delete(id.textValue()));
            statuses.add(status(r.var("c"), id.textValue(), "DELETED", null));
        }
        String offset = documents.apply(r.var("ws"), r.var("c"), writes, 0);
        return response(statuses, offset);
    }

    /** One document's outcome, as the response's {@code data} lists it. */
    private record Status(String collection, String id, String status, String error, String patchId) {}

    private static Status status(String collection, String id, String status, String error) {
        return new Status(collection, id, status, error, null);
    }

    private static final com.fasterxml.jackson.core.io.SerializedString COLLECTION =
            new com.fasterxml.jackson.core.io.SerializedString("_collection");
    private static final com.fasterxml.jackson.core.io.SerializedString ERROR =
            new com.fasterxml.jackson.core.io.SerializedString("error");
    private static final com.fasterxml.jackson.core.io.SerializedString ID =
            new com.fasterxml.jackson.core.io.SerializedString("_id");
    private static final com.fasterxml.jackson.core.io.SerializedString STATUS =
            new com.fasterxml.jackson.core.io.SerializedString("status");
    private static final com.fasterxml.jackson.core.io.SerializedString PATCH_ID =
            new com.fasterxml.jackson.core.io.SerializedString("patch_id");

    /**
     * Written with a streaming generator: a batch of 20,000 statuses is the bulk of the response.
     * Names and the values every status repeats are quoted once ({@code SerializedString}).
     */
    private ObjectNode response(List<Status> statuses, String offset) {
        byte[] plain = plainStatuses(statuses);
        if (plain != null) {
            ObjectNode out = mapper.createObjectNode();
            out.putRawValue("data", new com.fasterxml.jackson.databind.util.RawValue(new quarry.server.query.RawJson(plain)));
            out.put("last_offset", offset);
            return out;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(statuses.size() * 96 + 16);
        Map<String, com.fasterxml.jackson.core.io.SerializedString> quoted = new java.util.HashMap<>();
        try (com.fasterxml.jackson.core.JsonGenerator g = mapper.getFactory().createGenerator(bytes)) {
            g.writeStartArray();
            for (Status s : statuses) {
                g.writeStartObject();
                g.writeFieldName(COLLECTION);
                g.writeString(quoted.computeIfAbsent(s.collection(), com.fasterxml.jackson.core.io.SerializedString::new));
                g.writeFieldName(ERROR);
                if (s.error() == null) {
                    g.writeNull();
                } else {
                    g.writeStartObject();
                    g.writeStringField("message", s.error());
                    g.writeStringField("type", "INVALIDINPUT");
                    g.writeEndObject();
                }
                g.writeFieldName(ID);
                g.writeString(s.id());
                g.writeFieldName(STATUS);
                g.writeString(quoted.computeIfAbsent(s.status(), com.fasterxml.jackson.core.io.SerializedString::new));
                g.writeFieldName(PATCH_ID);
                g.writeString(s.patchId());
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        ObjectNode out = mapper.createObjectNode();
        out.putRawValue("data", new com.fasterxml.jackson.databind.util.RawValue(
                new quarry.server.query.RawJson(bytes.toByteArray())));
        out.put("last_offset", offset);
        return out;
    }

    /**
     * The statuses of a batch without errors or patch ids (every add and delete that succeeded),
     * as the generator would write them, assembled from pieces quoted once: a method small
     * enough that the JIT compiles it once (the generator loop above, inlined, was recompiled
     * time and again, each time for a quarter of a CPU-second); null when a status has more.
     */
    private static byte[] plainStatuses(List<Status> statuses) {
        com.fasterxml.jackson.core.io.JsonStringEncoder quote = com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(statuses.size() * 96 + 16);
        out.write('[');
        String collection = null;
        byte[] head = null;
        String status = null;
        byte[] tail = null;
        for (int i = 0; i < statuses.size(); i++) {
            Status s = statuses.get(i);
            if (s.error() != null || s.patchId() != null || s.id() == null) {
                return null;
            }
            if (!s.collection().equals(collection)) {
                collection = s.collection();
                head = utf8("{\"_collection\":\"" + new String(quote.quoteAsString(collection))
                        + "\",\"error\":null,\"_id\":\"");
            }
            if (!s.status().equals(status)) {
                status = s.status();
                tail = utf8("\",\"status\":\"" + new String(quote.quoteAsString(status)) + "\",\"patch_id\":null}");
            }
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(head);
            out.writeBytes(quote.quoteAsUTF8(s.id()));
            out.writeBytes(tail);
        }
        out.write(']');
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }
}
