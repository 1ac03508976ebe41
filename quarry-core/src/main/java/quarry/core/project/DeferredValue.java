package quarry.core.project;

import quarry.core.SourceLocation;

/**
 * A Jinja value of a dbt_project.yml config tree ({@code models:}, {@code seeds:}, …) that needs
 * more than {@code var()} and {@code env_var()}, such as
 * {@code "{{ 'table' if target.name == 'prod' else 'view' }}"}: dbt renders those when it
 * resolves a node's config, once the target is known, and so does Quarry
 * ({@code ConfigResolver}).
 */
public record DeferredValue(String text, SourceLocation where) {

    @Override
    public String toString() {
        return text;
    }
}
