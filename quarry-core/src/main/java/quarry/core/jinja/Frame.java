package quarry.core.jinja;

import java.util.HashMap;

/**
 * One variable scope: a template's top level, a loop iteration, a macro call, a with block.
 * Lookups walk outward, then to the render {@link Context}.
 */
final class Frame {
    private static final Object MISSING = new Object();

    final Frame parent;
    final Context context;
    private HashMap<String, Object> vars;

    Frame(Frame parent, Context context) {
        this.parent = parent;
        this.context = context;
    }

    Frame child() {
        return new Frame(this, context);
    }

    Object lookup(String name) {
        for (Frame f = this; f != null; f = f.parent) {
            if (f.vars != null) {
                Object v = f.vars.getOrDefault(name, MISSING);
                if (v != MISSING) {
                    return v;
                }
            }
        }
        return context.lookup(name);
    }

    void set(String name, Object value) {
        if (vars == null) {
            vars = new HashMap<>(8);
        }
        vars.put(name, value);
    }
}
