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

    /**
     * agate's {@code table.columns}: a sequence of columns that is also a mapping by name, so
     * {@code columns['id']}, {@code columns[0]}, {@code for c in columns} and
     * {@code columns.items()}/{@code keys()}/{@code values()} all work (its methods come before
     * column names, as in agate).
     */
    private final class Columns extends AbstractList<Object> implements JinjaObject {
        @Override
        public Object get(int index) {
            return column(index);
        }

        @Override
        public int size() {
            return names.size();
        }

        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "keys" -> (JinjaCallable) args -> new ArrayList<Object>(names);
                case "values" -> (JinjaCallable) args -> new ArrayList<Object>(this);
                case "items" -> (JinjaCallable) args -> {
                    List<Object> pairs = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        pairs.add(quarry.core.jinja.PyTuple.of(names.get(i), column(i)));
                    }
                    return pairs;
                };
                case "get" -> (JinjaCallable) args -> {
                    int i = names.indexOf(String.valueOf(args.get(0, "key", null)));
                    return i >= 0 ? column(i) : args.get(1, "default", null);
                };
                default -> byName(name);
            };
        }

        @Override
        public Object item(Object key) {
            return key instanceof Number n ? column(n.intValue()) : byName(String.valueOf(key));
        }

        private Object byName(String name) {
            int i = names.indexOf(name);
            return i >= 0 ? column(i) : Undefined.withHint("table has no column '" + name + "'");
        }

        private Object column(int i) {
            List<Object> values = new ArrayList<>();
            for (Object r : rows) {
                values.add(((Row) r).get(i));
            }
            return new ColumnValues(names.get(i), values);
        }
    }

    /** One column: the sequence of its values, with its {@code name} and agate's {@code values()}. */
    private static final class ColumnValues extends AbstractList<Object> implements JinjaObject {
        private final String name;
        private final List<Object> values;

        ColumnValues(String name, List<Object> values) {
            this.name = name;
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
        public Object attribute(String attribute) {
            return switch (attribute) {
                case "name" -> name;
                case "values" -> (JinjaCallable) args -> values;
                default -> Undefined.withHint("column has no '" + attribute + "'");
            };
        }
    }
}
