package quarry.server.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import quarry.server.store.CollectionInfo;
import quarry.server.store.DocumentStore;
import quarry.server.store.InvalidDocumentException;
import quarry.server.store.MetadataStore;
import quarry.server.store.Operation;
import quarry.server.store.OperationResolver;

/**
 * The one way documents arrive in a collection, shared by the Write API and INSERT INTO (and so
 * by uploads and bulk loads): the collection's ingest transformation, then each {@code _op}
 * (spec §5.4, §5.9), then the write.
 */
public final class IngestPipeline implements AutoCloseable {

    private final MetadataStore metadata;
    private final OperationResolver operations;
    private final IngestTransformation transformation;

    public IngestPipeline(MetadataStore metadata, OperationResolver operations, IngestTransformation transformation) {
        this.metadata = Objects.requireNonNull(metadata);
        this.operations = Objects.requireNonNull(operations);
        this.transformation = Objects.requireNonNull(transformation);
    }

    /** Transforms and writes the documents; returns the new last_offset. */
    public String ingest(String ws, String collection, List<Operation> incoming, long bytes) {
        CollectionInfo info = metadata.requireCollection(ws, collection);
        List<Operation> stored;
        try {
            stored = info.fieldMappingSql() == null ? incoming : transformation.apply(info.fieldMappingSql(), incoming);
        } catch (InvalidDocumentException e) {
            throw new QueryException(400, "INVALIDINPUT",
                    "the ingest transformation produced an invalid document: " + e.getMessage(), null, null, null, null);
        }
        return operations.apply(ws, collection, stored, bytes);
    }

    /** The operation a result row of INSERT INTO asks for: its {@code _op} column, if any, names it. */
    static Operation operation(RowDecoder decoder, ResultSet rs, ResultEncoder.Layout layout, long nowMicros)
            throws SQLException {
        DocumentStore.Write w = decoder.decode(rs, layout, nowMicros);
        if (w == null) {
            return null;
        }
        if (w.document() == null) {
            return Operation.delete(w.id());
        }
        String op = null;
        for (int i = 0; i < layout.names().length; i++) {
            if ("_op".equals(layout.names()[i]) && !layout.hidden()[i]) {
                op = rs.getString(i + 1);
            }
        }
        return new Operation(w.id(), w.document(), op, w.idIsNew());
    }

    @Override
    public void close() {
        transformation.close();
    }
}
