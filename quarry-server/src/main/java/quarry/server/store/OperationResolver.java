package quarry.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Applies a batch of {@link Operation}s with the meaning of each {@code _op} (spec §5.4):
 * INSERT only when absent; UPDATE merges top-level fields into a stored document; UPSERT merges
 * or inserts; REPLACE replaces only a stored document; REPSERT, and a document without
 * {@code _op}, replace or insert; DELETE removes. Operations on one {@code _id} in one batch see
 * each other in order. Batches that read stored documents are serialised per collection (read,
 * then write), so two of them never merge into the same stale document. The writer lock is not
 * held while reading: the document store's group commit takes its own locks first.
 */
public final class OperationResolver {

    private final DocumentStore documents;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public OperationResolver(DocumentStore documents) {
        this.documents = Objects.requireNonNull(documents);
    }

    /** Writes the batch; returns the new last_offset. */
    public String apply(String ws, String collection, List<Operation> operations, long bytes) {
        boolean reads = operations.stream().anyMatch(Operation::readsStored);
        if (!reads) {
            return documents.apply(ws, collection, plain(operations), bytes);
        }
        ReentrantLock lock = locks.computeIfAbsent(ws + "." + collection, k -> new ReentrantLock());
        lock.lock();
        try {
            return documents.apply(ws, collection, resolve(ws, collection, operations), bytes);
        } finally {
            lock.unlock();
        }
    }

    private static List<DocumentStore.Write> plain(List<Operation> operations) {
        List<DocumentStore.Write> out = new ArrayList<>(operations.size());
        for (Operation o : operations) {
            out.add(o.isDelete() ? DocumentStore.Write.delete(o.id())
                    : DocumentStore.Write.upsert(o.document(), o.generatedId()));
        }
        return out;
    }

    private List<DocumentStore.Write> resolve(String ws, String collection, List<Operation> operations) {
        Set<String> ids = new LinkedHashSet<>();
        for (Operation o : operations) {
            if (o.readsStored()) {
                ids.add(o.id());
            }
        }
        Map<String, StoredDocument> current = new HashMap<>();
        for (Map.Entry<String, ObjectNode> e : documents.read(ws, collection, ids).entrySet()) {
            current.put(e.getKey(), DocumentDecoder.decode(e.getValue(), 0).document());
        }
        Map<String, DocumentStore.Write> out = new LinkedHashMap<>();
        for (Operation o : operations) {
            StoredDocument stored = current.get(o.id());
            StoredDocument next = switch (o.op() == null ? "REPSERT" : o.op()) {
                case "DELETE" -> null;
                case "INSERT" -> stored != null ? stored : o.document();
                case "UPDATE" -> stored == null ? null : merge(stored, o.document());
                case "UPSERT" -> stored == null ? o.document() : merge(stored, o.document());
                case "REPLACE" -> stored == null ? null : o.document();
                default -> o.document();
            };
            if (o.readsStored() && next == stored) {
                continue;
            }
            current.put(o.id(), next);
            out.remove(o.id());
            out.put(o.id(), next == null ? DocumentStore.Write.delete(o.id()) : DocumentStore.Write.upsert(next, false));
        }
        return new ArrayList<>(out.values());
    }

    /** The stored document with the new top-level fields laid over it; the new event time wins. */
    private static StoredDocument merge(StoredDocument stored, StoredDocument update) {
        Map<String, FieldValue> fields = new LinkedHashMap<>(stored.fields());
        fields.putAll(update.fields());
        return new StoredDocument(stored.id(), update.eventTimeMicros(), fields);
    }
}
