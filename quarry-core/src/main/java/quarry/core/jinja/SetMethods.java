package quarry.core.jinja;

import java.util.LinkedHashSet;
import java.util.Set;

/** Python's set methods on a {@link java.util.Set} (what a host's {@code set()} returns). */
final class SetMethods {
    static final Set<String> NAMES = Set.of("add", "remove", "discard", "update", "union", "intersection",
            "difference", "symmetric_difference", "issubset", "issuperset", "isdisjoint", "copy", "pop", "clear");

    private SetMethods() {
    }

    @SuppressWarnings("unchecked")
    static Object call(Set<?> receiver, String name, Arguments a) {
        Set<Object> set = (Set<Object>) receiver;
        try {
            switch (name) {
                case "add":
                    set.add(Py.canonical(a.require(0, "elem", name)));
                    return null;
                case "remove": {
                    Object elem = Py.canonical(a.require(0, "elem", name));
                    if (!set.remove(elem)) {
                        throw new JinjaException("KeyError: " + Py.repr(elem));
                    }
                    return null;
                }
                case "discard":
                    set.remove(Py.canonical(a.require(0, "elem", name)));
                    return null;
                case "update":
                    a.positional().forEach(other -> set.addAll(Py.iterate(other)));
                    return null;
                case "union": {
                    Set<Object> out = new LinkedHashSet<>(set);
                    a.positional().forEach(other -> out.addAll(Py.iterate(other)));
                    return out;
                }
                case "intersection": {
                    Set<Object> out = new LinkedHashSet<>(set);
                    a.positional().forEach(other -> out.retainAll(new LinkedHashSet<>(Py.iterate(other))));
                    return out;
                }
                case "difference": {
                    Set<Object> out = new LinkedHashSet<>(set);
                    a.positional().forEach(other -> out.removeAll(new LinkedHashSet<>(Py.iterate(other))));
                    return out;
                }
                case "symmetric_difference": {
                    Set<Object> other = new LinkedHashSet<>(Py.iterate(a.require(0, "other", name)));
                    Set<Object> out = new LinkedHashSet<>(set);
                    out.removeAll(other);
                    for (Object o : other) {
                        if (!set.contains(o)) {
                            out.add(o);
                        }
                    }
                    return out;
                }
                case "issubset":
                    return new LinkedHashSet<>(Py.iterate(a.require(0, "other", name))).containsAll(set);
                case "issuperset":
                    return set.containsAll(Py.iterate(a.require(0, "other", name)));
                case "isdisjoint": {
                    for (Object o : Py.iterate(a.require(0, "other", name))) {
                        if (set.contains(o)) {
                            return false;
                        }
                    }
                    return true;
                }
                case "copy":
                    return new LinkedHashSet<>(set);
                case "pop": {
                    if (set.isEmpty()) {
                        throw new JinjaException("KeyError: 'pop from an empty set'");
                    }
                    Object first = set.iterator().next();
                    set.remove(first);
                    return first;
                }
                case "clear":
                    set.clear();
                    return null;
                default:
                    throw new JinjaException("'set' object has no attribute '" + name + "'");
            }
        } catch (UnsupportedOperationException e) {
            throw new JinjaException("'" + Py.typeName(receiver) + "' object does not support item assignment");
        }
    }
}
