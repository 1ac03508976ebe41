package quarry.core.project;

import quarry.core.SourceLocation;

/**
 * Renders a string read from a YAML file (dbt_project.yml, profiles.yml, properties files) that
 * may hold Jinja, such as {@code "{{ env_var('DBT_USER', 'me') }}"}, into its native value as dbt's
 * native renderer does: {@code "true"} becomes a boolean, {@code "3"} a number, other text stays text.
 */
@FunctionalInterface
public interface ValueRenderer {

    Object render(String text, SourceLocation where);

    /** Whether {@link #render} can render {@code text} here (a limited renderer knows only some functions). */
    default boolean canRender(String text) {
        return true;
    }

    /** True when a string holds no Jinja at all, so it can be used as it is. */
    static boolean isPlain(String text) {
        return text.indexOf('{') < 0 || (!text.contains("{{") && !text.contains("{%"));
    }
}
