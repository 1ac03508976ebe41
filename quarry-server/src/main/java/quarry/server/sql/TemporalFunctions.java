package quarry.server.sql;

import static quarry.server.sql.FunctionDefinition.scalar;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Date and time functions. Rockset's {@code timestamp} is DuckDB's TIMESTAMPTZ, {@code datetime}
 * is TIMESTAMP; time zones default to UTC. Units are strings ({@code DATE_TRUNC('DAY', ts)}).
 */
final class TemporalFunctions {

    static final Set<String> UNITS = Set.of(
            "MICROSECOND", "MILLISECOND", "SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR");

    /** EXTRACT parts: Rockset's name to the DuckDB expression over {@code %s}. */
    private static final Map<String, String> EXTRACT_PARTS = Map.ofEntries(
            // DuckDB counts microseconds and milliseconds within the minute; Rockset within the second
            Map.entry("MICROSECOND", "(extract('microsecond' FROM %s) %% 1000000)"),
            Map.entry("MILLISECOND", "(extract('millisecond' FROM %s) %% 1000)"),
            Map.entry("SECOND", "extract('second' FROM %s)"),
            Map.entry("MINUTE", "extract('minute' FROM %s)"),
            Map.entry("HOUR", "extract('hour' FROM %s)"),
            Map.entry("DAY", "extract('day' FROM %s)"),
            // Rockset's weekday is 1-based from Sunday; DuckDB's dayofweek is 0-based
            Map.entry("DAYOFWEEK", "(extract('dow' FROM %s) + 1)"),
            Map.entry("DAYOFYEAR", "extract('doy' FROM %s)"),
            Map.entry("WEEK", "extract('week' FROM %s)"),
            Map.entry("ISOWEEK", "extract('week' FROM %s)"),
            Map.entry("MONTH", "extract('month' FROM %s)"),
            Map.entry("QUARTER", "extract('quarter' FROM %s)"),
            Map.entry("YEAR", "extract('year' FROM %s)"),
            Map.entry("ISOYEAR", "extract('isoyear' FROM %s)"));

    private static final String NOW_UTC = "timezone('UTC', current_timestamp)";

    private TemporalFunctions() {
    }

    /**
     * A date or time argument; one written as a string literal ({@code '2018-01-01'}, as dbt's
     * date_spine passes its bounds) is read as a datetime, as the warehouses dbt packages target do.
     */
    private static String temporal(CallSql call, int index) {
        return call.literalString(index).isPresent() ? "CAST(" + call.argument(index) + " AS TIMESTAMP)"
                : call.argument(index);
    }

    private static final Set<String> DATE_PARTS = Set.of("microsecond", "microseconds", "millisecond", "milliseconds",
            "second", "minute", "hour", "day", "dayofweek", "dow", "isodow", "dayofyear", "doy", "week", "isoweek",
            "isoyear", "month", "quarter", "year", "decade", "century", "epoch");

    private static String datePart(CallSql call) {
        String part = call.literalString(0).map(p -> p.toLowerCase(Locale.ROOT).replace("day_of_week", "dayofweek")
                .replace("day_of_year", "dayofyear")).orElseThrow(() -> new InvalidFunctionCallException(
                        "Function `DATE_PART` needs its part as a string literal such as 'month'.", call.position(0),
                        InvalidFunctionCallException.INVALID_ARGUMENTS));
        if (!DATE_PARTS.contains(part)) {
            throw new InvalidFunctionCallException("DATE_PART does not know the part `" + part + "`; use one of "
                    + String.join(", ", DATE_PARTS.stream().sorted().toList()) + ".", call.position(0),
                    InvalidFunctionCallException.INVALID_ARGUMENTS);
        }
        return "'" + (part.equals("isoweek") ? "week" : part) + "'";
    }

