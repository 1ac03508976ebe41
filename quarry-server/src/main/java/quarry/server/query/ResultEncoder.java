package quarry.server.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import quarry.server.store.ValueEncoder;

/**
 * Writes result rows as Rockset JSON objects (spec §5.5–5.7): names from the plan (or from the
 * labels for {@code SELECT *}, with the storage suffix {@code #~n} removed), undefined keys omitted,
 * explicit nulls kept, the {@code _nulls} bookkeeping column never emitted.
 */
public final class ResultEncoder {

    private static final Pattern SUFFIX = Pattern.compile("#~\\d+$");

    /** How each result column of one result set is written. */
    public record Layout(String[] names, boolean[] field, boolean[] hidden, String[] types, int nullsIndex) {}

    private final ValueEncoder values;

    public ResultEncoder(ObjectMapper mapper) {
        this.values = new ValueEncoder(mapper);
    }

    public ValueEncoder values() {
        return values;
    }

    public static String logicalName(String label) {
        return SUFFIX.matcher(label).replaceFirst("");
    }

    public static Layout layout(ResultSetMetaData md, List<OutputColumn> columns) throws SQLException {
        int n = md.getColumnCount();
        String[] names = new String[n];
        boolean[] field = new boolean[n];
        boolean[] hidden = new boolean[n];
        String[] types = new String[n];
        int nullsIndex = -1;
        for (int i = 0; i < n; i++) {
            types[i] = md.getColumnTypeName(i + 1);
            String label = md.getColumnLabel(i + 1);
            if (columns == null || i >= columns.size()) {
                names[i] = logicalName(label);
                field[i] = true;
                hidden[i] = label.equals("_nulls") || label.startsWith("_nulls#~") || label.startsWith("__quarry_");
                if (label.equals("_nulls") && nullsIndex < 0) {
                    nullsIndex = i;
                }
            } else {
                OutputColumn c = columns.get(i);
                names[i] = c.name();
                field[i] = c.field();
                hidden[i] = c.hidden();
                if (c.hidden() && c.name().equals("_nulls")) {
                    nullsIndex = i;
                }
            }
        }
        return new Layout(names, field, hidden, types, nullsIndex);
    }

    /** The fields listed in {@code _nulls} of the current row. */
    public static Set<String> nulls(ResultSet rs, Layout layout) throws SQLException {
        if (layout.nullsIndex() < 0) {
            return Set.of();
        }
        Array a = rs.getArray(layout.nullsIndex() + 1);
        if (a == null) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        for (Object o : (Object[]) a.getArray()) {
            out.add(String.valueOf(o));
        }
        return out;
    }

    /** Writes the current row as one JSON object. */
    public void writeRow(JsonGenerator gen, ResultSet rs, Layout layout) throws SQLException, IOException {
        gen.writeStartObject();
        Set<String> nulls = null;
        for (int i = 0; i < layout.names().length; i++) {
            if (layout.hidden()[i]) {
                continue;
            }
            String name = layout.names()[i];
            String type = layout.types()[i];
            int col = i + 1;
            switch (type) {
                case "BIGINT", "INTEGER", "SMALLINT", "TINYINT", "UBIGINT", "UINTEGER", "USMALLINT", "UTINYINT" -> {
                    long v = rs.getLong(col);
                    if (!rs.wasNull()) {
                        gen.writeNumberField(name, v);
                        continue;
                    }
                }
                case "DOUBLE", "FLOAT" -> {
                    double v = rs.getDouble(col);
                    if (!rs.wasNull()) {
                        gen.writeNumberField(name, v);
                        continue;
                    }
                }
                case "VARCHAR" -> {
                    String v = rs.getString(col);
                    if (v != null) {
                        gen.writeStringField(name, v);
                        continue;
                    }
                }
                case "BOOLEAN" -> {
                    boolean v = rs.getBoolean(col);
                    if (!rs.wasNull()) {
                        gen.writeBooleanField(name, v);
                        continue;
                    }
                }
                default -> {
                    JsonNode v = values.encode(rs, col, type);
                    if (v != null) {
                        gen.writeFieldName(name);
                        gen.writeTree(v);
                        continue;
                    }
                }
            }
            // SQL NULL: undefined (omitted) for a field unless listed in _nulls; null otherwise
            if (layout.field()[i]) {
                if (nulls == null) {
                    nulls = nulls(rs, layout);
                }
                if (!nulls.contains(name)) {
                    continue;
                }
            }
            gen.writeNullField(name);
        }
        gen.writeEndObject();
    }
}
