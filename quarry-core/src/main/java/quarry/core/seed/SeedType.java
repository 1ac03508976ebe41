package quarry.core.seed;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;

/**
 * The type of a seed column, as dbt infers it from a CSV file (agate's order: integer, number,
 * date, datetime, boolean, text) or as a {@code column_types} entry names it. Each type parses a
 * cell into a Java value: {@link BigInteger}, {@link BigDecimal}, {@link LocalDate},
 * {@link LocalDateTime}, {@link OffsetDateTime}, {@link Boolean} or {@link String}.
 */
public enum SeedType {
    INTEGER,
    NUMBER,
    DATE,
    DATETIME,
    BOOLEAN,
    TEXT;

    /** A date, {@code T} or a space, hours and minutes, then optional seconds, fraction and offset (as agate reads them). */
    private static final DateTimeFormatter DATETIME_FORMAT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    /** Parses a non-empty cell, or returns empty when it does not have this type. */
    public Optional<Object> parse(String cell) {
        try {
            return Optional.ofNullable(switch (this) {
                case INTEGER -> cell.matches("[-+]?\\d+") ? new BigInteger(cell) : null;
                case NUMBER -> cell.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?") ? new BigDecimal(cell) : null;
                case DATE -> cell.length() == 10 ? LocalDate.parse(cell) : null;
                case DATETIME -> parseDateTime(cell);
                case BOOLEAN -> switch (cell.toLowerCase(Locale.ROOT)) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> null;
                };
                case TEXT -> cell;
            });
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Object parseDateTime(String cell) {
        if (cell.length() < 16 || cell.charAt(10) != ' ' && cell.charAt(10) != 'T') {
            return null;
        }
        return DATETIME_FORMAT.parseBest(cell, OffsetDateTime::from, LocalDateTime::from);
    }

    /**
     * The type a {@code column_types} entry names, in the spellings projects use across adapters
     * ({@code int}, {@code bigint}, {@code float}, {@code varchar(20)}, {@code timestamp}, ...).
     */
    public static Optional<SeedType> fromColumnType(String declared) {
        String base = declared.trim().toLowerCase(Locale.ROOT).replaceAll("\\(.*$", "").trim();
        return Optional.ofNullable(switch (base) {
            case "int", "integer", "bigint", "smallint", "tinyint", "int64", "long" -> INTEGER;
            case "float", "double", "real", "numeric", "decimal", "number", "float8", "float64", "double precision" -> NUMBER;
            case "date" -> DATE;
            case "timestamp", "datetime", "timestamp without time zone", "timestamptz",
                    "timestamp with time zone" -> DATETIME;
            case "bool", "boolean" -> BOOLEAN;
            case "string", "text", "varchar", "char", "character varying", "str" -> TEXT;
            default -> null;
        });
    }
}
