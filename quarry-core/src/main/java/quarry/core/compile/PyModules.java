package quarry.core.compile;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quarry.core.jinja.Arguments;
import quarry.core.jinja.JinjaCallable;
import quarry.core.jinja.JinjaException;
import quarry.core.jinja.JinjaObject;
import quarry.core.jinja.PyTuple;
import quarry.core.jinja.Undefined;

/**
 * The Python modules dbt exposes as {@code modules}: {@code datetime} (datetime, date, timedelta,
 * now, strptime, strftime), {@code re} (match, search, fullmatch, findall, sub, split, compile),
 * {@code itertools} (product, chain, combinations, permutations) and {@code pytz} (utc, timezone).
 */
final class PyModules {

    private PyModules() {}

    static Map<String, Object> modules() {
        return Map.of("datetime", new DatetimeModule(), "re", new ReModule(), "itertools", new Itertools(),
                "pytz", new Pytz());
    }

    static JinjaObject datetime(Instant instant) {
        return new PyDateTime(instant.atZone(ZoneOffset.UTC), true);
    }

    /** A Python datetime (or date): attributes, strftime, isoformat; prints as Python's str(). */
    record PyDateTime(Temporal value, boolean aware) implements JinjaObject {
        @Override
        public Object attribute(String name) {
            LocalDateTime local = local();
            return switch (name) {
                case "year" -> (long) local.getYear();
                case "month" -> (long) local.getMonthValue();
                case "day" -> (long) local.getDayOfMonth();
                case "hour" -> (long) local.getHour();
                case "minute" -> (long) local.getMinute();
                case "second" -> (long) local.getSecond();
                case "microsecond" -> (long) local.getNano() / 1000;
                case "strftime" -> (JinjaCallable) args -> strftime(String.valueOf(args.require(0, "format", "strftime")));
                case "isoformat" -> (JinjaCallable) args -> isoformat(String.valueOf(args.get(0, "sep", "T")));
                case "date" -> (JinjaCallable) args -> new PyDateTime(local.toLocalDate(), false);
                case "timestamp" -> (JinjaCallable) args -> local.toEpochSecond(ZoneOffset.UTC) + local.getNano() / 1e9;
                case "weekday" -> (JinjaCallable) args -> (long) local.getDayOfWeek().getValue() - 1;
                case "isoweekday" -> (JinjaCallable) args -> (long) local.getDayOfWeek().getValue();
                case "replace" -> (JinjaCallable) this::replace;
                case "astimezone" -> (JinjaCallable) args -> this;
                case "tzinfo" -> aware ? "UTC" : null;
                default -> Undefined.withHint("datetime has no attribute '" + name + "'");
            };
        }

        private Object replace(Arguments args) {
            LocalDateTime l = local();
            Map<String, Object> kw = args.keywords();
            l = l.withYear(num(kw.get("year"), l.getYear())).withMonth(num(kw.get("month"), l.getMonthValue()))
                    .withDayOfMonth(num(kw.get("day"), l.getDayOfMonth())).withHour(num(kw.get("hour"), l.getHour()))
                    .withMinute(num(kw.get("minute"), l.getMinute())).withSecond(num(kw.get("second"), l.getSecond()))
                    .withNano(num(kw.get("microsecond"), l.getNano() / 1000) * 1000);
            return value instanceof LocalDate ? new PyDateTime(l.toLocalDate(), false)
                    : new PyDateTime(aware ? l.atZone(ZoneOffset.UTC) : l, aware);
        }

        LocalDateTime local() {
            if (value instanceof ZonedDateTime z) {
                return z.toLocalDateTime();
            }
            if (value instanceof LocalDate d) {
                return d.atStartOfDay();
            }
            return (LocalDateTime) value;
        }

        String isoformat(String sep) {
            if (value instanceof LocalDate d) {
                return d.toString();
            }
            LocalDateTime l = local();
            String base = l.toLocalDate() + sep + String.format("%02d:%02d:%02d", l.getHour(), l.getMinute(), l.getSecond());
            if (l.getNano() / 1000 != 0) {
                base += String.format(".%06d", l.getNano() / 1000);
            }
            return aware ? base + "+00:00" : base;
        }

