package quarry.server.sql;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Rockset's value types (spec §5.5) with the names {@code TYPEOF}, DESCRIBE and query
 * parameters use, and the DuckDB type a native value of that type has in Quarry.
 * {@code timestamp} is an absolute instant (TIMESTAMPTZ); {@code datetime} is civil time
 * (TIMESTAMP); arrays and objects are JSON.
 */
public enum RocksetType {
    INT("int", "BIGINT"),
    FLOAT("float", "DOUBLE"),
    BOOL("bool", "BOOLEAN"),
    STRING("string", "VARCHAR"),
    BYTES("bytes", "BLOB"),
    NULL("null", "JSON"),
    ARRAY("array", "JSON"),
    OBJECT("object", "JSON"),
    DATE("date", "DATE"),
    DATETIME("datetime", "TIMESTAMP"),
    TIME("time", "TIME"),
    TIMESTAMP("timestamp", "TIMESTAMPTZ"),
    MONTH_INTERVAL("month_interval", "INTERVAL"),
    MICROSECOND_INTERVAL("microsecond_interval", "INTERVAL");

    private static final Map<String, RocksetType> ALIASES = Map.ofEntries(
            Map.entry("integer", INT), Map.entry("int64", INT), Map.entry("bigint", INT),
            Map.entry("double", FLOAT), Map.entry("double precision", FLOAT), Map.entry("real", FLOAT),
            Map.entry("boolean", BOOL),
            Map.entry("char", STRING), Map.entry("varchar", STRING), Map.entry("text", STRING),
            Map.entry("binary", BYTES), Map.entry("varbinary", BYTES),
            Map.entry("null_type", NULL), Map.entry("json", OBJECT));

    private final String rocksetName;
    private final String duckDbType;

    RocksetType(String rocksetName, String duckDbType) {
        this.rocksetName = rocksetName;
        this.duckDbType = duckDbType;
    }

    /** The lower-case name Rockset prints: {@code int}, {@code string}, {@code timestamp}, … */
    public String rocksetName() {
        return rocksetName;
    }

    /** The DuckDB type of a native value of this type. */
    public String duckDbType() {
        return duckDbType;
    }

    /** A type name as written in SQL or in a parameter's {@code type}, aliases included, any case. */
    public static Optional<RocksetType> fromName(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        for (RocksetType type : values()) {
            if (type.rocksetName.equals(key)) {
                return Optional.of(type);
            }
        }
        return Optional.ofNullable(ALIASES.get(key));
    }
}
