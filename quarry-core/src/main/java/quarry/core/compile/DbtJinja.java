package quarry.core.compile;

import java.util.List;
import quarry.core.jinja.JinjaEnvironment;

/**
 * The Jinja environment dbt configures, with its extra filters: {@code as_text}, {@code as_bool},
 * {@code as_number}, {@code as_native} (which convert text to native values, as dbt's native
 * renderer does for config values) and {@code is_list}.
 */
public final class DbtJinja {

    private DbtJinja() {}

    public static JinjaEnvironment environment() {
        return JinjaEnvironment.builder()
                .filter("as_text", (v, a) -> v == null ? "None" : v instanceof String ? v : TextValues.str(v))
                .filter("as_bool", (v, a) -> v instanceof String s ? switch (s.strip()) {
                    case "True", "true" -> Boolean.TRUE;
                    case "False", "false" -> Boolean.FALSE;
                    default -> v;
                } : v)
                .filter("as_number", (v, a) -> v instanceof String s ? TextValues.number(s).orElse(v) : v)
                .filter("as_native", (v, a) -> v instanceof String s ? TextValues.literal(s).orElse(v) : v)
                .filter("is_list", (v, a) -> v instanceof List)
                .build();
    }
}
