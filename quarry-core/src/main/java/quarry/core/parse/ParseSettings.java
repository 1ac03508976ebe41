package quarry.core.parse;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import quarry.core.adapter.RelationStyle;
import quarry.core.manifest.Macro;
import quarry.core.project.ValueRenderer;

/**
 * What the parser needs besides the files: how to bind Jinja once the macros are known (giving
 * the parse-time renderer and the node naming), the renderer of Jinja in YAML values, the relation
 * style of the adapter (with the project's quoting applied), and the built-in macro files.
 */
public record ParseSettings(Binder binder, ValueRenderer yamlRenderer, RelationStyle relationStyle,
        List<MacroSource> builtinMacros, String adapterType) {

    public ParseSettings {
        Objects.requireNonNull(binder, "binder");
        Objects.requireNonNull(yamlRenderer, "yamlRenderer");
        Objects.requireNonNull(relationStyle, "relationStyle");
        builtinMacros = List.copyOf(builtinMacros);
    }

    /** Makes the parse-time renderer and naming from every macro of the project, its packages and dbt. */
    @FunctionalInterface
    public interface Binder {
        Bound bind(Collection<Macro> macros);
    }

    /** The Jinja-backed parts of parsing. */
    public record Bound(ParseRenderer renderer, NodeNaming naming) {
        public Bound {
            Objects.requireNonNull(renderer);
            Objects.requireNonNull(naming);
        }
    }
}
