package quarry.server.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Reads a Write API body ({@code {"data":[…]}}) token by token straight into a
 * {@link ColumnBatch}, without a JSON tree or a map per document (docs/server-storage.md,
 * "Writes"). It takes only what it decodes exactly as {@link DocumentDecoder} does: documents of
 * plain JSON values with a string or no {@code _id}, {@code _meta} ignored. Anything else (invalid
 * JSON, a document that is not an object, {@code _op}, {@code _event_time}, a typed value
 * {@code __rockset_type}, an integer beyond 64 bits, a field named twice, more documents than
 * allowed) answers null, and the caller decodes the body the full way, which reports every error
 * the same as before.
 */
public final class StreamingDecoder {

    private static final int INITIAL_ROWS = 1024;

    private final ObjectMapper mapper;

    public StreamingDecoder(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper);
    }

    /** The documents of the body's {@code data} array, or null when the full decoder must read it. */
    public ColumnBatch decode(byte[] body, long nowMicros, int maxDocuments) {
        try (JsonParser p = mapper.getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            ColumnBatch batch = null;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                if (!"data".equals(key)) {
                    p.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_ARRAY || batch != null) {
                    return null;
                }
                batch = documents(p, nowMicros, maxDocuments);
                if (batch == null) {
                    return null;
                }
            }
            return t == JsonToken.END_OBJECT && p.nextToken() == null ? batch : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private ColumnBatch documents(JsonParser p, long nowMicros, int maxDocuments) throws IOException {
        int capacity = INITIAL_ROWS;
        String[] ids = new String[capacity];
        boolean[] generated = new boolean[capacity];
        List<String>[] nulls = new List[capacity];
        Map<String, ColumnBatch.Column> byName = new HashMap<>();
        List<ColumnBatch.Column> columns = new ArrayList<>();
        int row = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT || row == maxDocuments) {
                return null;
            }
            if (row == capacity) {
                capacity *= 2;
                ids = Arrays.copyOf(ids, capacity);
                generated = Arrays.copyOf(generated, capacity);
                nulls = Arrays.copyOf(nulls, capacity);
            }
            String id = null;
            boolean idSeen = false;
            List<String> rowNulls = null;
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                switch (name) {
                    case "_id" -> {
                        if (idSeen || v != JsonToken.VALUE_STRING && v != JsonToken.VALUE_NULL) {
                            return null;
                        }
                        idSeen = true;
                        id = v == JsonToken.VALUE_STRING ? p.getText() : null;
                    }
                    case "_meta" -> p.skipChildren();
                    case "_op", "_event_time" -> {
                        return null;
                    }
                    default -> {
                        ColumnBatch.Column c = byName.get(name);
                        if (c == null) {
                            c = new ColumnBatch.Column(name, capacity);
                            byName.put(name, c);
                            columns.add(c);
                        } else if (c.lastRow == row) {
                            return null;
                        }
                        c.lastRow = row;
                        c.ensure(capacity);
                        if (!value(p, v, c, row)) {
                            return null;
                        }
                        if (v == JsonToken.VALUE_NULL) {
                            if (rowNulls == null) {
                                rowNulls = new ArrayList<>(2);
                            }
                            rowNulls.add(name);
                        }
                    }
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                return null;
            }
            ids[row] = id != null ? id : UUID.randomUUID().toString();
            generated[row] = id == null;
            nulls[row] = rowNulls;
            row++;
        }
        long[] eventTimes = new long[row];
        Arrays.fill(eventTimes, nowMicros);
        return new ColumnBatch(ids, generated, eventTimes, nulls, columns, row);
    }

    /** Stores one value; false when the full decoder must read it. */
    private boolean value(JsonParser p, JsonToken v, ColumnBatch.Column c, int row) throws IOException {
        switch (v) {
            case VALUE_STRING -> {
                if (c.texts == null) {
                    c.texts = new String[c.kinds.length];
                }
                c.kinds[row] = ColumnBatch.STRING;
                c.texts[row] = p.getText();
                c.need(ColumnType.VARCHAR);
            }
            case VALUE_NUMBER_INT -> {
                JsonParser.NumberType type = p.getNumberType();
                if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
                    return false;
                }
                if (c.longs == null) {
                    c.longs = new long[c.kinds.length];
                }
                c.kinds[row] = ColumnBatch.LONG;
                c.longs[row] = p.getLongValue();
                c.need(ColumnType.BIGINT);
            }
            case VALUE_NUMBER_FLOAT -> {
                if (c.doubles == null) {
                    c.doubles = new double[c.kinds.length];
                }
                c.kinds[row] = ColumnBatch.DOUBLE;
                c.doubles[row] = p.getDoubleValue();
                c.need(ColumnType.DOUBLE);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                c.kinds[row] = v == JsonToken.VALUE_TRUE ? ColumnBatch.TRUE : ColumnBatch.FALSE;
                c.need(ColumnType.BOOLEAN);
            }
            case VALUE_NULL -> c.kinds[row] = ColumnBatch.NULL;
            case START_OBJECT, START_ARRAY -> {
                JsonNode node = mapper.readTree(p);
                if (node.isObject() && node.has("__rockset_type")) {
                    return false;
                }
                if (c.texts == null) {
                    c.texts = new String[c.kinds.length];
                }
                c.kinds[row] = ColumnBatch.JSON;
                c.texts[row] = node.toString();
                c.need(ColumnType.JSON);
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
