package quarry.core.jinja;

/**
 * A host object whose attributes and methods templates read: {@code this.schema},
 * {@code adapter.quote(x)}, {@code config.get('k', default)}. A method is an attribute whose value
 * is a {@link JinjaCallable}. An object may also implement {@link JinjaCallable} to be called
 * itself (dbt's {@code config(...)}). {@code {{ obj }}} renders {@link #toString()}.
 */
public interface JinjaObject {
    /** The value of {@code obj.name}, or {@link Undefined#INSTANCE} when there is none. */
    Object attribute(String name);

    /** The value of {@code obj[key]}; by default, a string key reads the attribute of that name. */
    default Object item(Object key) {
        return key instanceof String name ? attribute(name) : Undefined.INSTANCE;
    }
}
