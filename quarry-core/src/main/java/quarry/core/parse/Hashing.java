package quarry.core.parse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The hashes dbt puts in ids and checksums, and Python's {@code repr} of the values it hashes. */
public final class Hashing {

    private Hashing() {}

    public static String md5(String text) {
        return digest("MD5", text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        return digest("SHA-256", bytes);
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Looking a digest up costs more than hashing a short name; each thread keeps its own. */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> instance("MD5"));
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> instance("SHA-256"));

    private static String digest(String algorithm, byte[] bytes) {
        MessageDigest digest = (algorithm.equals("MD5") ? MD5 : SHA256).get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(bytes));
    }

    private static MessageDigest instance(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    /**
     * dbt's "hashable" form of test metadata: dicts with sorted keys, lists kept, every other value
     * turned into its Python {@code str()}; rendered with Python's {@code repr}.
     */
    public static String hashableRepr(Object value) {
        StringBuilder b = new StringBuilder();
        hashable(value, b);
        return b.toString();
    }

    private static void hashable(Object value, StringBuilder b) {
        if (value instanceof Map<?, ?> m) {
            // keys sorted as str(); an array, not a TreeMap: this runs for every generic test
            Object[][] entries = new Object[m.size()][];
            int n = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                entries[n++] = new Object[] {String.valueOf(e.getKey()), e.getValue()};
            }
            java.util.Arrays.sort(entries, (x, y) -> ((String) x[0]).compareTo((String) y[0]));
            b.append('{');
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    b.append(", ");
                }
                appendStringRepr((String) entries[i][0], b);
                b.append(": ");
                hashable(entries[i][1], b);
            }
            b.append('}');
        } else if (value instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                hashable(l.get(i), b);
            }
            b.append(']');
        } else {
            appendStringRepr(value instanceof String text ? text : pyStr(value), b);
        }
    }

    /** Python's {@code str()} of a YAML scalar. */
    public static String pyStr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean bool) {
            return bool ? "True" : "False";
        }
        if (value instanceof Double d) {
            if (d.isInfinite()) {
                return d > 0 ? "inf" : "-inf";
            }
            if (d.isNaN()) {
                return "nan";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e16) {
                return String.valueOf(d.longValue()) + ".0";
            }
            return String.valueOf(d);
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return pyRepr(value);
        }
        return String.valueOf(value);
    }

    /** Python's {@code repr()} of plain values. */
    public static String pyRepr(Object value) {
        if (value instanceof String s) {
            return pyStringRepr(s);
        }
        if (value instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    b.append(", ");
                }
                first = false;
                b.append(pyRepr(e.getKey())).append(": ").append(pyRepr(e.getValue()));
            }
            return b.append('}').toString();
        }
        if (value instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                b.append(pyRepr(l.get(i)));
            }
            return b.append(']').toString();
        }
        return pyStr(value);
    }

    static String pyStringRepr(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2);
        appendStringRepr(s, b);
        return b.toString();
    }

    /** Appends Python's {@code repr()} of a string. */
    private static void appendStringRepr(String s, StringBuilder b) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        b.append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append(quote);
    }
}