        String strftime(String format) {
            LocalDateTime l = local();
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < format.length(); i++) {
                char c = format.charAt(i);
                if (c != '%' || i + 1 >= format.length()) {
                    b.append(c);
                    continue;
                }
                char f = format.charAt(++i);
                switch (f) {
                    case 'Y' -> b.append(String.format("%04d", l.getYear()));
                    case 'y' -> b.append(String.format("%02d", l.getYear() % 100));
                    case 'm' -> b.append(String.format("%02d", l.getMonthValue()));
                    case 'd' -> b.append(String.format("%02d", l.getDayOfMonth()));
                    case 'H' -> b.append(String.format("%02d", l.getHour()));
                    case 'I' -> b.append(String.format("%02d", (l.getHour() + 11) % 12 + 1));
                    case 'M' -> b.append(String.format("%02d", l.getMinute()));
                    case 'S' -> b.append(String.format("%02d", l.getSecond()));
                    case 'f' -> b.append(String.format("%06d", l.getNano() / 1000));
                    case 'p' -> b.append(l.getHour() < 12 ? "AM" : "PM");
                    case 'j' -> b.append(String.format("%03d", l.getDayOfYear()));
                    case 'A' -> b.append(l.format(DateTimeFormatter.ofPattern("EEEE", java.util.Locale.ENGLISH)));
                    case 'a' -> b.append(l.format(DateTimeFormatter.ofPattern("EEE", java.util.Locale.ENGLISH)));
                    case 'B' -> b.append(l.format(DateTimeFormatter.ofPattern("MMMM", java.util.Locale.ENGLISH)));
                    case 'b' -> b.append(l.format(DateTimeFormatter.ofPattern("MMM", java.util.Locale.ENGLISH)));
                    case 'z' -> b.append(aware ? "+0000" : "");
                    case 'Z' -> b.append(aware ? "UTC" : "");
                    case '%' -> b.append('%');
                    default -> b.append('%').append(f);
                }
            }
            return b.toString();
        }

