package quarry.core.jinja;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Python modules dbt exposes to templates as {@code modules.*}: {@code datetime} ({@code datetime},
 * {@code date}, {@code timedelta}, {@code timezone}), {@code pytz} ({@code timezone(name)},
 * {@code utc}) and {@code re}; plus factories for the host's datetime values such as
 * {@code run_started_at}.
 */
public final class PyModules implements JinjaObject {
    private final Clock clock;
    private final JinjaObject datetime;
    private final JinjaObject pytz;
    private final PyRe re = new PyRe();

    /** The modules with {@code now()} and {@code today()} read from {@code clock}. */
    public PyModules(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        this.datetime = new DatetimeModule();
        this.pytz = name -> switch (name) {
            case "utc", "UTC" -> new TimeZone(ZoneOffset.UTC);
            case "timezone" -> (JinjaCallable) a -> new TimeZone(zone(Py.str(a.require(0, "zone", "timezone"))));
            default -> Undefined.INSTANCE;
        };
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "datetime" -> datetime;
            case "pytz" -> pytz;
            case "re" -> re;
            default -> Undefined.INSTANCE;
        };
    }

    /** A Python aware {@code datetime} for a host instant (dbt's {@code run_started_at} is UTC-aware). */
    public static Object datetime(ZonedDateTime value) {
        return new PyTime.DateTime(value.toLocalDateTime(), value.getZone());
    }

    /** A Python naive {@code datetime}. */
    public static Object datetime(LocalDateTime value) {
        return new PyTime.DateTime(value, null);
    }

    /** A Python {@code date}. */
    public static Object date(LocalDate value) {
        return new PyTime.Date(value);
    }

    private static ZoneId zone(String name) {
        try {
            return ZoneId.of(name);
        } catch (java.time.DateTimeException e) {
            throw new JinjaException("UnknownTimeZoneError: " + Py.repr(name));
        }
    }

    /** A tzinfo: {@code pytz.timezone(...)}, {@code datetime.timezone.utc}. */
    record TimeZone(ZoneId zone) implements JinjaObject {
        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "zone" -> zone.getId();
                case "localize" -> (JinjaCallable) a -> {
                    PyTime.DateTime dt = (PyTime.DateTime) a.require(0, "dt", name);
                    return new PyTime.DateTime(dt.value(), zone);
                };
                default -> Undefined.INSTANCE;
            };
        }

        @Override
        public String toString() {
            return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
        }
    }

    private final class DatetimeModule implements JinjaObject {
        private final JinjaObject datetimeClass = new DatetimeClass();
        private final JinjaObject dateClass = new DateClass();

        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "datetime" -> datetimeClass;
                case "date" -> dateClass;
                case "timedelta" -> (JinjaCallable) PyModules::timedelta;
                case "timezone" -> (JinjaObject) n -> n.equals("utc") ? new TimeZone(ZoneOffset.UTC) : Undefined.INSTANCE;
                default -> Undefined.INSTANCE;
            };
        }
    }

    private static Object timedelta(Arguments a) {
        double[] units = {86_400e6, 1e6, 1, 1e3, 60e6, 3_600e6, 604_800e6};
        String[] names = {"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"};
        double micros = 0;
        for (int i = 0; i < names.length; i++) {
            Object v = a.get(i, names[i], 0L);
            micros += PyMath.toDouble(v) * units[i];
        }
        return new PyTime.TimeDelta(Math.round(micros));
    }

    private final class DatetimeClass implements JinjaObject, JinjaCallable {
        @Override
        public Object call(Arguments a) {
            int[] parts = new int[7];
            String[] names = {"year", "month", "day", "hour", "minute", "second", "microsecond"};
            for (int i = 0; i < names.length; i++) {
                parts[i] = (int) Py.toIndex(i < 3 ? a.require(i, names[i], "datetime") : a.get(i, names[i], 0L));
            }
            Object tz = a.get(7, "tzinfo", null);
            try {
                return new PyTime.DateTime(LocalDateTime.of(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5],
                        parts[6] * 1000), tz instanceof TimeZone t ? t.zone() : null);
            } catch (java.time.DateTimeException e) {
                throw new JinjaException("ValueError: " + e.getMessage());
            }
        }

        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "now" -> (JinjaCallable) a -> {
                    Object tz = a.get(0, "tz", null);
                    if (tz instanceof TimeZone t) {
                        return new PyTime.DateTime(LocalDateTime.now(clock.withZone(t.zone())), t.zone());
                    }
                    return new PyTime.DateTime(LocalDateTime.now(clock), null);
                };
                case "utcnow" -> (JinjaCallable) a -> new PyTime.DateTime(LocalDateTime.now(clock.withZone(ZoneOffset.UTC)), null);
                case "today" -> (JinjaCallable) a -> new PyTime.DateTime(LocalDateTime.now(clock), null);
                case "fromisoformat" -> (JinjaCallable) a -> fromIso(Py.str(a.require(0, "date_string", name)));
                case "strptime" -> (JinjaCallable) a -> Strptime.parse(Py.str(a.require(0, "date_string", name)),
                        Py.str(a.require(1, "format", name)));
                default -> Undefined.INSTANCE;
            };
        }

        private Object fromIso(String s) {
            try {
                if (s.length() <= 10) {
                    return new PyTime.DateTime(LocalDate.parse(s).atStartOfDay(), null);
                }
                String t = s.replace(' ', 'T');
                try {
                    ZonedDateTime z = ZonedDateTime.parse(t);
                    return new PyTime.DateTime(z.toLocalDateTime(), z.getZone());
                } catch (DateTimeParseException e) {
                    return new PyTime.DateTime(LocalDateTime.parse(t), null);
                }
            } catch (DateTimeParseException e) {
                throw new JinjaException("ValueError: Invalid isoformat string: " + Py.repr(s));
            }
        }
    }

    private final class DateClass implements JinjaObject, JinjaCallable {
        @Override
        public Object call(Arguments a) {
            try {
                return new PyTime.Date(LocalDate.of((int) Py.toIndex(a.require(0, "year", "date")),
                        (int) Py.toIndex(a.require(1, "month", "date")), (int) Py.toIndex(a.require(2, "day", "date"))));
            } catch (java.time.DateTimeException e) {
                throw new JinjaException("ValueError: " + e.getMessage());
            }
        }

        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "today" -> (JinjaCallable) a -> new PyTime.Date(LocalDate.now(clock));
                case "fromisoformat" -> (JinjaCallable) a -> {
                    try {
                        return new PyTime.Date(LocalDate.parse(Py.str(a.require(0, "date_string", name))));
                    } catch (DateTimeParseException e) {
                        throw new JinjaException("ValueError: Invalid isoformat string");
                    }
                };
                default -> Undefined.INSTANCE;
            };
        }
    }
}
