package quarry.core.jinja;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/** Python's datetime values: {@code datetime}, {@code date} and {@code timedelta}, as dbt's {@code modules.datetime} has them. */
final class PyTime {
    private PyTime() {
    }

    /** A {@code datetime.datetime}, naive (zone null) or aware. */
    record DateTime(LocalDateTime value, ZoneId zone) implements JinjaObject, Comparable<DateTime> {
        DateTime {
            Objects.requireNonNull(value);
        }

        ZoneOffset offset() {
            return zone == null ? null : zone.getRules().getOffset(value);
        }

        java.time.Instant instant() {
            return value.toInstant(offset() == null ? ZoneOffset.UTC : offset());
        }

        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "year" -> (long) value.getYear();
                case "month" -> (long) value.getMonthValue();
                case "day" -> (long) value.getDayOfMonth();
                case "hour" -> (long) value.getHour();
                case "minute" -> (long) value.getMinute();
                case "second" -> (long) value.getSecond();
                case "microsecond" -> (long) (value.getNano() / 1000);
                case "tzinfo" -> zone == null ? null : new PyModules.TimeZone(zone);
                case "strftime" -> (JinjaCallable) a -> strftime(value, offset(), zone, Py.str(a.require(0, "format", name)));
                case "isoformat" -> (JinjaCallable) a -> isoformat(Py.str(a.get(0, "sep", "T")));
                case "date" -> (JinjaCallable) a -> new Date(value.toLocalDate());
                case "weekday" -> (JinjaCallable) a -> (long) value.getDayOfWeek().getValue() - 1;
                case "isoweekday" -> (JinjaCallable) a -> (long) value.getDayOfWeek().getValue();
                case "timestamp" -> (JinjaCallable) a -> {
                    java.time.Instant i = zone == null ? value.atZone(ZoneId.systemDefault()).toInstant() : instant();
                    return i.getEpochSecond() + i.getNano() / 1e9;
                };
                case "replace" -> (JinjaCallable) this::replace;
                case "astimezone" -> (JinjaCallable) a -> {
                    Object tz = a.get(0, "tz", null);
                    ZoneId target = tz instanceof PyModules.TimeZone t ? t.zone() : ZoneId.systemDefault();
                    java.time.Instant i = zone == null ? value.atZone(ZoneId.systemDefault()).toInstant() : instant();
                    return new DateTime(LocalDateTime.ofInstant(i, target), target);
                };
                case "utcoffset" -> (JinjaCallable) a -> offset() == null ? null
                        : new TimeDelta((long) offset().getTotalSeconds() * 1_000_000L);
                default -> Undefined.INSTANCE;
            };
        }

        private Object replace(Arguments a) {
            LocalDateTime v = value;
            for (var e : a.keywords().entrySet()) {
                int n = e.getValue() instanceof Number num ? num.intValue() : 0;
                v = switch (e.getKey()) {
                    case "year" -> v.withYear(n);
                    case "month" -> v.withMonth(n);
                    case "day" -> v.withDayOfMonth(n);
                    case "hour" -> v.withHour(n);
                    case "minute" -> v.withMinute(n);
                    case "second" -> v.withSecond(n);
                    case "microsecond" -> v.withNano(n * 1000);
                    case "tzinfo" -> v;
                    default -> throw new JinjaException("'" + e.getKey() + "' is an invalid keyword argument for replace()");
                };
            }
            ZoneId z = zone;
            if (a.keywords().containsKey("tzinfo")) {
                Object tz = a.keywords().get("tzinfo");
                z = tz instanceof PyModules.TimeZone t ? t.zone() : null;
            }
            return new DateTime(v, z);
        }

        String isoformat(String sep) {
            StringBuilder out = new StringBuilder();
            out.append(new Date(value.toLocalDate())).append(sep).append(String.format("%02d:%02d:%02d", value.getHour(),
                    value.getMinute(), value.getSecond()));
            if (value.getNano() / 1000 != 0) {
                out.append(String.format(".%06d", value.getNano() / 1000));
            }
            if (offset() != null) {
                out.append(offsetText(offset(), true));
            }
            return out.toString();
        }

        @Override
        public int compareTo(DateTime other) {
            if ((zone == null) != (other.zone == null)) {
                throw new JinjaException("can't compare offset-naive and offset-aware datetimes");
            }
            return zone == null ? value.compareTo(other.value) : instant().compareTo(other.instant());
        }

        @Override
        public String toString() {
            return isoformat(" ");
        }
    }

    /** A {@code datetime.date}. */
    record Date(LocalDate value) implements JinjaObject, Comparable<Date> {
        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "year" -> (long) value.getYear();
                case "month" -> (long) value.getMonthValue();
                case "day" -> (long) value.getDayOfMonth();
                case "strftime" -> (JinjaCallable) a -> strftime(value.atStartOfDay(), null, null,
                        Py.str(a.require(0, "format", name)));
                case "isoformat" -> (JinjaCallable) a -> toString();
                case "weekday" -> (JinjaCallable) a -> (long) value.getDayOfWeek().getValue() - 1;
                case "isoweekday" -> (JinjaCallable) a -> (long) value.getDayOfWeek().getValue();
                case "replace" -> (JinjaCallable) a -> {
                    LocalDate v = value;
                    for (var e : a.keywords().entrySet()) {
                        int n = ((Number) e.getValue()).intValue();
                        v = switch (e.getKey()) {
                            case "year" -> v.withYear(n);
                            case "month" -> v.withMonth(n);
                            case "day" -> v.withDayOfMonth(n);
                            default -> throw new JinjaException("'" + e.getKey() + "' is an invalid keyword argument");
                        };
                    }
                    return new Date(v);
                };
                default -> Undefined.INSTANCE;
            };
        }

        @Override
        public int compareTo(Date other) {
            return value.compareTo(other.value);
        }

        @Override
        public String toString() {
            return String.format("%04d-%02d-%02d", value.getYear(), value.getMonthValue(), value.getDayOfMonth());
        }
    }

    /** A {@code datetime.timedelta}, held in microseconds. */
    record TimeDelta(long micros) implements JinjaObject, Comparable<TimeDelta> {
        long days() {
            return Math.floorDiv(micros, 86_400_000_000L);
        }

        @Override
        public Object attribute(String name) {
            long rest = Math.floorMod(micros, 86_400_000_000L);
            return switch (name) {
                case "days" -> days();
                case "seconds" -> rest / 1_000_000L;
                case "microseconds" -> rest % 1_000_000L;
                case "total_seconds" -> (JinjaCallable) a -> micros / 1e6;
                default -> Undefined.INSTANCE;
            };
        }

        @Override
        public int compareTo(TimeDelta other) {
            return Long.compare(micros, other.micros);
        }

        @Override
        public String toString() {
            long rest = Math.floorMod(micros, 86_400_000_000L);
            long seconds = rest / 1_000_000L;
            String time = String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
            if (rest % 1_000_000L != 0) {
                time += String.format(".%06d", rest % 1_000_000L);
            }
            long d = days();
            return d == 0 ? time : d + " day" + (Math.abs(d) == 1 ? "" : "s") + ", " + time;
        }
    }

    /** datetime arithmetic for {@link PyMath}: null when the operands are not datetime values. */
    static Object add(Object a, Object b) {
        if (a instanceof TimeDelta x && b instanceof TimeDelta y) {
            return new TimeDelta(x.micros + y.micros);
        }
        if (b instanceof DateTime || b instanceof Date) {
            Object t = a;
            a = b;
            b = t;
        }
        if (a instanceof DateTime d && b instanceof TimeDelta t) {
            return new DateTime(d.value.plus(t.micros, ChronoUnit.MICROS), d.zone);
        }
        if (a instanceof Date d && b instanceof TimeDelta t) {
            return new Date(d.value.plusDays(t.days()));
        }
        return null;
    }

    static Object sub(Object a, Object b) {
        if (a instanceof TimeDelta x && b instanceof TimeDelta y) {
            return new TimeDelta(x.micros - y.micros);
        }
        if (a instanceof DateTime d && b instanceof TimeDelta t) {
            return new DateTime(d.value.minus(t.micros, ChronoUnit.MICROS), d.zone);
        }
        if (a instanceof Date d && b instanceof TimeDelta t) {
            return new Date(d.value.minusDays(t.days()));
        }
        if (a instanceof DateTime x && b instanceof DateTime y) {
            if ((x.zone == null) != (y.zone == null)) {
                throw new JinjaException("can't subtract offset-naive and offset-aware datetimes");
            }
            Duration d = x.zone == null ? Duration.between(y.value, x.value) : Duration.between(y.instant(), x.instant());
            return new TimeDelta(d.getSeconds() * 1_000_000L + d.getNano() / 1000);
        }
        if (a instanceof Date x && b instanceof Date y) {
            return new TimeDelta(ChronoUnit.DAYS.between(y.value, x.value) * 86_400_000_000L);
        }
        return null;
    }

    static String repr(Object v) {
        if (v instanceof Date d) {
            return "datetime.date(" + d.value.getYear() + ", " + d.value.getMonthValue() + ", " + d.value.getDayOfMonth() + ")";
        }
        if (v instanceof TimeDelta t) {
            long rest = Math.floorMod(t.micros, 86_400_000_000L);
            java.util.List<String> parts = new java.util.ArrayList<>();
            if (t.days() != 0) {
                parts.add("days=" + t.days());
            }
            if (rest / 1_000_000L != 0) {
                parts.add("seconds=" + rest / 1_000_000L);
            }
            if (rest % 1_000_000L != 0) {
                parts.add("microseconds=" + rest % 1_000_000L);
            }
            return "datetime.timedelta(" + (parts.isEmpty() ? "0" : String.join(", ", parts)) + ")";
        }
        DateTime d = (DateTime) v;
        LocalDateTime t = d.value;
        StringBuilder out = new StringBuilder("datetime.datetime(").append(t.getYear()).append(", ").append(t.getMonthValue())
                .append(", ").append(t.getDayOfMonth()).append(", ").append(t.getHour()).append(", ").append(t.getMinute());
        if (t.getSecond() != 0 || t.getNano() != 0) {
            out.append(", ").append(t.getSecond());
        }
        if (t.getNano() != 0) {
            out.append(", ").append(t.getNano() / 1000);
        }
        if (d.zone != null) {
            out.append(", tzinfo=").append(d.zone.equals(ZoneOffset.UTC) ? "<UTC>" : "<DstTzInfo '" + d.zone.getId() + "'>");
        }
        return out.append(')').toString();
    }

    static String offsetText(ZoneOffset offset, boolean colon) {
        int total = offset.getTotalSeconds();
        String sign = total < 0 ? "-" : "+";
        total = Math.abs(total);
        return sign + String.format(colon ? "%02d:%02d" : "%02d%02d", total / 3600, total / 60 % 60);
    }

    /** Python's strftime directives (C locale). */
    static String strftime(LocalDateTime t, ZoneOffset offset, ZoneId zone, String format) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                continue;
            }
            char d = format.charAt(++i);
            switch (d) {
                case 'Y' -> out.append(String.format("%04d", t.getYear()));
                case 'y' -> out.append(String.format("%02d", t.getYear() % 100));
                case 'm' -> out.append(String.format("%02d", t.getMonthValue()));
                case 'd' -> out.append(String.format("%02d", t.getDayOfMonth()));
                case 'H' -> out.append(String.format("%02d", t.getHour()));
                case 'I' -> out.append(String.format("%02d", t.getHour() % 12 == 0 ? 12 : t.getHour() % 12));
                case 'M' -> out.append(String.format("%02d", t.getMinute()));
                case 'S' -> out.append(String.format("%02d", t.getSecond()));
                case 'f' -> out.append(String.format("%06d", t.getNano() / 1000));
                case 'p' -> out.append(t.getHour() < 12 ? "AM" : "PM");
                case 'j' -> out.append(String.format("%03d", t.getDayOfYear()));
                case 'a' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'A' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'b', 'h' -> out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'B' -> out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'w' -> out.append(t.getDayOfWeek().getValue() % 7);
                case 'u' -> out.append(t.getDayOfWeek().getValue());
                case 'U' -> out.append(String.format("%02d", weekOfYear(t.toLocalDate(), DayOfWeek.SUNDAY)));
                case 'W' -> out.append(String.format("%02d", weekOfYear(t.toLocalDate(), DayOfWeek.MONDAY)));
                case 'z' -> out.append(offset == null ? "" : offsetText(offset, false));
                case 'Z' -> out.append(zone == null ? "" : zone.equals(ZoneOffset.UTC) || zone.getId().equals("UTC") ? "UTC"
                        : zone.getRules().isDaylightSavings(t.atZone(zone).toInstant())
                        ? java.util.TimeZone.getTimeZone(zone).getDisplayName(true, java.util.TimeZone.SHORT, Locale.ENGLISH)
                        : java.util.TimeZone.getTimeZone(zone).getDisplayName(false, java.util.TimeZone.SHORT, Locale.ENGLISH));
                case 'c' -> out.append(strftime(t, offset, zone, "%a %b %e %H:%M:%S %Y"));
                case 'x' -> out.append(strftime(t, offset, zone, "%m/%d/%y"));
                case 'X' -> out.append(strftime(t, offset, zone, "%H:%M:%S"));
                case 'e' -> out.append(String.format("%2d", t.getDayOfMonth()));
                case 'F' -> out.append(strftime(t, offset, zone, "%Y-%m-%d"));
                case 'T' -> out.append(strftime(t, offset, zone, "%H:%M:%S"));
                case '%' -> out.append('%');
                default -> out.append('%').append(d);
            }
        }
        return out.toString();
    }

    private static long weekOfYear(LocalDate date, DayOfWeek first) {
        int dayOfYear = date.getDayOfYear() - 1;
        int weekday = (date.getDayOfWeek().getValue() - first.getValue() + 7) % 7;
        return (dayOfYear + 7 - weekday) / 7;
    }
}
