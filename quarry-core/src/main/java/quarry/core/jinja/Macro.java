package quarry.core.jinja;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A macro bound to the scope it was defined in: a first-class value templates call, pass and store.
 * {@link #call(Arguments)} renders the body and returns the output string, or the value given to
 * dbt's {@code return(...)}. Parameters bind as in Jinja2: missing ones without default are
 * undefined; extra positional arguments go to {@code varargs} and extra keywords to {@code kwargs}
 * when the body uses those names, otherwise they are errors.
 */
public final class Macro implements JinjaCallable {
    private final MacroDefinition definition;
    private final Frame closure;
    private final boolean caller;

    Macro(MacroDefinition definition, Frame closure, boolean caller) {
        this.definition = definition;
        this.closure = closure;
        this.caller = caller;
    }

    public String name() {
        return definition.name();
    }

    public MacroDefinition definition() {
        return definition;
    }

    @Override
    public Object call(Arguments args) {
        MacroDefinition d = definition;
        Frame frame = new Frame(closure, closure.context);
        List<String> params = d.parameters();
        List<Object> positional = args.positional();
        Map<String, Object> keywords = args.keywords();
        int n = params.size();
        if (positional.size() > n && !d.catchVarargs) {
            throw new JinjaException("macro '" + d.name() + "' takes not more than " + n + " argument(s)");
        }
        int used = 0;
        for (int i = 0; i < n; i++) {
            String param = params.get(i);
            Object value;
            if (i < positional.size()) {
                value = positional.get(i);
                if (keywords.containsKey(param)) {
                    throw new JinjaException("macro '" + d.name() + "' got multiple values for argument '" + param + "'");
                }
            } else if (keywords.containsKey(param)) {
                value = keywords.get(param);
                used++;
            } else if (d.hasDefault(i)) {
                value = d.defaultAt(i).eval(frame);
            } else {
                value = Undefined.withHint("parameter '" + param + "' was not provided");
            }
            frame.set(param, value);
        }
        if (d.usesCaller && !params.contains("caller")) {
            Object callerValue = keywords.get("caller");
            if (callerValue != null) {
                used++;
            }
            frame.set("caller", callerValue != null ? callerValue : Undefined.withHint("No caller defined"));
        }
        if (used < keywords.size()) {
            Map<String, Object> extra = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : keywords.entrySet()) {
                if (!params.contains(e.getKey()) && !(d.usesCaller && e.getKey().equals("caller"))) {
                    if (e.getKey().equals("caller") && !d.catchKwargs) {
                        throw new JinjaException("macro '" + d.name() + "' was invoked with two values for the special"
                                + " caller argument. This is most likely a bug.");
                    }
                    extra.put(e.getKey(), e.getValue());
                }
            }
            if (!d.catchKwargs && !extra.isEmpty()) {
                throw new JinjaException("macro '" + d.name() + "' takes no keyword argument '"
                        + extra.keySet().iterator().next() + "'");
            }
            frame.set("kwargs", extra);
        } else if (d.catchKwargs) {
            frame.set("kwargs", new LinkedHashMap<>());
        }
        if (d.catchVarargs) {
            List<Object> rest = positional.size() > n ? new ArrayList<>(positional.subList(n, positional.size()))
                    : List.of();
            frame.set("varargs", PyTuple.copyOf(rest));
        }
        StringBuilder out = new StringBuilder();
        try {
            d.body.render(frame, out);
        } catch (ControlFlow flow) {
            if (flow.isReturn() && !caller) {
                return flow.value;
            }
            throw flow;
        }
        return out.toString();
    }

    Object attribute(String attr) {
        return switch (attr) {
            case "name" -> definition.name();
            case "arguments" -> PyTuple.copyOf(definition.parameters());
            case "catch_kwargs" -> definition.catchKwargs;
            case "catch_varargs" -> definition.catchVarargs;
            case "caller" -> definition.usesCaller;
            default -> Undefined.attribute(this, attr);
        };
    }

    @Override
    public String toString() {
        return caller ? "<Macro anonymous>" : "<Macro '" + definition.name() + "'>";
    }
}
