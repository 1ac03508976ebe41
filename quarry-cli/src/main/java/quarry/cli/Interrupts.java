package quarry.cli;

/**
 * Ctrl-C (SIGINT) during a command: the handler runs on its own thread while the command's threads
 * keep going, so it can cancel what the database is running before the process exits, as dbt
 * cancels its open connections. Uses the JDK's {@code sun.misc.Signal} (module jdk.unsupported);
 * where that is unavailable, Ctrl-C simply ends the JVM.
 */
final class Interrupts implements AutoCloseable {

    private final Object previous;

    private Interrupts(Object previous) {
        this.previous = previous;
    }

    /** Installs {@code onInterrupt} for SIGINT until {@link #close()} puts the previous handler back. */
    static Interrupts install(Runnable onInterrupt) {
        try {
            sun.misc.Signal signal = new sun.misc.Signal("INT");
            return new Interrupts(sun.misc.Signal.handle(signal, s -> onInterrupt.run()));
        } catch (IllegalArgumentException | LinkageError e) {
            return new Interrupts(null);
        }
    }

    @Override
    public void close() {
        if (previous instanceof sun.misc.SignalHandler handler) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal("INT"), handler);
            } catch (IllegalArgumentException e) {
                // the signal cannot be handled here: nothing was installed
            }
        }
    }
}
