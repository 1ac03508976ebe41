package quarry.core.jinja;

/** A test: {@code {{ value is name(arg) }}} calls {@code test(value, (arg))}. */
@FunctionalInterface
public interface JinjaTest {
    boolean test(Object value, Arguments arguments);
}
