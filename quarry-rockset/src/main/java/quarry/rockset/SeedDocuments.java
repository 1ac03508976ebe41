package quarry.rockset;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import quarry.core.seed.SeedTable;
import quarry.core.seed.SeedType;

/**
 * Turns a typed seed table into Rockset documents, in batches within the Write API's limits.
 * Integers stay {@code int}, numbers are {@code float}, booleans {@code bool}; dates, datetimes
 * and timestamps use Rockset's extended JSON ({@code __rockset_type}), so they are typed in the
 * collection (dbt-rockset sent every date as a string).
 */
public final class SeedDocuments {

    /** The Write API's limits: 20,000 documents and 10 MiB per request; a margin is kept for the envelope. */
    public static final int MAX_DOCUMENTS = 20_000;
    public static final int MAX_BYTES = 10 * 1024 * 1024 - 64 * 1024;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SeedDocuments() {}

    public static List<List<ObjectNode>> batches(SeedTable table) {
        return batches(table, MAX_DOCUMENTS, MAX_BYTES);
    }

    static List<List<ObjectNode>> batches(SeedTable table, int maxDocuments, int maxBytes) {
        List<List<ObjectNode>> batches = new ArrayList<>();
        List<ObjectNode> current = new ArrayList<>();
        long bytes = 0;
        for (List<Object> row : table.rows()) {
            ObjectNode document = document(table, row);
            long size = document.toString().getBytes(StandardCharsets.UTF_8).length + 1;
            if (!current.isEmpty() && (current.size() >= maxDocuments || bytes + size > maxBytes)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(document);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    static ObjectNode document(SeedTable table, List<Object> row) {
        ObjectNode document = JSON.objectNode();
        for (int c = 0; c < table.columns().size(); c++) {
            String column = table.columns().get(c);
            Object value = row.get(c);
            if (value == null) {
                document.putNull(column);
            } else {
                put(document, column, table.types().get(c), value);
            }
        }
        return document;
    }

    private static void put(ObjectNode document, String column, SeedType type, Object value) {
        if (value instanceof BigInteger i) {
            if (type == SeedType.INTEGER && i.bitLength() < 64) {
                document.put(column, i.longValue());
            } else {
                document.put(column, i.doubleValue());
            }
        } else if (value instanceof BigDecimal d) {
            document.put(column, d.doubleValue());
        } else if (value instanceof Boolean b) {
            document.put(column, b);
        } else if (value instanceof LocalDate d) {
            document.set(column, typed("date", d.toString()));
        } else if (value instanceof LocalDateTime t) {
            document.set(column, typed("datetime", t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)));
        } else if (value instanceof OffsetDateTime t) {
            document.set(column, typed("timestamp",
                    t.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        } else {
            document.put(column, value.toString());
        }
    }

    private static ObjectNode typed(String type, String value) {
        return JSON.objectNode().put("__rockset_type", type).put("value", value);
    }
}
