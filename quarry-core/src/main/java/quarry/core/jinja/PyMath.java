package quarry.core.jinja;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Python arithmetic: ints of any size, true division, floor division and modulo, powers. */
final class PyMath {
    private PyMath() {
    }

    private static boolean isSmallInt(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof Boolean;
    }

    private static long smallInt(Object v) {
        return v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).longValue();
    }

    private static BigInteger big(Object v) {
        return v instanceof BigInteger b ? b : BigInteger.valueOf(smallInt(v));
    }

    private static boolean isIntLike(Object v) {
        return isSmallInt(v) || v instanceof BigInteger;
    }

    static double toDouble(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof BigInteger b) {
            double d = b.doubleValue();
            if (Double.isInfinite(d)) {
                throw new JinjaException("int too large to convert to float");
            }
            return d;
        }
        return ((Number) v).doubleValue();
    }

    static boolean isNaN(Object v) {
        return (v instanceof Double d && d.isNaN()) || (v instanceof Float f && f.isNaN());
    }

    static int compareNumbers(Object a, Object b) {
        if (isSmallInt(a) && isSmallInt(b)) {
            return Long.compare(smallInt(a), smallInt(b));
        }
        if (isIntLike(a) && isIntLike(b)) {
            return big(a).compareTo(big(b));
        }
        double x = a instanceof BigInteger ? ((BigInteger) a).doubleValue() : toDouble(a);
        double y = b instanceof BigInteger ? ((BigInteger) b).doubleValue() : toDouble(b);
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.compare(x, y); // callers check isNaN first: NaN is unordered and unequal
        }
        if (isIntLike(a) && !Double.isInfinite(y)) {
            return new BigDecimal(big(a)).compareTo(new BigDecimal(y));
        }
        if (isIntLike(b) && !Double.isInfinite(x)) {
            return new BigDecimal(x).compareTo(new BigDecimal(big(b)));
        }
        return Double.compare(x, y);
    }

    private static JinjaException unsupported(String op, Object a, Object b) {
        return new JinjaException("unsupported operand type(s) for " + op + ": '" + Py.typeName(a) + "' and '"
                + Py.typeName(b) + "'");
    }

    private static void checkDefined(Object a, Object b) {
        if (a instanceof Undefined u) {
            throw u.error();
        }
        if (b instanceof Undefined u) {
            throw u.error();
        }
    }

    static Object add(Object a, Object b) {
        if (a instanceof JinjaObject || b instanceof JinjaObject) {
            Object time = PyTime.add(a, b);
            if (time != null) {
                return time;
            }
        }
        if (isSmallInt(a) && isSmallInt(b)) {
            long x = smallInt(a);
            long y = smallInt(b);
            long r = x + y;
            if (((x ^ r) & (y ^ r)) < 0) {
                return big(a).add(big(b));
            }
            return r;
        }
        if (a instanceof String sa && b instanceof String sb) {
            return sa.concat(sb);
        }
        if ((a instanceof Markup || b instanceof Markup) && (a instanceof String || a instanceof Markup)
                && (b instanceof String || b instanceof Markup)) {
            return new Markup(Markup.escape(a).text + Markup.escape(b).text);
        }
        if (Py.isNumber(a) && Py.isNumber(b)) {
            if (isIntLike(a) && isIntLike(b)) {
                return Py.normalizeInt(big(a).add(big(b)));
            }
            return toDouble(a) + toDouble(b);
        }
        if (a instanceof List<?> la && b instanceof List<?> lb && (a instanceof PyTuple) == (b instanceof PyTuple)) {
            List<Object> out = new ArrayList<>(la.size() + lb.size());
            out.addAll(la);
            out.addAll(lb);
            return a instanceof PyTuple ? PyTuple.copyOf(out) : out;
        }
        checkDefined(a, b);
        if (a instanceof String || b instanceof String) {
            throw new JinjaException("can only concatenate str (not \"" + Py.typeName(a instanceof String ? b : a)
                    + "\") to str");
        }
        throw unsupported("+", a, b);
    }

    static Object sub(Object a, Object b) {
        if (a instanceof JinjaObject || b instanceof JinjaObject) {
            Object time = PyTime.sub(a, b);
            if (time != null) {
                return time;
            }
        }
        if (isSmallInt(a) && isSmallInt(b)) {
            long x = smallInt(a);
            long y = smallInt(b);
            long r = x - y;
            if (((x ^ y) & (x ^ r)) < 0) {
                return big(a).subtract(big(b));
            }
            return r;
        }
        if (Py.isNumber(a) && Py.isNumber(b)) {
            if (isIntLike(a) && isIntLike(b)) {
                return Py.normalizeInt(big(a).subtract(big(b)));
            }
            return toDouble(a) - toDouble(b);
        }
        if (a instanceof java.util.Set<?> x && b instanceof java.util.Set<?> y) {
            java.util.Set<Object> out = new java.util.LinkedHashSet<>(x);
            out.removeAll(y);
            return out;
        }
        checkDefined(a, b);
        throw unsupported("-", a, b);
    }

    static Object mul(Object a, Object b) {
        if (isIntLike(a) && isIntLike(b)) {
            if (isSmallInt(a) && isSmallInt(b)) {
                long x = smallInt(a);
                long y = smallInt(b);
                long hi = Math.multiplyHigh(x, y);
                long lo = x * y;
                if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                    return lo;
                }
            }
            return Py.normalizeInt(big(a).multiply(big(b)));
        }
        if (Py.isNumber(a) && Py.isNumber(b)) {
            return toDouble(a) * toDouble(b);
        }
        if (a instanceof Markup m && isIntLike(b)) {
            return new Markup((String) repeat(m.text, repeatCount(b)));
        }
        if ((a instanceof String || a instanceof List) && isIntLike(b)) {
            return repeat(a, repeatCount(b));
        }
        if ((b instanceof String || b instanceof List) && isIntLike(a)) {
            return repeat(b, repeatCount(a));
        }
        checkDefined(a, b);
        throw unsupported("*", a, b);
    }

    /** Beyond this many characters or items a repetition is refused rather than exhausting memory. */
    private static final long MAX_REPEAT = 50_000_000L;

    private static Object repeat(Object seq, long times) {
        long size = seq instanceof String s ? s.length() : ((List<?>) seq).size();
        if (times > 0 && size > 0 && times > MAX_REPEAT / size) {
            throw new JinjaException("MemoryError: repeating a sequence of " + size + " " + times + " times");
        }
        if (seq instanceof String s) {
            return times <= 0 ? "" : s.repeat((int) times);
        }
        List<?> list = (List<?>) seq;
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < times; i++) {
            out.addAll(list);
        }
        return seq instanceof PyTuple ? PyTuple.copyOf(out) : out;
    }

    private static long repeatCount(Object n) {
        if (n instanceof BigInteger b) {
            return b.signum() < 0 ? 0 : Long.MAX_VALUE;
        }
        return smallInt(n);
    }

    static Object div(Object a, Object b) {
        if (Py.isNumber(a) && Py.isNumber(b)) {
            if (isIntLike(a) && isIntLike(b)) {
                BigInteger y = big(b);
                if (y.signum() == 0) {
                    throw new JinjaException("division by zero");
                }
                if (isSmallInt(a) && isSmallInt(b) && Math.abs(smallInt(a)) < (1L << 53)
                        && Math.abs(smallInt(b)) < (1L << 53)) {
                    return (double) smallInt(a) / (double) smallInt(b);
                }
                return new BigDecimal(big(a)).divide(new BigDecimal(y), java.math.MathContext.DECIMAL128)
                        .doubleValue();
            }
            double y = toDouble(b);
            if (y == 0) {
                throw new JinjaException("float division by zero");
            }
            return toDouble(a) / y;
        }
        checkDefined(a, b);
        throw unsupported("/", a, b);
    }

    static Object floorDiv(Object a, Object b) {
        if (isIntLike(a) && isIntLike(b)) {
            if (isSmallInt(a) && isSmallInt(b)) {
                long y = smallInt(b);
                if (y == 0) {
                    throw new JinjaException("integer division or modulo by zero");
                }
                long x = smallInt(a);
                if (!(x == Long.MIN_VALUE && y == -1)) {
                    return Math.floorDiv(x, y);
                }
            }
            BigInteger y = big(b);
            if (y.signum() == 0) {
                throw new JinjaException("integer division or modulo by zero");
            }
            BigInteger[] qr = big(a).divideAndRemainder(y);
            BigInteger q = qr[0];
            if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
                q = q.subtract(BigInteger.ONE);
            }
            return Py.normalizeInt(q);
        }
        if (Py.isNumber(a) && Py.isNumber(b)) {
            double y = toDouble(b);
            if (y == 0) {
                throw new JinjaException("float floor division by zero");
            }
            return floatFloorDiv(toDouble(a), y);
        }
        checkDefined(a, b);
        throw unsupported("//", a, b);
    }

    /** CPython's float floor division: exact with respect to fmod, so {@code 2.5 // 0.1} is 24.0. */
    private static double floatFloorDiv(double x, double y) {
        double mod = x % y;
        double div = (x - mod) / y;
        if (mod != 0 && (y < 0) != (mod < 0)) {
            div -= 1.0;
        }
        if (div == 0) {
            return Math.copySign(0.0, x / y);
        }
        double floor = Math.floor(div);
        return div - floor > 0.5 ? floor + 1.0 : floor;
    }

    static Object mod(Object a, Object b) {
        if (a instanceof String s) {
            return PyFormat.percent(s, b);
        }
        if (a instanceof Markup m) {
            return new Markup(PyFormat.percent(m.text, MarkupMethods.escapeArguments(b)));
        }
        if (isIntLike(a) && isIntLike(b)) {
            if (isSmallInt(a) && isSmallInt(b)) {
                long y = smallInt(b);
                if (y == 0) {
                    throw new JinjaException("integer division or modulo by zero");
                }
                return Math.floorMod(smallInt(a), y);
            }
            BigInteger y = big(b);
            if (y.signum() == 0) {
                throw new JinjaException("integer division or modulo by zero");
            }
            BigInteger r = big(a).mod(y.abs());
            if (y.signum() < 0 && r.signum() != 0) {
                r = r.add(y);
            }
            return Py.normalizeInt(r);
        }
        if (Py.isNumber(a) && Py.isNumber(b)) {
            double x = toDouble(a);
            double y = toDouble(b);
            if (y == 0) {
                throw new JinjaException("float modulo");
            }
            double r = x % y;
            if (r != 0 && (r < 0) != (y < 0)) {
                r += y;
            }
            return r == 0 ? Math.copySign(0.0, y) : r;
        }
        checkDefined(a, b);
        throw unsupported("%", a, b);
    }

    static Object pow(Object a, Object b) {
        if (isIntLike(a) && isIntLike(b)) {
            BigInteger exp = big(b);
            if (exp.signum() >= 0) {
                if (exp.bitLength() > 31) {
                    throw new JinjaException("exponent too large");
                }
                return Py.normalizeInt(big(a).pow(exp.intValue()));
            }
            if (big(a).signum() == 0) {
                throw new JinjaException("0.0 cannot be raised to a negative power");
            }
            return Math.pow(toDouble(a), toDouble(b));
        }
        if (Py.isNumber(a) && Py.isNumber(b)) {
            double x = toDouble(a);
            double y = toDouble(b);
            if (x == 0 && y < 0) {
                throw new JinjaException("0.0 cannot be raised to a negative power");
            }
            return Math.pow(x, y);
        }
        checkDefined(a, b);
        throw unsupported("** or pow()", a, b);
    }

    static Object neg(Object a) {
        if (a instanceof PyTime.TimeDelta t) {
            return new PyTime.TimeDelta(-t.micros());
        }
        if (a instanceof Long l) {
            return l == Long.MIN_VALUE ? BigInteger.valueOf(l).negate() : -l;
        }
        if (isSmallInt(a)) {
            return -smallInt(a);
        }
        if (a instanceof BigInteger b) {
            return Py.normalizeInt(b.negate());
        }
        if (a instanceof Number n) {
            return -n.doubleValue();
        }
        if (a instanceof Undefined u) {
            throw u.error();
        }
        throw new JinjaException("bad operand type for unary -: '" + Py.typeName(a) + "'");
    }

    static Object pos(Object a) {
        if (a instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (a instanceof Number) {
            return Py.canonical(a);
        }
        if (a instanceof Undefined u) {
            throw u.error();
        }
        throw new JinjaException("bad operand type for unary +: '" + Py.typeName(a) + "'");
    }
}
