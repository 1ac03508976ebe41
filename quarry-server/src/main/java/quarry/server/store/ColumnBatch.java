package quarry.server.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch of plain documents held column by column, as {@link StreamingDecoder} reads them from a
 * Write API body: one {@code _id}, event time and set of explicit nulls per document, and per
 * top-level field its values in typed arrays (no per-document map, no boxed values). Only the
 * types a plain JSON value has: int, float, bool, string, and objects and arrays as JSON text.
 * {@link #writes()} gives the same documents as {@link DocumentStore.Write}s, for every path that
 * needs more than an append.
 */
public final class ColumnBatch {

    /** What a row holds in a column. */
    static final byte UNDEFINED = 0;
    static final byte NULL = 1;
    static final byte LONG = 2;
    static final byte DOUBLE = 3;
    static final byte TRUE = 4;
    static final byte FALSE = 5;
    static final byte STRING = 6;
    static final byte JSON = 7;

    /** One field's values, row by row. */
    static final class Column {
        final String name;
        byte[] kinds;
        long[] longs;
        double[] doubles;
        String[] texts;
        /** The column type the values need (null: only nulls). */
        ColumnType type;
        /** The last row that set a value, to refuse a field named twice in one document. */
        int lastRow = -1;

        Column(String name, int capacity) {
            this.name = name;
            this.kinds = new byte[capacity];
        }

        void ensure(int capacity) {
            if (kinds.length < capacity) {
                int size = Math.max(capacity, kinds.length * 2);
                kinds = Arrays.copyOf(kinds, size);
                longs = longs == null ? null : Arrays.copyOf(longs, size);
                doubles = doubles == null ? null : Arrays.copyOf(doubles, size);
                texts = texts == null ? null : Arrays.copyOf(texts, size);
            }
        }

        void need(ColumnType t) {
            type = type == null ? t : type == t ? t : type.widen(t);
        }

        byte kind(int row) {
            return row < kinds.length ? kinds[row] : UNDEFINED;
        }

        FieldValue value(int row) {
            return switch (kind(row)) {
                case NULL -> FieldValue.NULL;
                case LONG -> new FieldValue(ColumnType.BIGINT, longs[row]);
                case DOUBLE -> new FieldValue(ColumnType.DOUBLE, doubles[row]);
                case TRUE -> new FieldValue(ColumnType.BOOLEAN, Boolean.TRUE);
                case FALSE -> new FieldValue(ColumnType.BOOLEAN, Boolean.FALSE);
                case STRING -> new FieldValue(ColumnType.VARCHAR, texts[row]);
                case JSON -> new FieldValue(ColumnType.JSON, texts[row]);
                default -> null;
            };
        }
    }

    final String[] ids;
    final boolean[] generated;
    final long[] eventTimes;
    /** Per row, the names of its explicit nulls in field order, or null when it has none. */
    final List<String>[] nulls;
    final List<Column> columns;
    final int size;

    ColumnBatch(String[] ids, boolean[] generated, long[] eventTimes, List<String>[] nulls, List<Column> columns,
            int size) {
        this.ids = ids;
        this.generated = generated;
        this.eventTimes = eventTimes;
        this.nulls = nulls;
        this.columns = columns;
        this.size = size;
    }

    /** The number of documents. */
    public int size() {
        return size;
    }

    /** The {@code _id} of a document, given or generated. */
    public String id(int row) {
        return ids[row];
    }

    /** The column type each field needs, in the order the fields first appear (null: only nulls). */
    Map<String, ColumnType> neededTypes() {
        Map<String, ColumnType> needed = new LinkedHashMap<>();
        for (Column c : columns) {
            needed.put(c.name, c.type);
        }
        return needed;
    }

    /** The documents as writes, for the paths that need more than an append. */
    public List<DocumentStore.Write> writes() {
        List<DocumentStore.Write> out = new ArrayList<>(size);
        for (int row = 0; row < size; row++) {
            Map<String, FieldValue> fields = new LinkedHashMap<>();
            for (Column c : columns) {
                FieldValue v = c.value(row);
                if (v != null) {
                    fields.put(c.name, v);
                }
            }
            out.add(DocumentStore.Write.upsert(new StoredDocument(ids[row], eventTimes[row], fields), generated[row]));
        }
        return out;
    }
}
