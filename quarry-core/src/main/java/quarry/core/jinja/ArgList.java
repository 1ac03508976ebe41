package quarry.core.jinja;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The argument expressions of a call, filter or test: positional, keyword, {@code *args}, {@code **kwargs}. */
final class ArgList {
    static final ArgList NONE = new ArgList(List.of(), List.of(), List.of(), null, null);

    private final Expr[] positional;
    private final String[] names;
    private final Expr[] keywords;
    private final Expr star;
    private final Expr starStar;

    ArgList(List<Expr> positional, List<String> names, List<Expr> keywords, Expr star, Expr starStar) {
        this.positional = positional.toArray(new Expr[0]);
        this.names = names.toArray(new String[0]);
        this.keywords = keywords.toArray(new Expr[0]);
        this.star = star;
        this.starStar = starStar;
    }

    boolean isEmpty() {
        return positional.length == 0 && names.length == 0 && star == null && starStar == null;
    }

    Arguments eval(Frame frame) {
        if (isEmpty()) {
            return Arguments.empty();
        }
        List<Object> values = new ArrayList<>(positional.length + 2);
        for (Expr e : positional) {
            values.add(e.eval(frame));
        }
        if (star != null) {
            values.addAll(Py.iterate(star.eval(frame)));
        }
        Map<String, Object> kw;
        if (names.length == 0 && starStar == null) {
            kw = Map.of();
        } else {
            kw = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                kw.put(names[i], keywords[i].eval(frame));
            }
            if (starStar != null) {
                Object extra = starStar.eval(frame);
                if (!(extra instanceof Map<?, ?> map)) {
                    throw new JinjaException("argument after ** must be a mapping, not " + Py.typeName(extra));
                }
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    kw.put(Py.str(e.getKey()), e.getValue());
                }
            }
        }
        return new Arguments(values, kw);
    }

    /** The arguments plus one keyword (a call block's {@code caller}). */
    Arguments eval(Frame frame, String name, Object value) {
        Arguments base = eval(frame);
        Map<String, Object> kw = new LinkedHashMap<>(base.keywords());
        kw.put(name, value);
        return new Arguments(base.positional(), kw);
    }
}