        @Override
        public String toString() {
            return isoformat(" ");
        }
    }

    /** A Python timedelta: days, seconds, total_seconds(). */
    record PyTimedelta(Duration duration) implements JinjaObject {
        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "days" -> duration.toDays();
                case "seconds" -> duration.minusDays(duration.toDays()).getSeconds();
                case "total_seconds" -> (JinjaCallable) args -> duration.toMillis() / 1000.0;
                default -> Undefined.withHint("timedelta has no attribute '" + name + "'");
            };
        }

        @Override
        public String toString() {
            long days = duration.toDays();
            Duration rest = duration.minusDays(days);
            String time = String.format("%d:%02d:%02d", rest.toHours(), rest.toMinutesPart(), rest.toSecondsPart());
            return days == 0 ? time : days + " day" + (Math.abs(days) == 1 ? "" : "s") + ", " + time;
        }
    }

    private static final class DatetimeModule implements JinjaObject {
        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "datetime" -> new DatetimeClass();
                case "date" -> new DateClass();
                case "timedelta" -> (JinjaCallable) args -> {
                    Map<String, Object> kw = args.keywords();
                    double seconds = dbl(args.get(0, "days", 0L)) * 86400 + dbl(kw.get("hours")) * 3600
                            + dbl(kw.get("minutes")) * 60 + dbl(args.get(1, "seconds", 0L)) + dbl(kw.get("weeks")) * 604800;
                    return new PyTimedelta(Duration.ofMillis(Math.round(seconds * 1000)));
                };
                case "timezone" -> new Pytz();
                default -> Undefined.withHint("datetime has no attribute '" + name + "'");
            };
        }
    }

    private static final class DatetimeClass implements JinjaObject, JinjaCallable {
        @Override
        public Object call(Arguments args) {
            return new PyDateTime(LocalDateTime.of(num(args.require(0, "year", "datetime"), 1),
                    num(args.require(1, "month", "datetime"), 1), num(args.require(2, "day", "datetime"), 1),
                    num(args.get(3, "hour", 0L), 0), num(args.get(4, "minute", 0L), 0), num(args.get(5, "second", 0L), 0),
                    num(args.get(6, "microsecond", 0L), 0) * 1000), false);
        }

        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "now" -> (JinjaCallable) args -> new PyDateTime(LocalDateTime.now(), false);
                case "utcnow" -> (JinjaCallable) args -> new PyDateTime(LocalDateTime.now(ZoneOffset.UTC), false);
                case "strptime" -> (JinjaCallable) args -> strptime(String.valueOf(args.require(0, "date_string", "strptime")),
                        String.valueOf(args.require(1, "format", "strptime")));
                case "fromisoformat" -> (JinjaCallable) args -> {
                    String s = String.valueOf(args.require(0, "date_string", "fromisoformat"));
                    return s.length() <= 10 ? new PyDateTime(LocalDate.parse(s).atStartOfDay(), false)
                            : new PyDateTime(LocalDateTime.parse(s.replace(' ', 'T')), false);
                };
                default -> Undefined.withHint("datetime.datetime has no attribute '" + name + "'");
            };
        }
    }

    private static final class DateClass implements JinjaObject, JinjaCallable {
        @Override
        public Object call(Arguments args) {
            return new PyDateTime(LocalDate.of(num(args.require(0, "year", "date"), 1),
                    num(args.require(1, "month", "date"), 1), num(args.require(2, "day", "date"), 1)), false);
        }

        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "today" -> (JinjaCallable) args -> new PyDateTime(LocalDate.now(), false);
                case "fromisoformat" -> (JinjaCallable) args ->
                        new PyDateTime(LocalDate.parse(String.valueOf(args.require(0, "date_string", "fromisoformat"))), false);
                default -> Undefined.withHint("datetime.date has no attribute '" + name + "'");
            };
        }
    }

    static PyDateTime strptime(String text, String format) {
        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '%' && i + 1 < format.length()) {
                char f = format.charAt(++i);
                pattern.append(switch (f) {
                    case 'Y' -> "yyyy";
                    case 'm' -> "MM";
                    case 'd' -> "dd";
                    case 'H' -> "HH";
                    case 'M' -> "mm";
                    case 'S' -> "ss";
                    case 'f' -> "SSSSSS";
                    case 'y' -> "yy";
                    default -> throw new JinjaException("strptime: unsupported directive %" + f);
                });
            } else if (Character.isLetter(c)) {
                pattern.append('\'').append(c).append('\'');
            } else {
                pattern.append(c);
            }
        }
        DateTimeFormatter formatter = new java.time.format.DateTimeFormatterBuilder().appendPattern(pattern.toString())
                .parseDefaulting(java.time.temporal.ChronoField.HOUR_OF_DAY, 0).toFormatter();
        try {
            return new PyDateTime(LocalDateTime.parse(text, formatter), false);
        } catch (java.time.format.DateTimeParseException e) {
            throw new JinjaException("time data '" + text + "' does not match format '" + format + "'");
        }
    }

    private static final class Pytz implements JinjaObject {
        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "utc", "UTC" -> "UTC";
                case "timezone" -> (JinjaCallable) args -> String.valueOf(args.get(0));
                default -> Undefined.withHint("pytz has no attribute '" + name + "'");
            };
        }
    }

    /** Python's re, with its patterns translated to Java's (named groups {@code (?P<n>...)}). */
    private static final class ReModule implements JinjaObject {
        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "match" -> (JinjaCallable) args -> match(args, Mode.MATCH);
                case "search" -> (JinjaCallable) args -> match(args, Mode.SEARCH);
                case "fullmatch" -> (JinjaCallable) args -> match(args, Mode.FULL);
                case "findall" -> (JinjaCallable) args -> {
                    Matcher m = pattern(args).matcher(String.valueOf(args.get(1, "string", "")));
                    List<Object> out = new ArrayList<>();
                    while (m.find()) {
                        if (m.groupCount() == 0) {
                            out.add(m.group());
                        } else if (m.groupCount() == 1) {
                            out.add(m.group(1));
                        } else {
                            List<Object> groups = new ArrayList<>();
                            for (int g = 1; g <= m.groupCount(); g++) {
                                groups.add(m.group(g) == null ? "" : m.group(g));
                            }
                            out.add(PyTuple.copyOf(groups));
                        }
                    }
                    return out;
                };
                case "sub" -> (JinjaCallable) args -> {
                    Pattern p = compile(String.valueOf(args.require(0, "pattern", "sub")), flags(args.get(4, "flags", 0L)));
                    String repl = String.valueOf(args.require(1, "repl", "sub")).replaceAll("\\\\(\\d)", "\\$$1");
                    return p.matcher(String.valueOf(args.require(2, "string", "sub"))).replaceAll(repl);
                };
                case "split" -> (JinjaCallable) args -> new ArrayList<Object>(List.of(
                        pattern(args).split(String.valueOf(args.get(1, "string", "")), -1)));
                case "compile" -> (JinjaCallable) args -> new CompiledPattern(
                        compile(String.valueOf(args.require(0, "pattern", "compile")), flags(args.get(1, "flags", 0L))));
                case "escape" -> (JinjaCallable) args -> String.valueOf(args.get(0)).replaceAll("([^A-Za-z0-9_])", "\\\\$1");
                case "IGNORECASE", "I" -> (long) Pattern.CASE_INSENSITIVE;
                case "MULTILINE", "M" -> (long) Pattern.MULTILINE;
                case "DOTALL", "S" -> (long) Pattern.DOTALL;
                case "VERBOSE", "X" -> (long) Pattern.COMMENTS;
                default -> Undefined.withHint("re has no attribute '" + name + "'");
            };
        }
    }

    private enum Mode { MATCH, SEARCH, FULL }

    private record CompiledPattern(Pattern pattern) implements JinjaObject {
        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "match" -> (JinjaCallable) args -> find(pattern, String.valueOf(args.get(0)), Mode.MATCH);
                case "search" -> (JinjaCallable) args -> find(pattern, String.valueOf(args.get(0)), Mode.SEARCH);
                case "fullmatch" -> (JinjaCallable) args -> find(pattern, String.valueOf(args.get(0)), Mode.FULL);
                case "pattern" -> pattern.pattern();
                default -> Undefined.withHint("pattern has no attribute '" + name + "'");
            };
        }
    }

    private static Object match(Arguments args, Mode mode) {
        return find(pattern(args), String.valueOf(args.get(1, "string", "")), mode);
    }

    private static Object find(Pattern p, String s, Mode mode) {
        Matcher m = p.matcher(s);
        boolean ok = switch (mode) {
            case MATCH -> m.lookingAt();
            case SEARCH -> m.find();
            case FULL -> m.matches();
        };
        return ok ? new MatchObject(m.toMatchResult(), m) : null;
    }

    private record MatchObject(java.util.regex.MatchResult result, Matcher matcher) implements JinjaObject {
        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "group" -> (JinjaCallable) args -> {
                    Object g = args.get(0, "group", 0L);
                    return g instanceof String named ? matcher.group(named) : result.group(num(g, 0));
                };
                case "groups" -> (JinjaCallable) args -> {
                    List<Object> out = new ArrayList<>();
                    for (int i = 1; i <= result.groupCount(); i++) {
                        out.add(result.group(i));
                    }
                    return PyTuple.copyOf(out);
                };
                case "start" -> (JinjaCallable) args -> (long) result.start();
                case "end" -> (JinjaCallable) args -> (long) result.end();
                default -> Undefined.withHint("match has no attribute '" + name + "'");
            };
        }
    }

    private static Pattern pattern(Arguments args) {
        return compile(String.valueOf(args.require(0, "pattern", "re")), flags(args.get(2, "flags", 0L)));
    }

    private static Pattern compile(String python, int flags) {
        String java = python.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>");
        try {
            return Pattern.compile(java, flags);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new JinjaException("bad regular expression '" + python + "': " + e.getDescription());
        }
    }

    private static int flags(Object f) {
        return f instanceof Number n ? n.intValue() : 0;
    }

    private static final class Itertools implements JinjaObject {
        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "chain" -> (JinjaCallable) args -> {
                    List<Object> out = new ArrayList<>();
                    for (Object a : args.positional()) {
                        if (a instanceof List<?> l) {
                            out.addAll(l);
                        }
                    }
                    return out;
                };
                case "product" -> (JinjaCallable) args -> {
                    List<List<Object>> acc = new ArrayList<>();
                    acc.add(new ArrayList<>());
                    for (Object a : args.positional()) {
                        List<List<Object>> next = new ArrayList<>();
                        for (List<Object> prefix : acc) {
                            for (Object item : a instanceof List<?> l ? l : List.of()) {
                                List<Object> row = new ArrayList<>(prefix);
                                row.add(item);
                                next.add(row);
                            }
                        }
                        acc = next;
                    }
                    return acc.stream().map(r -> (Object) PyTuple.copyOf(r)).toList();
                };
                case "combinations" -> (JinjaCallable) args -> {
                    List<?> items = args.get(0) instanceof List<?> l ? l : List.of();
                    int r = num(args.get(1, "r", 2L), 2);
                    List<Object> out = new ArrayList<>();
                    combine(items, r, 0, new ArrayList<>(), out);
                    return out;
                };
                default -> Undefined.withHint("itertools has no attribute '" + name + "'");
            };
        }

        private static void combine(List<?> items, int r, int start, List<Object> current, List<Object> out) {
            if (current.size() == r) {
                out.add(PyTuple.copyOf(current));
                return;
            }
            for (int i = start; i < items.size(); i++) {
                current.add(items.get(i));
                combine(items, r, i + 1, current, out);
                current.remove(current.size() - 1);
            }
        }
    }

    static int num(Object v, int dflt) {
        return v instanceof Number n ? n.intValue() : dflt;
    }

    static double dbl(Object v) {
        return v instanceof Number n ? n.doubleValue() : 0;
    }
}
