package quarry.core.jinja;

/**
 * A value templates can call: {@code {{ ref('orders') }}}, {@code {{ f(1, key='v') }}}. Host
 * functions implement it; macros are callables too. Throw {@link JinjaException} (message only) for
 * a user error: the engine adds the template, line and column.
 */
@FunctionalInterface
public interface JinjaCallable {
    Object call(Arguments arguments);
}
