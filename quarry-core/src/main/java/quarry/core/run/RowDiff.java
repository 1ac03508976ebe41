package quarry.core.run;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Compares a unit test's actual rows with its expected rows as dbt does: on the expected columns
 * only (names matched case-insensitively), as multisets (same rows, same counts, any order).
 * Values compare by their canonical text, so {@code 1}, {@code 1.0} and {@code '1'} agree, as do a
 * timestamp and its ISO text. A difference is shown as dbt shows it: a table of the rows only in
 * the actual result ({@code +++}) and only in the expected ({@code ---}).
 */
final class RowDiff {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final String NULL = "NULL";

    /** The comparison's outcome: no difference, or the table that shows it. */
    record Outcome(boolean equal, int differingRows, String table) {}

    private RowDiff() {}

    /**
     * Compares {@code actual} (with its column names) to {@code expected} rows given as mappings. An
     * expected column the result lacks reads as null (Rockset leaves out fields that are null in
     * every row); when the rows then differ, the diff says which columns were missing.
     */
    static Outcome compare(List<String> actualColumns, List<List<Object>> actual, List<Map<String, Object>> expected) {
        List<String> columns = new ArrayList<>();
        for (Map<String, Object> row : expected) {
            for (String key : row.keySet()) {
                if (columns.stream().noneMatch(c -> c.equalsIgnoreCase(key))) {
                    columns.add(key);
                }
            }
        }
        if (columns.isEmpty()) {
            columns.addAll(actualColumns);
        }
        int[] index = new int[columns.size()];
        List<String> absent = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            index[i] = indexOf(actualColumns, columns.get(i));
            if (index[i] < 0) {
                absent.add(columns.get(i));
            }
        }
        List<List<String>> actualRows = new ArrayList<>();
        for (List<Object> row : actual) {
            List<String> values = new ArrayList<>();
            for (int i : index) {
                values.add(i < 0 ? NULL : canonical(row.get(i)));
            }
            actualRows.add(values);
        }
        List<List<String>> expectedRows = new ArrayList<>();
        for (Map<String, Object> row : expected) {
            List<String> values = new ArrayList<>();
            for (String column : columns) {
                values.add(canonical(valueOf(row, column)));
            }
            expectedRows.add(values);
        }
        Map<List<String>, Integer> balance = new LinkedHashMap<>();
        actualRows.forEach(r -> balance.merge(r, 1, Integer::sum));
        expectedRows.forEach(r -> balance.merge(r, -1, Integer::sum));
        List<List<String>> onlyActual = new ArrayList<>();
        List<List<String>> onlyExpected = new ArrayList<>();
        balance.forEach((row, n) -> {
            for (int i = 0; i < Math.abs(n); i++) {
                (n > 0 ? onlyActual : onlyExpected).add(row);
            }
        });
        if (onlyActual.isEmpty() && onlyExpected.isEmpty()) {
            return new Outcome(true, 0, "");
        }
        String note = absent.isEmpty() ? "" : "\n\n(not in the model's result, so read as null: "
                + String.join(", ", absent) + "; it returns " + String.join(", ", actualColumns) + ")";
        return new Outcome(false, onlyActual.size() + onlyExpected.size(), table(columns, onlyActual, onlyExpected) + note);
    }

    private static int indexOf(List<String> columns, String name) {
        int loose = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equals(name)) {
                return i;
            }
            if (loose < 0 && columns.get(i).equalsIgnoreCase(name)) {
                loose = i;
            }
        }
        return loose;
    }

    private static Object valueOf(Map<String, Object> row, String column) {
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (e.getKey().equalsIgnoreCase(column)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The text two equal values share. */
    static String canonical(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof Number n) {
            return number(n.toString());
        }
        String text = value instanceof com.fasterxml.jackson.databind.JsonNode json && json.isTextual() ? json.asText()
                : String.valueOf(value);
        if (value instanceof com.fasterxml.jackson.databind.JsonNode json && json.isNull()) {
            return NULL;
        }
        if (NUMBER.matcher(text).matches()) {
            return number(text);
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return text.toLowerCase(Locale.ROOT);
        }
        if (FixtureSql.TIMESTAMP.matcher(text).matches()) {
            return timestamp(text);
        }
        return text;
    }

    private static String number(String text) {
        try {
            BigDecimal d = new BigDecimal(text).stripTrailingZeros();
            return d.signum() == 0 ? "0" : d.toPlainString();
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** {@code 2024-01-02T03:04:05.000000Z} and {@code 2024-01-02 03:04:05} alike: space, no zero fraction, no UTC zone. */
    private static String timestamp(String text) {
        String t = text.replace('T', ' ');
        if (t.endsWith("Z")) {
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("+00:00") || t.endsWith("+0000")) {
            t = t.substring(0, t.lastIndexOf('+'));
        }
        if (t.contains(".")) {
            t = t.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        if (t.length() == 16) {
            t = t + ":00";
        }
        return t;
    }

    /** dbt's diff table: a {@code @@} header, then {@code +++} rows only in actual and {@code ---} rows only in expected. */
    private static String table(List<String> columns, List<List<String>> onlyActual, List<List<String>> onlyExpected) {
        List<List<String>> lines = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("@@");
        header.addAll(columns);
        lines.add(header);
        for (List<String> row : onlyActual) {
            List<String> line = new ArrayList<>();
            line.add("+++");
            line.addAll(row);
            lines.add(line);
        }
        for (List<String> row : onlyExpected) {
            List<String> line = new ArrayList<>();
            line.add("---");
            line.addAll(row);
            lines.add(line);
        }
        int[] widths = new int[header.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                text.append(i == 0 ? "" : " | ").append(String.format("%-" + widths[i] + "s", line.get(i)));
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString().stripTrailing();
    }
}
