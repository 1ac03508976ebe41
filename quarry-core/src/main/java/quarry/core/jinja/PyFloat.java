package quarry.core.jinja;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Floats printed as Python prints them: {@code repr} is the shortest string that reads back to the
 * same double (JDK 17's {@code Double.toString} is not always shortest), fixed notation for
 * exponents from -4 to 15, otherwise {@code 1e+20}. Also the {@code f}, {@code e} and {@code g}
 * conversions of {@code %} and {@code format}, rounded from the exact binary value as Python does.
 */
final class PyFloat {
    private PyFloat() {
    }

    static String repr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            return (long) d + ".0";
        }
        BigDecimal shortest = shortest(d);
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            return sign + fixed(digits, exponent, true);
        }
        return sign + scientific(digits, exponent);
    }

    /** The shortest decimal that rounds back to {@code d}, trailing zeros removed. */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    private static String fixed(String digits, int exponent, boolean forcePoint) {
        StringBuilder out = new StringBuilder();
        if (exponent < 0) {
            out.append("0.");
            out.append("0".repeat(-exponent - 1));
            out.append(digits);
        } else if (digits.length() <= exponent + 1) {
            out.append(digits);
            out.append("0".repeat(exponent + 1 - digits.length()));
            if (forcePoint) {
                out.append(".0");
            }
        } else {
            out.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
        }
        return out.toString();
    }

    private static String scientific(String digits, int exponent) {
        StringBuilder out = new StringBuilder();
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        appendExponent(out, exponent);
        return out.toString();
    }

    private static void appendExponent(StringBuilder out, int exponent) {
        out.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            out.append('0');
        }
        out.append(abs);
    }

    /** {@code %.<precision>f} of the absolute value. */
    static String formatFixed(double d, int precision) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return special(d);
        }
        return new BigDecimal(Math.abs(d)).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** {@code %.<precision>e} of the absolute value. */
    static String formatExponent(double d, int precision) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return special(d);
        }
        double abs = Math.abs(d);
        if (abs == 0) {
            StringBuilder zero = new StringBuilder("0");
            if (precision > 0) {
                zero.append('.').append("0".repeat(precision));
            }
            return zero.append("e+00").toString();
        }
        BigDecimal rounded = new BigDecimal(abs).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
        String digits = rounded.unscaledValue().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        if (digits.length() < precision + 1) {
            digits = digits + "0".repeat(precision + 1 - digits.length());
        }
        digits = digits.substring(0, precision + 1);
        StringBuilder out = new StringBuilder().append(digits.charAt(0));
        if (precision > 0) {
            out.append('.').append(digits, 1, digits.length());
        }
        appendExponent(out, exponent);
        return out.toString();
    }

    /** {@code %.<precision>g} of the absolute value; {@code alternate} keeps trailing zeros. */
    static String formatGeneral(double d, int precision, boolean alternate) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return special(d);
        }
        int p = precision == 0 ? 1 : precision;
        double abs = Math.abs(d);
        if (abs == 0) {
            return alternate ? "0." + "0".repeat(p - 1) : "0";
        }
        BigDecimal rounded = new BigDecimal(abs).round(new MathContext(p, RoundingMode.HALF_EVEN));
        String digits = rounded.unscaledValue().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        if (digits.length() < p) {
            digits = digits + "0".repeat(p - digits.length());
        }
        digits = digits.substring(0, p);
        if (!alternate) {
            digits = digits.replaceAll("0+$", "");
            if (digits.isEmpty()) {
                digits = "0";
            }
        }
        if (exponent >= -4 && exponent < p) {
            String fixed = fixed(digits, exponent, false);
            if (alternate && fixed.indexOf('.') < 0) {
                fixed = fixed + ".";
            }
            return fixed;
        }
        StringBuilder out = new StringBuilder().append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        } else if (alternate) {
            out.append('.');
        }
        appendExponent(out, exponent);
        return out.toString();
    }

    /**
     * {@code format(x, '.<p>')} (no type): like {@code g}, but when fixed notation is used at least one
     * digit follows the point, and exponent notation starts one digit earlier to leave room for it.
     */
    static String formatShortest(double d, int precision, boolean alternate) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return special(d);
        }
        int p = precision == 0 ? 1 : precision;
        double abs = Math.abs(d);
        if (abs == 0) {
            return alternate ? (p == 1 ? "0." : "0." + "0".repeat(p - 1)) : "0.0";
        }
        BigDecimal rounded = new BigDecimal(abs).round(new MathContext(p, RoundingMode.HALF_EVEN));
        String digits = rounded.unscaledValue().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        if (digits.length() < p) {
            digits = digits + "0".repeat(p - digits.length());
        }
        digits = digits.substring(0, p);
        if (!alternate) {
            digits = digits.replaceAll("0+$", "");
            if (digits.isEmpty()) {
                digits = "0";
            }
        }
        if (exponent >= -4 && exponent < p - 1) {
            String fixed = fixed(digits, exponent, false);
            return fixed.indexOf('.') < 0 ? fixed + (alternate ? "." : ".0") : fixed;
        }
        StringBuilder out = new StringBuilder().append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        } else if (alternate) {
            out.append('.');
        }
        appendExponent(out, exponent);
        return out.toString();
    }

    private static String special(double d) {
        return Double.isNaN(d) ? "nan" : "inf";
    }
}
