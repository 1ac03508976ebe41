package quarry.core.jinja;

import java.util.Objects;

/**
 * Jinja2's {@code Markup}: a string marked safe, produced by {@code escape}, {@code safe} and
 * {@code tojson}. It prints as its text; escaping it again is a no-op; {@code markup + str} and
 * {@code markup % args} escape the other side; its str methods return markup.
 */
final class Markup {
    final String text;

    Markup(String text) {
        this.text = Objects.requireNonNull(text);
    }

    /** {@code escape(value)}: markup stays as it is, anything else is stringified and HTML-escaped. */
    static Markup escape(Object value) {
        if (value instanceof Markup m) {
            return m;
        }
        return new Markup(StringFilters.escape(value));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Markup m && m.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
