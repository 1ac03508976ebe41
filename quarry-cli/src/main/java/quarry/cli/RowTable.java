package quarry.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows as the Markdown-style table dbt prints for {@code show} and failing tests: a header, a
 * dashed rule, numbers aligned right and everything else left; a null prints empty.
 */
final class RowTable {

    private RowTable() {}

    static String render(List<String> columns, List<List<Object>> rows) {
        int[] widths = new int[columns.size()];
        boolean[] numeric = new boolean[columns.size()];
        List<List<String>> cells = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = Math.max(3, columns.get(c).length());
            numeric[c] = !rows.isEmpty();
        }
        for (List<Object> row : rows) {
            List<String> line = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                Object value = c < row.size() ? row.get(c) : null;
                String text = value == null ? "" : value instanceof Boolean b ? (b ? "True" : "False") : String.valueOf(value);
                if (value != null && !(value instanceof Number)) {
                    numeric[c] = false;
                }
                widths[c] = Math.max(widths[c], text.length());
                line.add(text);
            }
            cells.add(line);
        }
        StringBuilder out = new StringBuilder();
        line(out, columns, widths, new boolean[columns.size()]);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(out, rule, widths, new boolean[columns.size()]);
        for (List<String> line : cells) {
            line(out, line, widths, numeric);
        }
        return out.toString().stripTrailing();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths, boolean[] right) {
        out.append('|');
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            out.append(' ').append(right[c] ? pad + cell : cell + pad).append(" |");
        }
        out.append('\n');
    }
}
