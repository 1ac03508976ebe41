package quarry.core.compile;

import java.util.Optional;
import quarry.core.parse.Hashing;
import quarry.core.parse.Literals;

/** Python's {@code str()} of plain values and the literal parsing dbt's native rendering uses. */
final class TextValues {

    private TextValues() {}

    static String str(Object v) {
        return Hashing.pyStr(v);
    }

    static Optional<Object> number(String text) {
        String t = text.strip();
        try {
            if (t.matches("[-+]?\\d+")) {
                return Optional.of(Long.parseLong(t));
            }
            if (t.matches("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?")) {
                return Optional.of(Double.parseDouble(t));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Python's {@code ast.literal_eval} for the literals YAML values hold: numbers, True/False/None, strings, lists, dicts. */
    static Optional<Object> literal(String text) {
        Optional<Object> n = number(text);
        if (n.isPresent()) {
            return n;
        }
        Literals.Call call = Literals.call("f(" + text + ")");
        if (call != null && call.args().size() == 1 && call.kwargs().isEmpty()) {
            return Optional.ofNullable(call.args().get(0));
        }
        return Optional.empty();
    }
}
