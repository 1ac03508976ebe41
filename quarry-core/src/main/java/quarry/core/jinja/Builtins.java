package quarry.core.jinja;

import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Registers Jinja2's default globals, filters and tests (and dbt's {@code return}) into a builder. */
final class Builtins {
    /** The sandbox's limit on {@code range()} sizes. */
    static final int MAX_RANGE = 100_000;

    private Builtins() {
    }

    static void register(JinjaEnvironment.Builder builder) {
        builder.global("range", (JinjaCallable) Builtins::range);
        builder.global("dict", (JinjaCallable) Builtins::dict);
        builder.global("namespace", (JinjaCallable) Builtins::namespace);
        builder.global("cycler", (JinjaCallable) args -> new Cycler(args.positional()));
        builder.global("joiner", (JinjaCallable) args -> joiner(Py.str(args.get(0, "sep", ", "))));
        builder.global("lipsum", (JinjaCallable) args -> {
            throw new JinjaException("lipsum() is not supported");
        });
        builder.global("return", (JinjaCallable) args -> {
            throw ControlFlow.returning(args.get(0, "value", null));
        });
        StringFilters.register(builder);
        CollectionFilters.register(builder);
        Tests.register(builder);
    }

    /** A built-in filter that needs the finished environment (to look up other filters and tests). */
    interface EnvironmentFilter extends JinjaFilter {
        JinjaFilter bind(JinjaEnvironment environment);

        @Override
        default Object apply(Object value, Arguments arguments) {
            throw new IllegalStateException("filter not bound to an environment");
        }
    }

    /** A built-in test that needs the finished environment. */
    interface EnvironmentTest extends JinjaTest {
        JinjaTest bind(JinjaEnvironment environment);

        @Override
        default boolean test(Object value, Arguments arguments) {
            throw new IllegalStateException("test not bound to an environment");
        }
    }

    private static Object range(Arguments args) {
        if (!args.keywords().isEmpty()) {
            throw new JinjaException("range() takes no keyword arguments");
        }
        long start = 0;
        long stop;
        long step = 1;
        switch (args.size()) {
            case 1 -> stop = Py.toIndex(args.get(0));
            case 2 -> {
                start = Py.toIndex(args.get(0));
                stop = Py.toIndex(args.get(1));
            }
            case 3 -> {
                start = Py.toIndex(args.get(0));
                stop = Py.toIndex(args.get(1));
                step = Py.toIndex(args.get(2));
            }
            default -> throw new JinjaException("range expected at most 3 arguments, got " + args.size());
        }
        if (step == 0) {
            throw new JinjaException("range() arg 3 must not be zero");
        }
        PyRange range = new PyRange(start, stop, step);
        if (range.size() > MAX_RANGE) {
            throw new JinjaException("Range too big. The sandbox blocks ranges larger than MAX_RANGE (" + MAX_RANGE + ").");
        }
        return range;
    }

    private static Object dict(Arguments args) {
        Map<Object, Object> out = new LinkedHashMap<>();
        if (args.size() > 0) {
            Object source = args.get(0);
            if (source instanceof Map<?, ?> map) {
                out.putAll(map);
            } else {
                for (Object pair : Py.iterate(source)) {
                    List<?> kv = Py.iterate(pair);
                    if (kv.size() != 2) {
                        throw new JinjaException("dictionary update sequence element has length " + kv.size()
                                + "; 2 is required");
                    }
                    out.put(kv.get(0), kv.get(1));
                }
            }
        }
        out.putAll(args.keywords());
        return out;
    }

    private static Object namespace(Arguments args) {
        Namespace ns = new Namespace();
        if (args.size() > 0 && args.get(0) instanceof Map<?, ?> map) {
            map.forEach((k, v) -> ns.attributes.put(Py.str(k), v));
        }
        ns.attributes.putAll(args.keywords());
        return ns;
    }

    private static JinjaCallable joiner(String separator) {
        boolean[] used = {false};
        return args -> {
            if (!used[0]) {
                used[0] = true;
                return "";
            }
            return separator;
        };
    }

    /** Python's range object: a lazy list that prints as {@code range(0, 3)}. */
    static final class PyRange extends AbstractList<Object> {
        private final long start;
        private final long stop;
        private final long step;

        PyRange(long start, long stop, long step) {
            this.start = start;
            this.stop = stop;
            this.step = step;
        }

        long start() {
            return start;
        }

        long step() {
            return step;
        }

        @Override
        public Object get(int index) {
            if (index < 0 || index >= size()) {
                throw new IndexOutOfBoundsException("range object index out of range");
            }
            return start + step * index;
        }

        @Override
        public int size() {
            long n = step > 0 ? (stop - start + step - 1) / step : (start - stop - step - 1) / -step;
            return (int) Math.max(0, Math.min(n, Integer.MAX_VALUE));
        }

        @Override
        public String toString() {
            return "range(" + start + ", " + stop + (step == 1 ? "" : ", " + step) + ")";
        }
    }

    /** Jinja2's {@code cycler(...)}: {@code next()}, {@code current}, {@code reset()}. */
    static final class Cycler implements JinjaObject {
        private final List<Object> items;
        private int position;

        Cycler(List<Object> items) {
            if (items.isEmpty()) {
                throw new JinjaException("at least one item has to be provided");
            }
            this.items = new java.util.ArrayList<>(items);
        }

        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "current" -> items.get(position);
                case "next" -> (JinjaCallable) args -> {
                    Object value = items.get(position);
                    position = (position + 1) % items.size();
                    return value;
                };
                case "reset" -> (JinjaCallable) args -> {
                    position = 0;
                    return null;
                };
                default -> Undefined.INSTANCE;
            };
        }
    }
}
