package quarry.server.sql;

import java.util.Objects;
import java.util.Optional;

/**
 * One Rockset function known to Quarry: its name, whether it is a scalar, an aggregate or a
 * window-only function, how many arguments it takes, and how a call renders as DuckDB SQL. An
 * entry with an {@code unsupportedReason} is a real Rockset function Quarry does not run yet:
 * calling it is a clear error, not "not found".
 */
public record FunctionDefinition(String name, Kind kind, int minArguments, int maxArguments,
                                 Renderer renderer, Optional<String> unsupportedReason) {

    /** {@code maxArguments} for functions taking any number of arguments. */
    public static final int VARIADIC = Integer.MAX_VALUE;

    public enum Kind {
        SCALAR,
        /** usable with GROUP BY, and with OVER as a window aggregate */
        AGGREGATE,
        /** ranking and offset functions that need OVER */
        WINDOW
    }

    /** Renders a call whose arguments are already DuckDB SQL. */
    @FunctionalInterface
    public interface Renderer {
        String render(CallSql call);
    }

    public FunctionDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(renderer, "renderer");
        Objects.requireNonNull(unsupportedReason, "unsupportedReason");
        if (minArguments < 0 || maxArguments < minArguments) {
            throw new IllegalArgumentException("bad arity for " + name);
        }
    }

    static FunctionDefinition scalar(String name, int min, int max, Renderer renderer) {
        return new FunctionDefinition(name, Kind.SCALAR, min, max, renderer, Optional.empty());
    }

    static FunctionDefinition aggregate(String name, int min, int max, Renderer renderer) {
        return new FunctionDefinition(name, Kind.AGGREGATE, min, max, renderer, Optional.empty());
    }

    static FunctionDefinition window(String name, int min, int max, Renderer renderer) {
        return new FunctionDefinition(name, Kind.WINDOW, min, max, renderer, Optional.empty());
    }

    static FunctionDefinition unsupported(String name, Kind kind, String reason) {
        return new FunctionDefinition(name, kind, 0, VARIADIC, call -> {
            throw new IllegalStateException(name + " is not supported");
        }, Optional.of(reason));
    }

    public boolean supported() {
        return unsupportedReason.isEmpty();
    }

    public boolean isAggregate() {
        return kind == Kind.AGGREGATE;
    }
}
