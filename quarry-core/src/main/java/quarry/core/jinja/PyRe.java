package quarry.core.jinja;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Python's {@code re} module over java.util.regex, translating Python's pattern and replacement syntax. */
final class PyRe implements JinjaObject {
    static final long IGNORECASE = 2;
    static final long MULTILINE = 8;
    static final long DOTALL = 16;
    static final long VERBOSE = 64;
    static final long ASCII = 256;

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "I", "IGNORECASE" -> IGNORECASE;
            case "M", "MULTILINE" -> MULTILINE;
            case "S", "DOTALL" -> DOTALL;
            case "X", "VERBOSE" -> VERBOSE;
            case "A", "ASCII" -> ASCII;
            case "U", "UNICODE" -> 32L;
            case "compile" -> (JinjaCallable) a -> compile(a.require(0, "pattern", name), a.get(1, "flags", 0L));
            case "escape" -> (JinjaCallable) a -> escape(Py.str(a.require(0, "pattern", name)));
            case "match", "search", "fullmatch", "findall", "finditer", "sub", "subn", "split" -> (JinjaCallable) a -> {
                boolean sub = name.startsWith("sub");
                int flagsAt = sub ? 4 : name.equals("split") ? 3 : 2;
                PatternObject p = compile(a.require(0, "pattern", name), a.get(flagsAt, "flags", 0L));
                List<Object> rest = new ArrayList<>(a.positional().subList(1, Math.min(a.size(), flagsAt)));
                Map<String, Object> kw = new LinkedHashMap<>(a.keywords());
                kw.remove("flags");
                kw.remove("pattern");
                return p.attribute(name) instanceof JinjaCallable c ? c.call(new Arguments(rest, kw)) : null;
            };
            default -> Undefined.INSTANCE;
        };
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (!Character.isLetterOrDigit(c) && c != '_' && c < 128) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    static PatternObject compile(Object pattern, Object flags) {
        if (pattern instanceof PatternObject p) {
            return p;
        }
        String source = Py.str(pattern);
        long f = Py.toIndex(flags == null ? 0L : flags);
        int javaFlags = 0;
        if ((f & IGNORECASE) != 0) {
            javaFlags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        }
        if ((f & MULTILINE) != 0) {
            javaFlags |= Pattern.MULTILINE;
        }
        if ((f & DOTALL) != 0) {
            javaFlags |= Pattern.DOTALL;
        }
        if ((f & VERBOSE) != 0) {
            javaFlags |= Pattern.COMMENTS;
        }
        if ((f & ASCII) == 0) {
            javaFlags |= Pattern.UNICODE_CHARACTER_CLASS;
        }
        try {
            return new PatternObject(source, Pattern.compile(translate(source), javaFlags), f);
        } catch (PatternSyntaxException e) {
            throw new JinjaException("re.error: " + e.getDescription() + " in pattern " + Py.repr(source));
        }
    }

    /** Python-only syntax to Java: named groups, named backreferences, \Z, inline comments. */
    private static String translate(String p) {
        return p.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>").replace("\\Z", "\\z")
                .replaceAll("\\(\\?#[^)]*\\)", "");
    }

    /** A compiled pattern ({@code re.compile(...)}). */
    record PatternObject(String source, Pattern pattern, long flags) implements JinjaObject {
        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "pattern" -> source;
                case "flags" -> flags;
                case "groups" -> (long) pattern.matcher("").groupCount();
                case "match" -> (JinjaCallable) a -> find(a, 0);
                case "search" -> (JinjaCallable) a -> find(a, 1);
                case "fullmatch" -> (JinjaCallable) a -> find(a, 2);
                case "findall" -> (JinjaCallable) this::findall;
                case "finditer" -> (JinjaCallable) a -> {
                    List<Object> out = new ArrayList<>();
                    Matcher m = pattern.matcher(Py.str(a.require(0, "string", name)));
                    while (m.find()) {
                        out.add(new MatchObject(m.toMatchResult(), m.groupCount(), names(), Py.str(a.get(0))));
                    }
                    return out;
                };
                case "sub" -> (JinjaCallable) a -> sub(a, false);
                case "subn" -> (JinjaCallable) a -> sub(a, true);
                case "split" -> (JinjaCallable) this::split;
                default -> Undefined.INSTANCE;
            };
        }

        private List<String> names() {
            List<String> out = new ArrayList<>();
            Matcher m = Pattern.compile("\\(\\?P?<([a-zA-Z_]\\w*)>").matcher(source);
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        }

        private Object find(Arguments a, int mode) {
            String s = Py.str(a.require(0, "string", "match"));
            Matcher m = pattern.matcher(s);
            boolean ok = switch (mode) {
                case 0 -> m.lookingAt();
                case 1 -> m.find();
                default -> m.matches();
            };
            return ok ? new MatchObject(m.toMatchResult(), m.groupCount(), names(), s) : null;
        }

        private Object findall(Arguments a) {
            Matcher m = pattern.matcher(Py.str(a.require(0, "string", "findall")));
            List<Object> out = new ArrayList<>();
            while (m.find()) {
                if (m.groupCount() == 0) {
                    out.add(m.group());
                } else if (m.groupCount() == 1) {
                    out.add(m.group(1) == null ? "" : m.group(1));
                } else {
                    List<Object> groups = new ArrayList<>();
                    for (int g = 1; g <= m.groupCount(); g++) {
                        groups.add(m.group(g) == null ? "" : m.group(g));
                    }
                    out.add(PyTuple.copyOf(groups));
                }
            }
            return out;
        }

        private Object sub(Arguments a, boolean counted) {
            Object repl = a.require(0, "repl", "sub");
            String s = Py.str(a.require(1, "string", "sub"));
            long count = Py.toIndex(a.get(2, "count", 0L));
            Matcher m = pattern.matcher(s);
            StringBuilder out = new StringBuilder();
            int last = 0;
            long done = 0;
            while ((count == 0 || done < count) && m.find()) {
                out.append(s, last, m.start());
                MatchObject match = new MatchObject(m.toMatchResult(), m.groupCount(), names(), s);
                if (repl instanceof JinjaCallable fn) {
                    out.append(Py.str(fn.call(Arguments.of(match))));
                } else {
                    out.append(expand(Py.str(repl), match));
                }
                last = m.end();
                done++;
            }
            out.append(s.substring(last));
            return counted ? PyTuple.of(out.toString(), done) : out.toString();
        }

        private Object split(Arguments a) {
            String s = Py.str(a.require(0, "string", "split"));
            long max = Py.toIndex(a.get(1, "maxsplit", 0L));
            Matcher m = pattern.matcher(s);
            List<Object> out = new ArrayList<>();
            int last = 0;
            long done = 0;
            while ((max == 0 || done < max) && m.find()) {
                out.add(s.substring(last, m.start()));
                for (int g = 1; g <= m.groupCount(); g++) {
                    out.add(m.group(g));
                }
                last = m.end();
                done++;
            }
            out.add(s.substring(last));
            return out;
        }

        @Override
        public String toString() {
            return "re.compile(" + Py.repr(source) + ")";
        }
    }

    /** Expands {@code \1}, {@code \g<1>}, {@code \g<name>} and escapes in a replacement string. */
    static String expand(String template, MatchObject match) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '\\' || i + 1 >= template.length()) {
                out.append(c);
                continue;
            }
            char d = template.charAt(++i);
            if (Character.isDigit(d)) {
                int j = i;
                while (j < template.length() && j < i + 2 && Character.isDigit(template.charAt(j))) {
                    j++;
                }
                out.append(Py.str(orEmpty(match.group(template.substring(i, j)))));
                i = j - 1;
            } else if (d == 'g' && i + 1 < template.length() && template.charAt(i + 1) == '<') {
                int close = template.indexOf('>', i);
                out.append(Py.str(orEmpty(match.group(template.substring(i + 2, close)))));
                i = close;
            } else {
                switch (d) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case '\\' -> out.append('\\');
                    default -> out.append('\\').append(d);
                }
            }
        }
        return out.toString();
    }

    private static Object orEmpty(Object v) {
        return v == null ? "" : v;
    }

    /** A match ({@code re.Match}). */
    record MatchObject(java.util.regex.MatchResult result, int groupCount, List<String> names, String string)
            implements JinjaObject {
        Object group(Object which) {
            int index;
            if (which instanceof String s && !s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
                index = Integer.parseInt(s);
            } else if (which instanceof String s) {
                index = names.indexOf(s) + 1;
                if (index == 0) {
                    throw new JinjaException("IndexError: no such group");
                }
            } else {
                index = (int) Py.toIndex(which);
            }
            if (index < 0 || index > groupCount) {
                throw new JinjaException("IndexError: no such group");
            }
            return result.group(index);
        }

        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "group" -> (JinjaCallable) a -> {
                    if (a.size() <= 1) {
                        return group(a.size() == 0 ? 0L : a.get(0));
                    }
                    List<Object> out = new ArrayList<>();
                    a.positional().forEach(g -> out.add(group(g)));
                    return PyTuple.copyOf(out);
                };
                case "groups" -> (JinjaCallable) a -> {
                    List<Object> out = new ArrayList<>();
                    for (int g = 1; g <= groupCount; g++) {
                        out.add(result.group(g) == null ? a.get(0, "default", null) : result.group(g));
                    }
                    return PyTuple.copyOf(out);
                };
                case "groupdict" -> (JinjaCallable) a -> {
                    Map<Object, Object> out = new LinkedHashMap<>();
                    for (String n : names) {
                        out.put(n, group(n));
                    }
                    return out;
                };
                case "start" -> (JinjaCallable) a -> (long) result.start((int) Py.toIndex(a.get(0, "group", 0L)));
                case "end" -> (JinjaCallable) a -> (long) result.end((int) Py.toIndex(a.get(0, "group", 0L)));
                case "span" -> (JinjaCallable) a -> {
                    int g = (int) Py.toIndex(a.get(0, "group", 0L));
                    return PyTuple.of((long) result.start(g), (long) result.end(g));
                };
                case "string" -> string;
                default -> Undefined.INSTANCE;
            };
        }

        @Override
        public Object item(Object key) {
            return group(key);
        }

        @Override
        public String toString() {
            return "<re.Match object; span=(" + result.start() + ", " + result.end() + "), match="
                    + Py.repr(result.group()) + ">";
        }
    }
}
