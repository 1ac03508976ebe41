package quarry.core.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import quarry.core.adapter.Relation;
import quarry.core.adapter.RelationType;
import quarry.core.jinja.Context;
import quarry.core.jinja.JinjaException;
import quarry.core.manifest.RefCall;
import quarry.core.parse.NodeDraft;
import quarry.core.parse.ParseRenderer;

/**
 * dbt's parse pass for files that need Jinja: renders the file with {@code execute} false and a
 * lenient undefined, records {@code ref}, {@code source} and {@code config} calls and the macros
 * used. {@code ref} and {@code source} answer with a placeholder relation, as dbt's do.
 */
final class JinjaParseRenderer implements ParseRenderer {

    private final NodeContexts contexts;
    private final Templates templates;
    private final String targetDatabase;
    private final String targetSchema;

    JinjaParseRenderer(NodeContexts contexts, Templates templates, String targetDatabase, String targetSchema) {
        this.contexts = contexts;
        this.templates = templates;
        this.targetDatabase = targetDatabase;
        this.targetSchema = targetSchema;
    }

    @Override
    public Capture capture(NodeDraft node) {
        List<RefCall> refs = new ArrayList<>();
        List<List<String>> sources = new ArrayList<>();
        Map<String, Object> config = new LinkedHashMap<>();
        Set<String> macros = new LinkedHashSet<>();
        RenderTarget target = RenderTarget.of(node, targetDatabase, targetSchema);
        Relation placeholder = new Relation(targetDatabase, targetSchema, node.name(), RelationType.TABLE,
                contexts.settings().relationStyle());
        NodeContexts.Refs recording = new NodeContexts.Refs() {
            @Override
            public Object ref(RefCall call) {
                refs.add(call);
                return new RelationObject(placeholder);
            }

            @Override
            public Object source(String sourceName, String tableName) {
                sources.add(List.of(sourceName, tableName));
                return new RelationObject(placeholder);
            }
        };
        Context ctx = contexts.open(target, true, recording, config, macros, null);
        try {
            templates.get(node.originalFilePath(), node.rawCode()).render(ctx);
        } catch (JinjaException e) {
            throw Templates.located(e, node.originalFilePath());
        }
        return new Capture(dedupe(refs), sources.stream().distinct().toList(), config, new ArrayList<>(macros));
    }

    private static List<RefCall> dedupe(List<RefCall> refs) {
        return new ArrayList<>(new LinkedHashSet<>(refs));
    }
}
