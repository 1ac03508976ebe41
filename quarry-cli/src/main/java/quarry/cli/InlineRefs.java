package quarry.cli;

import java.util.ArrayList;
import java.util.List;
import quarry.core.compile.JinjaBinding;
import quarry.core.manifest.Manifest;
import quarry.core.manifest.RefCall;
import quarry.core.parse.NodeDraft;
import quarry.core.parse.ParseRenderer;

/** The refs an inline query makes, read as the parse pass would, so that it compiles like a node. */
final class InlineRefs {

    record Found(List<RefCall> refs, List<String> dependsOn) {}

    private InlineRefs() {}

    static Found capture(JinjaBinding jinja, Manifest manifest, String sql) {
        ParseRenderer renderer = jinja.bind(manifest.macros().values()).renderer();
        ParseRenderer.Capture capture = renderer.capture(new NodeDraft(quarry.core.manifest.ResourceType.MODEL,
                "sql_operation." + manifest.projectName() + ".inline_query", manifest.projectName(), "inline_query",
                List.of(manifest.projectName(), "inline_query"), "inline_query.sql", "inline_query.sql",
                java.util.Map.of(), null, sql));
        return new Found(capture.refs(), new ArrayList<>());
    }
}
