package quarry.server.sql;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A function call ready to render: the parsed call and its arguments already translated to
 * DuckDB SQL by the translator. {@code orderBy} is the rendered {@code ORDER BY} list of an
 * aggregate such as {@code ARRAY_AGG(x ORDER BY y)} (without the keywords), empty when none.
 */
public record CallSql(Expression.FunctionCall call, List<String> arguments, String orderBy) {

    public CallSql {
        Objects.requireNonNull(call, "call");
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(orderBy, "orderBy");
    }

    public String argument(int index) {
        return arguments.get(index);
    }

    public int count() {
        return arguments.size();
    }

    /** The arguments joined with commas. */
    public String joined() {
        return String.join(", ", arguments);
    }

    /** The value of argument {@code index} when it was written as a string literal ({@code 'DAY'}). */
    public Optional<String> literalString(int index) {
        if (index < call.arguments().size() && call.arguments().get(index) instanceof Expression.StringLiteral literal) {
            return Optional.of(literal.value());
        }
        return Optional.empty();
    }

    /** Position of argument {@code index} in the statement, or of the call when absent. */
    public SourcePosition position(int index) {
        return index < call.arguments().size() ? call.arguments().get(index).position() : call.position();
    }
}
