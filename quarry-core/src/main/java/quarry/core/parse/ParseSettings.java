package quarry.core.parse;

import java.util.List;
import java.util.Objects;
import quarry.core.adapter.RelationStyle;
import quarry.core.project.ValueRenderer;

/**
 * What the parser needs besides the files: naming of nodes, the parse-time renderer for files the
 * static shortcut cannot read, the renderer of Jinja in YAML values, the relation style of the
 * adapter (with the project's quoting applied), and the built-in macro files.
 */
public record ParseSettings(NodeNaming naming, ParseRenderer renderer, ValueRenderer yamlRenderer,
        RelationStyle relationStyle, List<MacroSource> builtinMacros, String adapterType) {

    public ParseSettings {
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(renderer, "renderer");
        Objects.requireNonNull(yamlRenderer, "yamlRenderer");
        Objects.requireNonNull(relationStyle, "relationStyle");
        builtinMacros = List.copyOf(builtinMacros);
    }
}
