package quarry.server.query;

/**
 * One column of a query result as Rockset names it. A {@code field} column is a bare field
 * reference: its SQL NULL means undefined (key omitted) unless the document lists the field in
 * {@code _nulls}; any other column's SQL NULL is a JSON null. A {@code hidden} column is read by
 * the encoder and never emitted.
 */
public record OutputColumn(String name, boolean field, boolean hidden) {

    public static OutputColumn value(String name) {
        return new OutputColumn(name, false, false);
    }

    public static OutputColumn field(String name) {
        return new OutputColumn(name, true, false);
    }
}
