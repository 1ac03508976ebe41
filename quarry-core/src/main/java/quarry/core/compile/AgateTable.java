package quarry.core.compile;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import quarry.core.adapter.QueryResult;
import quarry.core.jinja.JinjaCallable;
import quarry.core.jinja.JinjaObject;
import quarry.core.jinja.Undefined;

/**
 * The agate table dbt hands to Jinja from {@code run_query} and {@code load_result}: {@code rows}
 * (each indexable by position or column name), {@code columns} (by name or position, each with
 * {@code values()}), {@code column_names}, and {@code print_table()}.
 */
final class AgateTable implements JinjaObject {

    private final List<String> names;
    private final List<Object> rows;

    AgateTable(QueryResult result) {
        this.names = result.columnNames();
        List<Object> r = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            r.add(new Row(names, row));
        }
        this.rows = r;
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "rows" -> rows;
            case "column_names" -> new ArrayList<Object>(names);
            case "columns" -> new Columns();
            case "print_table" -> (JinjaCallable) args -> "";
            default -> Undefined.withHint("table has no '" + name + "'");
        };
    }

    @Override
    public Object item(Object key) {
        return key instanceof Number n ? rows.get(n.intValue()) : attribute(String.valueOf(key));
    }

    @Override
    public String toString() {
        return "<agate.Table " + rows.size() + " rows>";
    }

    /** One row: a tuple of values that also answers {@code row['column']}. */
    static final class Row extends AbstractList<Object> implements JinjaObject {
        private final List<String> names;
        private final List<Object> values;

        Row(List<String> names, List<Object> values) {
            this.names = names;
            this.values = values;
        }

        @Override
        public Object get(int index) {
            return values.get(index);
        }

        @Override
        public int size() {
            return values.size();
        }

        @Override
        public Object attribute(String name) {
            int i = names.indexOf(name);
            return i >= 0 ? values.get(i) : Undefined.withHint("row has no column '" + name + "'");
        }

        @Override
        public Object item(Object key) {
            return key instanceof Number n ? values.get(n.intValue()) : attribute(String.valueOf(key));
        }

        @Override
        public String toString() {
            return "<agate.Row: " + values + ">";
        }
    }

    private final class Columns implements JinjaObject {
        @Override
        public Object attribute(String name) {
            int i = names.indexOf(name);
            return i >= 0 ? column(i) : Undefined.withHint("table has no column '" + name + "'");
        }

        @Override
        public Object item(Object key) {
            return key instanceof Number n ? column(n.intValue()) : attribute(String.valueOf(key));
        }

        private Object column(int i) {
            List<Object> values = new ArrayList<>();
            for (Object r : rows) {
                values.add(((Row) r).get(i));
            }
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("name", names.get(i));
            return new ColumnValues(names.get(i), values);
        }
    }

    private record ColumnValues(String name, List<Object> values) implements JinjaObject {
        @Override
        public Object attribute(String attribute) {
            return switch (attribute) {
                case "name" -> name;
                case "values" -> (JinjaCallable) args -> values;
                default -> Undefined.withHint("column has no '" + attribute + "'");
            };
        }
    }
}
