package quarry.core.compile;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import quarry.core.jinja.JinjaCallable;
import quarry.core.jinja.JinjaObject;
import quarry.core.jinja.PyTuple;
import quarry.core.jinja.Undefined;

/**
 * dbt's {@code modules}: the Jinja engine's {@code datetime}, {@code pytz} and {@code re}, plus
 * {@code itertools} ({@code chain}, {@code product}, {@code combinations}).
 */
final class DbtModules implements JinjaObject {

    private final quarry.core.jinja.PyModules python;
    private final Itertools itertools = new Itertools();

    DbtModules(Clock clock) {
        this.python = new quarry.core.jinja.PyModules(clock);
    }

    @Override
    public Object attribute(String name) {
        return name.equals("itertools") ? itertools : python.attribute(name);
    }

    private static final class Itertools implements JinjaObject {
        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "chain" -> (JinjaCallable) args -> {
                    List<Object> out = new ArrayList<>();
                    for (Object a : args.positional()) {
                        if (a instanceof List<?> l) {
                            out.addAll(l);
                        }
                    }
                    return out;
                };
                case "product" -> (JinjaCallable) args -> {
                    List<List<Object>> acc = new ArrayList<>();
                    acc.add(new ArrayList<>());
                    for (Object a : args.positional()) {
                        List<List<Object>> next = new ArrayList<>();
                        for (List<Object> prefix : acc) {
                            for (Object item : a instanceof List<?> l ? l : List.of()) {
                                List<Object> row = new ArrayList<>(prefix);
                                row.add(item);
                                next.add(row);
                            }
                        }
                        acc = next;
                    }
                    return acc.stream().map(r -> (Object) PyTuple.copyOf(r)).toList();
                };
                case "combinations" -> (JinjaCallable) args -> {
                    List<?> items = args.get(0) instanceof List<?> l ? l : List.of();
                    int r = num(args.get(1, "r", 2L), 2);
                    List<Object> out = new ArrayList<>();
                    combine(items, r, 0, new ArrayList<>(), out);
                    return out;
                };
                default -> Undefined.withHint("itertools has no attribute '" + name + "'");
            };
        }

        private static void combine(List<?> items, int r, int start, List<Object> current, List<Object> out) {
            if (current.size() == r) {
                out.add(PyTuple.copyOf(current));
                return;
            }
            for (int i = start; i < items.size(); i++) {
                current.add(items.get(i));
                combine(items, r, i + 1, current, out);
                current.remove(current.size() - 1);
            }
        }
    }

    static int num(Object v, int dflt) {
        return v instanceof Number n ? n.intValue() : dflt;
    }
}
