package quarry.core.jinja;

import java.util.List;
import java.util.Map;

/**
 * Jinja2's attribute and item access under the sandbox: {@code obj.name} tries Python attributes
 * (methods of str, list, dict) before items; {@code obj[key]} tries items before attributes;
 * names starting with an underscore are never Python attributes. Also calling values.
 */
final class Attributes {
    private Attributes() {
    }

    static Object getattr(Object obj, String name, boolean lenient) {
        if (obj instanceof Undefined u) {
            if (lenient) {
                return u;
            }
            throw u.error();
        }
        if (obj instanceof JinjaObject host) {
            Object value = host.attribute(name);
            return value == Undefined.INSTANCE ? Undefined.attribute(obj, name) : value;
        }
        boolean underscore = name.startsWith("_");
        if (obj instanceof Map<?, ?> map) {
            if (!underscore && Methods.has(obj, name)) {
                return new BoundMethod(obj, name);
            }
            if (map.containsKey(name)) {
                return map.get(name);
            }
            return Undefined.attribute(obj, name);
        }
        if (underscore) {
            return Undefined.attribute(obj, name);
        }
        if (obj instanceof PyTuple tuple && tuple.field(name) instanceof Object[] found) {
            return found[0];
        }
        if (obj instanceof Namespace ns) {
            return ns.attributes.containsKey(name) ? ns.attributes.get(name) : Undefined.attribute(obj, name);
        }
        if (obj instanceof LoopContext loop) {
            return loop.attribute(name);
        }
        if (obj instanceof Macro macro) {
            return macro.attribute(name);
        }
        if (Py.isNumber(obj) && (name.equals("real") || name.equals("imag"))) {
            Object n = Py.canonical(obj instanceof Boolean b ? (b ? 1L : 0L) : obj);
            return name.equals("real") ? n : Py.isFloat(n) ? (Object) 0.0 : (Object) 0L;
        }
        if (Methods.has(obj, name)) {
            return new BoundMethod(obj, name);
        }
        return Undefined.attribute(obj, name);
    }

    static Object getitem(Object obj, Object key, boolean lenient) {
        if (obj instanceof Undefined u) {
            if (lenient) {
                return u;
            }
            throw u.error();
        }
        obj = Py.plain(obj);
        key = Py.plain(key);
        if (key instanceof Slice slice) {
            // Jinja2 slices directly at runtime (a constant expression it folds at compile time would give undefined)
            return slice.apply(obj);
        }
        if (obj instanceof Map<?, ?> map) {
            Object k = Py.canonical(key);
            if (map.containsKey(k)) {
                return map.get(k);
            }
            if (k instanceof Boolean b && map.containsKey(b ? 1L : 0L)) {
                return map.get(b ? 1L : 0L);
            }
            if (key instanceof String name) {
                return getattr(obj, name, lenient);
            }
            return Undefined.attribute(obj, key);
        }
        if (obj instanceof List<?> list) {
            if (key instanceof String name) {
                return getattr(obj, name, lenient);
            }
            if (!Py.isInt(key) && !(key instanceof Boolean)) {
                return Undefined.attribute(obj, key);
            }
            long index = Py.toIndex(key);
            if (index < 0) {
                index += list.size();
            }
            return index >= 0 && index < list.size() ? list.get((int) index) : Undefined.attribute(obj, key);
        }
        if (obj instanceof String s) {
            if (key instanceof String name) {
                return getattr(obj, name, lenient);
            }
            if (!Py.isInt(key) && !(key instanceof Boolean)) {
                return Undefined.attribute(obj, key);
            }
            int[] cps = s.codePoints().toArray();
            long index = Py.toIndex(key);
            if (index < 0) {
                index += cps.length;
            }
            return index >= 0 && index < cps.length ? new String(cps, (int) index, 1) : Undefined.attribute(obj, key);
        }
        if (obj instanceof JinjaObject host) {
            return host.item(key);
        }
        if (key instanceof String name) {
            return getattr(obj, name, lenient);
        }
        return Undefined.attribute(obj, key);
    }

    static Object call(Object callee, Arguments args, boolean lenient) {
        if (callee instanceof JinjaCallable callable) {
            return Py.canonical(callable.call(args));
        }
        if (callee instanceof Undefined u) {
            if (lenient) {
                return u;
            }
            throw u.error();
        }
        throw new JinjaException("'" + Py.typeName(callee) + "' object is not callable");
    }

    /** {@code receiver.name(args)} without allocating a bound method for str, list and dict methods. */
    static Object callMethod(Object receiver, String name, Arguments args, boolean lenient) {
        if ((receiver instanceof String || receiver instanceof Markup || receiver instanceof List || receiver instanceof Map
                || receiver instanceof java.util.Set)
                && !name.startsWith("_") && Methods.has(receiver, name)) {
            return Methods.call(receiver, name, args);
        }
        return call(getattr(receiver, name, lenient), args, lenient);
    }

    /** A method of a str, list or dict value, taken as a value ({@code f = d.get}). */
    record BoundMethod(Object receiver, String name) implements JinjaCallable {
        @Override
        public Object call(Arguments arguments) {
            return Methods.call(receiver, name, arguments);
        }

        @Override
        public String toString() {
            return "<built-in method " + name + " of " + Py.typeName(receiver) + " object>";
        }
    }
}
