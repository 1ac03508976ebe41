package quarry.core.jinja;

/**
 * A dbt named block found in a file: {@code {% snapshot name %}...{% endsnapshot %}} or
 * {@code {% docs name %}...{% enddocs %}}. {@code rawBody} is the source text between the tags;
 * {@code body} is that text parsed, ready to render.
 */
public record NamedBlock(String kind, String name, String rawBody, Template body, int line) {
}
