package quarry.core.jinja;

/**
 * Jinja2's default {@code Undefined}: the value of a name or attribute that does not exist. It
 * renders as the empty string, is false, iterates as empty and has length 0; calling it, reading
 * an attribute of it or doing arithmetic with it fails with the hint it carries.
 */
public final class Undefined {
    /** A plain undefined value without a hint, for host objects that have no such attribute. */
    public static final Undefined INSTANCE = new Undefined(null);

    private final String hint;

    private Undefined(String hint) {
        this.hint = hint;
    }

    /** The value of an unknown variable {@code name}. */
    public static Undefined named(String name) {
        return new Undefined("'" + name + "' is undefined");
    }

    /** The value of a missing attribute or item of {@code owner}. */
    public static Undefined attribute(Object owner, Object name) {
        return new Undefined("'" + Py.typeName(owner) + " object' has no attribute "
                + (name instanceof String ? "'" + name + "'" : Py.repr(name)));
    }

    /** An undefined value carrying a custom message shown when it is used. */
    public static Undefined withHint(String hint) {
        return new Undefined(hint);
    }

    /** The message of the error raised when this value is used where Jinja2 fails. */
    public String hint() {
        return hint == null ? "value is undefined" : hint;
    }

    JinjaException error() {
        return new JinjaException(hint());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Undefined;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "";
    }
}
