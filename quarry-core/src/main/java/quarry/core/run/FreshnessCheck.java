package quarry.core.run;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * dbt's source freshness for one source table: the criteria of its {@code freshness:} block
 * ({@code warn_after} and {@code error_after} as {@code {count, period}}, an optional {@code filter}),
 * the query that reads {@code max(loaded_at_field)} and the database's current time, and the verdict
 * on their difference: {@code error} past {@code error_after}, else {@code warn} past
 * {@code warn_after}, else {@code pass}.
 */
public record FreshnessCheck(String loadedAtField, Optional<Threshold> warnAfter, Optional<Threshold> errorAfter,
        Optional<String> filter) {

    /** {@code {count: 12, period: hour}}. */
    public record Threshold(long count, String period) {
        public Duration duration() {
            return switch (period) {
                case "minute" -> Duration.ofMinutes(count);
                case "hour" -> Duration.ofHours(count);
                case "day" -> Duration.ofDays(count);
                default -> throw new IllegalArgumentException("freshness period must be minute, hour or day, not '" + period + "'");
            };
        }

        Map<String, Object> toJson() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("count", count);
            out.put("period", period);
            return out;
        }
    }

    /** pass, warn or error, as sources.json names them. */
    public enum Status {
        PASS("pass"), WARN("warn"), ERROR("error");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /**
     * The check a source table asks for, or empty when it has none: no {@code loaded_at_field}, or
     * a {@code freshness} block without thresholds. A malformed threshold is an error naming it.
     */
    public static Optional<FreshnessCheck> of(String loadedAtField, Map<String, Object> freshness) {
        if (loadedAtField == null || loadedAtField.isBlank() || freshness == null) {
            return Optional.empty();
        }
        Optional<Threshold> warn = threshold(freshness.get("warn_after"), "warn_after");
        Optional<Threshold> error = threshold(freshness.get("error_after"), "error_after");
        if (warn.isEmpty() && error.isEmpty()) {
            return Optional.empty();
        }
        Object filter = freshness.get("filter");
        return Optional.of(new FreshnessCheck(loadedAtField, warn, error,
                filter == null || String.valueOf(filter).isBlank() ? Optional.empty() : Optional.of(String.valueOf(filter))));
    }

    private static Optional<Threshold> threshold(Object value, String name) {
        if (!(value instanceof Map<?, ?> map) || map.get("count") == null) {
            return Optional.empty();
        }
        long count;
        try {
            count = Long.parseLong(String.valueOf(map.get("count")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("freshness " + name + ".count must be a whole number, not '" + map.get("count") + "'");
        }
        String period = String.valueOf(map.get("period")).toLowerCase(Locale.ROOT);
        Threshold t = new Threshold(count, period);
        t.duration();
        return Optional.of(t);
    }

    /** The query: the newest load time and the database's clock, read together. */
    public String sql(String relation, String currentTimestamp) {
        return "select max(" + loadedAtField + ") as max_loaded_at,\n  " + currentTimestamp + " as snapshotted_at\nfrom "
                + relation + filter.map(f -> "\nwhere " + f).orElse("");
    }

    /** The verdict for data last loaded at {@code maxLoadedAt}, seen at {@code snapshottedAt}. */
    public Status judge(Instant maxLoadedAt, Instant snapshottedAt) {
        Duration age = Duration.between(maxLoadedAt, snapshottedAt);
        if (errorAfter.isPresent() && age.compareTo(errorAfter.get().duration()) > 0) {
            return Status.ERROR;
        }
        if (warnAfter.isPresent() && age.compareTo(warnAfter.get().duration()) > 0) {
            return Status.WARN;
        }
        return Status.PASS;
    }

    /** The {@code criteria} block of sources.json. */
    public Map<String, Object> criteria() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("warn_after", warnAfter.map(Threshold::toJson).orElse(Map.of()));
        out.put("error_after", errorAfter.map(Threshold::toJson).orElse(Map.of()));
        out.put("filter", filter.orElse(null));
        return out;
    }

    /**
     * A timestamp as a database returns it: an ISO text with or without an offset (none means UTC),
     * a date, or a number of milliseconds (or microseconds) since the epoch.
     */
    public static Optional<Instant> instant(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number n) {
            long v = n.longValue();
            return Optional.of(Math.abs(v) > 100_000_000_000_000L ? Instant.ofEpochSecond(0, v * 1000) : Instant.ofEpochMilli(v));
        }
        String text = String.valueOf(value).trim().replace(' ', 'T');
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            // no offset: try a local time below
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            // not an instant with Z
        }
        try {
            return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            // not a local date-time
        }
        try {
            return Optional.of(LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cannot read '" + value + "' as a timestamp");
        }
    }
}
