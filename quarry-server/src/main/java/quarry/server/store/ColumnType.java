package quarry.server.store;

/**
 * The DuckDB type of the column that holds one top-level field of a collection, chosen from the
 * Rockset type of its values (see docs/server-storage.md).
 */
public enum ColumnType {
    BIGINT("BIGINT", "int"),
    DOUBLE("DOUBLE", "float"),
    BOOLEAN("BOOLEAN", "bool"),
    VARCHAR("VARCHAR", "string"),
    JSON("JSON", "object"),
    DATE("DATE", "date"),
    TIMESTAMP("TIMESTAMP", "datetime"),
    TIME("TIME", "time"),
    TIMESTAMPTZ("TIMESTAMPTZ", "timestamp");

    private final String sql;
    private final String rocksetType;

    ColumnType(String sql, String rocksetType) {
        this.sql = sql;
        this.rocksetType = rocksetType;
    }

    public String sql() {
        return sql;
    }

    /** The Rockset type name of values held in a column of this type (JSON: object or array). */
    public String rocksetType() {
        return rocksetType;
    }

    /** The type a column must have to hold values of both types without losing any. */
    public ColumnType widen(ColumnType other) {
        if (this == other) {
            return this;
        }
        if ((this == BIGINT && other == DOUBLE) || (this == DOUBLE && other == BIGINT)) {
            return DOUBLE;
        }
        return JSON;
    }

    public static ColumnType fromSql(String sql) {
        for (ColumnType t : values()) {
            if (t.sql.equalsIgnoreCase(sql)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown column type " + sql);
    }
}