    static List<FunctionDefinition> definitions() {
        return List.of(
                scalar("CURRENT_TIMESTAMP", 0, 0, call -> "current_timestamp"),
                scalar("CURRENT_DATE", 0, 1, call -> "CAST(" + localNow(call) + " AS DATE)"),
                scalar("CURRENT_DATETIME", 0, 1, TemporalFunctions::localNow),
                scalar("CURRENT_TIME", 0, 1, call -> "CAST(" + localNow(call) + " AS TIME)"),

                // DATE_TRUNC(unit, value[, time zone]): a timestamp is truncated in the given zone
                scalar("DATE_TRUNC", 2, 3, call -> call.count() == 2
                        ? "date_trunc(" + unit(call, 0) + ", " + call.argument(1) + ")"
                        : "timezone(" + call.argument(2) + ", date_trunc(" + unit(call, 0) + ", timezone("
                                + call.argument(2) + ", " + call.argument(1) + ")))"),
                // whole units elapsed from start to end, which is DuckDB's date_sub (date_diff counts boundaries)
                // Quarry extension: DATE_PART(part, value) as PostgreSQL and Snowflake have it (dbt_date
                // writes it), with their meanings: dayofweek counts from Sunday = 0, epoch is seconds
                scalar("DATE_PART", 2, 2, call -> "date_part(" + datePart(call) + ", " + temporal(call, 1) + ")"),
                scalar("DATE_DIFF", 3, 3, call -> "date_sub(" + unit(call, 0) + ", " + temporal(call, 1) + ", "
                        + temporal(call, 2) + ")"),
                scalar("DATE_ADD", 3, 3, call -> "(" + temporal(call, 2) + " + CAST(" + call.argument(1)
                        + " AS BIGINT) * " + intervalOne(call, 0) + ")"),
                scalar("DATE_SUB", 3, 3, call -> "(" + temporal(call, 2) + " - CAST(" + call.argument(1)
                        + " AS BIGINT) * " + intervalOne(call, 0) + ")"),

                // epoch conversions: a TIMESTAMP read as UTC is the instant
                scalar("TIMESTAMP_SECONDS", 1, 1, call -> "to_timestamp(" + call.argument(0) + ")"),
                // Quarry extension: PostgreSQL's one-argument form (seconds since the epoch), which
                // dbt_date's default from_unixtimestamp writes
                scalar("TO_TIMESTAMP", 1, 1, call -> "to_timestamp(CAST(" + call.argument(0) + " AS DOUBLE))"),
                scalar("TIMESTAMP_MILLIS", 1, 1, call -> "timezone('UTC', epoch_ms(CAST(" + call.argument(0) + " AS BIGINT)))"),
                scalar("TIMESTAMP_MICROS", 1, 1, call -> "timezone('UTC', make_timestamp(CAST(" + call.argument(0)
                        + " AS BIGINT)))"),
                scalar("UNIX_SECONDS", 1, 1, call -> "CAST(floor(epoch(" + call.argument(0) + ")) AS BIGINT)"),
                scalar("UNIX_MILLIS", 1, 1, call -> "epoch_ms(" + call.argument(0) + ")"),
                scalar("UNIX_MICROS", 1, 1, call -> "epoch_us(" + call.argument(0) + ")"),

                // interval constructors: DAYS(2) is a microsecond_interval, MONTHS(1) a month_interval
                intervalOf("MICROSECONDS", "to_microseconds"),
                intervalOf("MILLISECONDS", "to_milliseconds"),
                scalar("SECONDS", 1, 1, call -> "to_seconds(CAST(" + call.argument(0) + " AS DOUBLE))"),
                intervalOf("MINUTES", "to_minutes"),
                intervalOf("HOURS", "to_hours"),
                intervalOf("DAYS", "to_days"),
                intervalOf("MONTHS", "to_months"),
                intervalOf("YEARS", "to_years"),
                // whole seconds (milliseconds, microseconds) in an interval
                scalar("DURATION_SECONDS", 1, 1, call -> "CAST(trunc(epoch(" + call.argument(0) + ")) AS BIGINT)"),
                scalar("DURATION_MILLIS", 1, 1, call -> "epoch_ms(" + call.argument(0) + ")"),
                scalar("DURATION_MICROS", 1, 1, call -> "epoch_us(" + call.argument(0) + ")"),

                // ISO 8601 text
                scalar("PARSE_TIMESTAMP_ISO8601", 1, 1, call -> "CAST(" + call.argument(0) + " AS TIMESTAMPTZ)"),
                scalar("PARSE_DATETIME_ISO8601", 1, 1, call -> "CAST(" + call.argument(0) + " AS TIMESTAMP)"),
                scalar("PARSE_DATE_ISO8601", 1, 1, call -> "CAST(" + call.argument(0) + " AS DATE)"),
                scalar("PARSE_TIME_ISO8601", 1, 1, call -> "CAST(" + call.argument(0) + " AS TIME)"),
                // in UTC with a Z, or in the given zone with its offset
                scalar("FORMAT_ISO8601", 1, 2, call -> call.count() == 1
                        ? "strftime(timezone('UTC', " + call.argument(0) + "), '%Y-%m-%dT%H:%M:%S.%fZ')"
                        : "(strftime(timezone(" + call.argument(1) + ", " + call.argument(0) + "), '%Y-%m-%dT%H:%M:%S.%f') || "
                                + utcOffset(call.argument(0), call.argument(1)) + ")"),

                // strftime-style formats, format first as in Rockset
                scalar("FORMAT_TIMESTAMP", 2, 3, call -> "strftime(timezone(" + zone(call, 2) + ", "
                        + call.argument(1) + "), " + call.argument(0) + ")"),
                scalar("PARSE_TIMESTAMP", 2, 3, call -> "timezone(" + zone(call, 2) + ", strptime(" + call.argument(1)
                        + ", " + call.argument(0) + "))"),
                // DATE_PARSE(text, format): a datetime, the argument order of PARSE_DATETIME reversed
                scalar("DATE_PARSE", 2, 2, call -> "strptime(" + call.argument(0) + ", " + call.argument(1) + ")"),
                scalar("FORMAT_DATETIME", 2, 2, call -> "strftime(" + call.argument(1) + ", " + call.argument(0) + ")"),
                scalar("PARSE_DATETIME", 2, 2, call -> "strptime(" + call.argument(1) + ", " + call.argument(0) + ")"),
                scalar("FORMAT_DATE", 2, 2, call -> "strftime(" + call.argument(1) + ", " + call.argument(0) + ")"),
                scalar("PARSE_DATE", 2, 2, call -> "CAST(strptime(" + call.argument(1) + ", " + call.argument(0)
                        + ") AS DATE)"),
                scalar("FORMAT_TIME", 2, 2, call -> "strftime(DATE '1970-01-01' + " + call.argument(1) + ", "
                        + call.argument(0) + ")"),

                // constructors
                scalar("DATE", 1, 3, call -> switch (call.count()) {
                    case 1 -> "CAST(" + call.argument(0) + " AS DATE)";
                    case 2 -> "CAST(timezone(" + call.argument(1) + ", " + call.argument(0) + ") AS DATE)";
                    default -> "make_date(" + call.joined() + ")";
                }),
                scalar("TIME", 3, 3, call -> "make_time(" + call.argument(0) + ", " + call.argument(1) + ", CAST("
                        + call.argument(2) + " AS DOUBLE))"),
                // Quarry extension, the Snowflake/Redshift form dbt packages (dbt_date) write: with three
                // arguments the value is civil time in the source zone, with two an instant; the
                // result is the civil time (datetime) in the target zone
                scalar("CONVERT_TIMEZONE", 2, 3, call -> call.count() == 2
                        ? "timezone(" + call.argument(0) + ", CAST(" + call.argument(1) + " AS TIMESTAMPTZ))"
                        : "timezone(" + call.argument(1) + ", timezone(" + call.argument(0) + ", CAST("
                                + call.argument(2) + " AS TIMESTAMP)))"),
                // Quarry extension: the PostgreSQL/Oracle template form dbt packages' default macros write
                scalar("TO_CHAR", 2, 2, call -> ToCharFormat.render(call.literalString(0).isPresent()
                        ? "CAST(" + call.argument(0) + " AS TIMESTAMP)" : call.argument(0),
                        call.literalString(1).orElseThrow(() -> new InvalidFunctionCallException(
                                "TO_CHAR needs its template as a string literal, as in TO_CHAR(d, 'YYYY-MM-DD').",
                                call.position(1), InvalidFunctionCallException.INVALID_ARGUMENTS)),
                        call.position(1))),
                scalar("DATETIME", 1, 2, call -> call.count() == 1
                        ? "timezone('UTC', " + call.argument(0) + ")"
                        : "timezone(" + call.argument(1) + ", " + call.argument(0) + ")"));
    }

