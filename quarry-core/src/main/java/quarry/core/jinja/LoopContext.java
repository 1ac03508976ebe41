package quarry.core.jinja;

import java.util.List;

/** Jinja2's {@code loop} variable: index, first/last, length, cycle, changed, previtem/nextitem, depth. */
final class LoopContext implements JinjaCallable {
    private final ForLoop owner;
    private final Frame frame;
    private final List<?> items;
    private final int depth;
    int index0;
    private Object[] lastChanged;

    LoopContext(ForLoop owner, Frame frame, List<?> items, int depth) {
        this.owner = owner;
        this.frame = frame;
        this.items = items;
        this.depth = depth;
    }

    Object attribute(String name) {
        int n = items.size();
        return switch (name) {
            case "index" -> (long) index0 + 1;
            case "index0" -> (long) index0;
            case "revindex" -> (long) (n - index0);
            case "revindex0" -> (long) (n - index0 - 1);
            case "first" -> index0 == 0;
            case "last" -> index0 == n - 1;
            case "length" -> (long) n;
            case "depth" -> (long) depth;
            case "depth0" -> (long) depth - 1;
            case "previtem" -> index0 > 0 ? items.get(index0 - 1) : Undefined.withHint("there is no previous item");
            case "nextitem" -> index0 < n - 1 ? items.get(index0 + 1) : Undefined.withHint("there is no next item");
            case "cycle" -> (JinjaCallable) args -> {
                if (args.size() == 0) {
                    throw new JinjaException("no items for cycling given");
                }
                return args.get(index0 % args.size());
            };
            case "changed" -> (JinjaCallable) args -> {
                Object[] now = args.positional().toArray();
                if (lastChanged == null || !Py.eq(java.util.Arrays.asList(now), java.util.Arrays.asList(lastChanged))) {
                    lastChanged = now;
                    return true;
                }
                return false;
            };
            default -> Undefined.attribute(this, name);
        };
    }

    @Override
    public Object call(Arguments arguments) {
        if (!owner.recursive) {
            throw new JinjaException("The loop must have the 'recursive' marker to be called recursively.");
        }
        StringBuilder out = new StringBuilder();
        owner.run(frame, arguments.require(0, "iterable", "loop"), depth + 1, out);
        return out.toString();
    }

    @Override
    public String toString() {
        return "<LoopContext " + (index0 + 1) + "/" + items.size() + ">";
    }
}
