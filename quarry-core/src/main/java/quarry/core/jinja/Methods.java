package quarry.core.jinja;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Dispatch of Python methods on str, list and dict values ({@code 'a'.upper()}, {@code d.get('k')}). */
final class Methods {
    private static final Set<String> STR = Set.of("upper", "lower", "strip", "lstrip", "rstrip", "split",
            "rsplit", "splitlines", "join", "replace", "startswith", "endswith", "format", "find", "rfind",
            "index", "rindex", "count", "title", "capitalize", "swapcase", "casefold", "center", "ljust", "rjust",
            "zfill", "partition", "rpartition", "removeprefix", "removesuffix", "isdigit", "isalpha", "isalnum",
            "isspace", "islower", "isupper", "istitle", "isnumeric", "isdecimal", "isidentifier", "expandtabs",
            "encode", "format_map", "isascii", "isprintable");
    private static final Set<String> LIST = Set.of("append", "extend", "insert", "pop", "remove", "index",
            "count", "sort", "reverse", "copy", "clear");
    private static final Set<String> TUPLE = Set.of("index", "count");
    private static final Set<String> DICT = Set.of("keys", "values", "items", "get", "update", "pop",
            "setdefault", "copy", "clear", "popitem");

    private Methods() {
    }

    static boolean has(Object receiver, String name) {
        if (receiver instanceof String || receiver instanceof Markup) {
            return STR.contains(name);
        }
        if (receiver instanceof PyTuple) {
            return TUPLE.contains(name);
        }
        if (receiver instanceof List) {
            return LIST.contains(name);
        }
        if (receiver instanceof Map) {
            return DICT.contains(name);
        }
        if (receiver instanceof Set) {
            return SetMethods.NAMES.contains(name);
        }
        return false;
    }

    static Object call(Object receiver, String name, Arguments args) {
        if (receiver instanceof Markup m) {
            return MarkupMethods.call(m, name, args);
        }
        if (receiver instanceof String s) {
            return StrMethods.call(s, name, args);
        }
        if (receiver instanceof List<?> list) {
            return ListMethods.call(list, name, args);
        }
        if (receiver instanceof Map<?, ?> map) {
            return DictMethods.call(map, name, args);
        }
        if (receiver instanceof Set<?> set) {
            return SetMethods.call(set, name, args);
        }
        throw new JinjaException("'" + Py.typeName(receiver) + "' object has no attribute '" + name + "'");
    }
}
