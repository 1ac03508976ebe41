package quarry.core.jinja;

import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;

/** Python's {@code datetime.strptime} for the common directives. */
final class Strptime {
    private Strptime() {
    }

    static Object parse(String s, String format) {
        int year = 1900;
        int month = 1;
        int day = 1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        int micro = 0;
        int dayOfYear = -1;
        boolean pm = false;
        boolean twelveHour = false;
        ZoneOffset offset = null;
        int[] at = {0};
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                if (Character.isWhitespace(c)) {
                    while (at[0] < s.length() && Character.isWhitespace(s.charAt(at[0]))) {
                        at[0]++;
                    }
                    continue;
                }
                expect(s, at, c, format);
                continue;
            }
            char d = format.charAt(++i);
            switch (d) {
                case 'Y' -> year = number(s, at, 4, format);
                case 'y' -> {
                    int y = number(s, at, 2, format);
                    year = y < 69 ? 2000 + y : 1900 + y;
                }
                case 'm' -> month = number(s, at, 2, format);
                case 'd' -> day = number(s, at, 2, format);
                case 'H' -> hour = number(s, at, 2, format);
                case 'I' -> {
                    hour = number(s, at, 2, format);
                    twelveHour = true;
                }
                case 'M' -> minute = number(s, at, 2, format);
                case 'S' -> second = number(s, at, 2, format);
                case 'j' -> dayOfYear = number(s, at, 3, format);
                case 'f' -> {
                    int start = at[0];
                    int value = number(s, at, 6, format);
                    micro = value * (int) Math.pow(10, 6 - (at[0] - start));
                }
                case 'p' -> {
                    String ampm = s.substring(at[0], Math.min(s.length(), at[0] + 2)).toUpperCase(Locale.ROOT);
                    pm = ampm.equals("PM");
                    if (!pm && !ampm.equals("AM")) {
                        throw mismatch(s, format);
                    }
                    at[0] += 2;
                }
                case 'b', 'B' -> month = monthName(s, at, format);
                case 'z' -> {
                    if (at[0] < s.length() && s.charAt(at[0]) == 'Z') {
                        at[0]++;
                        offset = ZoneOffset.UTC;
                    } else {
                        int sign = s.charAt(at[0]) == '-' ? -1 : 1;
                        at[0]++;
                        int hh = number(s, at, 2, format);
                        if (at[0] < s.length() && s.charAt(at[0]) == ':') {
                            at[0]++;
                        }
                        int mm = number(s, at, 2, format);
                        offset = ZoneOffset.ofTotalSeconds(sign * (hh * 3600 + mm * 60));
                    }
                }
                case '%' -> expect(s, at, '%', format);
                default -> throw new JinjaException("ValueError: '" + d + "' is a bad directive in format " + Py.repr(format));
            }
        }
        if (at[0] != s.length()) {
            throw new JinjaException("ValueError: unconverted data remains: " + s.substring(at[0]));
        }
        if (twelveHour) {
            hour = hour % 12 + (pm ? 12 : 0);
        }
        try {
            LocalDateTime value = dayOfYear > 0 ? LocalDateTime.of(year, 1, 1, hour, minute, second, micro * 1000)
                    .withDayOfYear(dayOfYear) : LocalDateTime.of(year, month, day, hour, minute, second, micro * 1000);
            return new PyTime.DateTime(value, offset);
        } catch (java.time.DateTimeException e) {
            throw new JinjaException("ValueError: " + e.getMessage());
        }
    }

    private static void expect(String s, int[] at, char c, String format) {
        if (at[0] >= s.length() || s.charAt(at[0]) != c) {
            throw mismatch(s, format);
        }
        at[0]++;
    }

    private static int number(String s, int[] at, int maxDigits, String format) {
        int start = at[0];
        while (at[0] < s.length() && at[0] - start < maxDigits && Character.isDigit(s.charAt(at[0]))) {
            at[0]++;
        }
        if (at[0] == start) {
            throw mismatch(s, format);
        }
        return Integer.parseInt(s.substring(start, at[0]));
    }

    private static int monthName(String s, int[] at, String format) {
        for (Month m : Month.values()) {
            for (TextStyle style : new TextStyle[] {TextStyle.FULL, TextStyle.SHORT}) {
                String name = m.getDisplayName(style, Locale.ENGLISH);
                if (s.regionMatches(true, at[0], name, 0, name.length())) {
                    at[0] += name.length();
                    return m.getValue();
                }
            }
        }
        throw mismatch(s, format);
    }

    private static JinjaException mismatch(String s, String format) {
        return new JinjaException("ValueError: time data " + Py.repr(s) + " does not match format " + Py.repr(format));
    }
}