    /** {@code +hh:mm} or {@code -hh:mm}: the zone's offset from UTC at that instant. */
    private static String utcOffset(String instant, String zone) {
        String seconds = "CAST(epoch(timezone(" + zone + ", " + instant + ") - timezone('UTC', " + instant + ")) AS BIGINT)";
        return "(CASE WHEN " + seconds + " < 0 THEN '-' ELSE '+' END || lpad(CAST(abs(" + seconds
                + ") // 3600 AS VARCHAR), 2, '0') || ':' || lpad(CAST((abs(" + seconds + ") % 3600) // 60 AS VARCHAR), 2, '0'))";
    }

    private static FunctionDefinition intervalOf(String name, String duckDbName) {
        return scalar(name, 1, 1, call -> duckDbName + "(CAST(" + call.argument(0) + " AS BIGINT))");
    }

    /** The SQL for {@code EXTRACT(part FROM source)} with Rockset's meaning of each part. */
    static String extract(String part, String sourceSql, SourcePosition position) {
        String template = EXTRACT_PARTS.get(part.toUpperCase(Locale.ROOT));
        if (template == null) {
            throw new InvalidFunctionCallException("EXTRACT does not know the part `" + part + "`; use one of "
                    + String.join(", ", EXTRACT_PARTS.keySet().stream().sorted().toList()) + ".",
                    position, InvalidFunctionCallException.INVALID_ARGUMENTS);
        }
        return String.format(Locale.ROOT, template.replace("%s", "%1$s"), sourceSql);
    }

