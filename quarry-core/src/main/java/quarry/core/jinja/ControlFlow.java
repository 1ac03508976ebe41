package quarry.core.jinja;

/** Non-error exits: {@code break}, {@code continue} and {@code return(value)}; no stack trace. */
final class ControlFlow extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final ControlFlow BREAK = new ControlFlow(null);
    static final ControlFlow CONTINUE = new ControlFlow(null);

    final transient Object value;

    private ControlFlow(Object value) {
        super(null, null, false, false);
        this.value = value;
    }

    static ControlFlow returning(Object value) {
        return new ControlFlow(value);
    }

    boolean isReturn() {
        return this != BREAK && this != CONTINUE;
    }
}
