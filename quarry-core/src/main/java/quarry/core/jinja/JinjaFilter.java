package quarry.core.jinja;

/** A filter: {@code {{ value | name(arg, key=v) }}} calls {@code apply(value, (arg, key=v))}. */
@FunctionalInterface
public interface JinjaFilter {
    Object apply(Object value, Arguments arguments);
}