    private static String localNow(CallSql call) {
        return call.count() == 0 ? NOW_UTC : "timezone(" + call.argument(0) + ", current_timestamp)";
    }

    private static String zone(CallSql call, int index) {
        return call.count() > index ? call.argument(index) : "'UTC'";
    }

    /** A unit argument: checked and upper-cased when written as a literal, passed through otherwise. */
    private static String unit(CallSql call, int index) {
        return call.literalString(index).map(unit -> "'" + checkedUnit(call, index, unit).toLowerCase(Locale.ROOT) + "'")
                .orElse("lower(" + call.argument(index) + ")");
    }

    /** {@code INTERVAL 1 <unit>} for a unit that must be a literal, as DuckDB intervals need a fixed unit. */
    private static String intervalOne(CallSql call, int index) {
        String unit = call.literalString(index).map(u -> checkedUnit(call, index, u)).orElseThrow(() ->
                new InvalidFunctionCallException("Function `" + call.call().name().toUpperCase(Locale.ROOT)
                        + "` needs its unit as a string literal such as 'DAY'.", call.position(index),
                        InvalidFunctionCallException.INVALID_ARGUMENTS));
        return switch (unit) {
            case "QUARTER" -> "INTERVAL 3 MONTH";
            case "WEEK" -> "INTERVAL 7 DAY";
            default -> "INTERVAL 1 " + unit;
        };
    }

    private static String checkedUnit(CallSql call, int index, String unit) {
        String upper = unit.toUpperCase(Locale.ROOT);
        if (upper.equals("ISOWEEK")) {
            // Quarry extension (BigQuery's name, which dbt packages' default macros write): weeks
            // already start on Monday, as ISO weeks do
            return "WEEK";
        }
        if (!UNITS.contains(upper)) {
            throw new InvalidFunctionCallException("Unknown time unit '" + unit + "'; use one of "
                    + String.join(", ", UNITS.stream().sorted().toList()) + ".", call.position(index),
                    InvalidFunctionCallException.INVALID_ARGUMENTS);
        }
        return upper;
    }
}
