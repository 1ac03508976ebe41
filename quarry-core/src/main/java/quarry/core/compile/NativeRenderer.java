package quarry.core.compile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quarry.core.jinja.Context;
import quarry.core.jinja.JinjaCallable;
import quarry.core.jinja.JinjaException;

/**
 * dbt's native rendering of a value: a string that is a single {@code {{ expression }}} keeps the
 * expression's type (a list stays a list, a relation stays a relation); other strings render to text.
 */
final class NativeRenderer {

    private static final Pattern SINGLE = Pattern.compile("^\\s*\\{\\{(.*)}}\\s*$", Pattern.DOTALL);
    private static final String CAPTURE = "__quarry_native__";

    private NativeRenderer() {}

    static Object render(Context ctx, Templates templates, String file, String text) {
        Matcher m = SINGLE.matcher(text);
        if (m.matches() && !m.group(1).contains("{{") && !m.group(1).contains("}}")) {
            Object[] holder = new Object[1];
            ctx.set(CAPTURE, (JinjaCallable) args -> {
                holder[0] = args.get(0);
                return null;
            });
            try {
                templates.shared("{% do " + CAPTURE + "(" + m.group(1) + ") %}").render(ctx);
            } catch (JinjaException e) {
                throw Templates.located(e, file);
            }
            return holder[0];
        }
        try {
            return templates.get(file, text).render(ctx);
        } catch (JinjaException e) {
            throw Templates.located(e, file);
        }
    }
}
