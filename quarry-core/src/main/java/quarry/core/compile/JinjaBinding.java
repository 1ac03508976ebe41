package quarry.core.compile;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Objects;
import quarry.core.jinja.Context;
import quarry.core.jinja.JinjaEnvironment;
import quarry.core.manifest.Macro;
import quarry.core.parse.DefaultNodeNaming;
import quarry.core.parse.ParseSettings;
import quarry.core.project.ValueRenderer;

/**
 * Quarry's dbt Jinja for one invocation: the environment, the macro registry (made once the
 * project's macros are known), the node contexts and the template cache. Gives the parser its
 * renderer and naming, YAML values their Jinja fallback, and the compiler its contexts.
 */
public final class JinjaBinding implements ParseSettings.Binder {

    private final JinjaEnvironment env = DbtJinja.environment();
    private final Templates templates = new Templates(env);
    private final RenderSettings settings;
    private final String targetDatabase;
    private final String targetSchema;
    private volatile NodeContexts contexts;

    public JinjaBinding(RenderSettings settings, String targetDatabase, String targetSchema) {
        this.settings = Objects.requireNonNull(settings);
        this.targetDatabase = targetDatabase;
        this.targetSchema = targetSchema;
    }

    @Override
    public ParseSettings.Bound bind(Collection<Macro> macros) {
        MacroRegistry registry = new MacroRegistry(env, settings.rootProject(), settings.adapter().type(), macros);
        NodeContexts bound = new NodeContexts(env, registry, settings);
        this.contexts = bound;
        DefaultNodeNaming defaults = new DefaultNodeNaming(targetSchema, targetDatabase);
        JinjaNodeNaming naming = new JinjaNodeNaming(bound, defaults);
        return new ParseSettings.Bound(new JinjaParseRenderer(bound, templates, targetDatabase, targetSchema),
                naming.overridesAnything() ? naming : defaults);
    }

    /** Renders Jinja in a YAML value natively, with the root project's macros once they are bound. */
    public ValueRenderer yamlFallback() {
        return (text, where) -> {
            NodeContexts bound = contexts;
            if (bound == null) {
                throw new CompilationException(where, "cannot render '" + text + "' before macros are read");
            }
            Context ctx = bound.forMacros(settings.rootProject(), new LinkedHashMap<>());
            try {
                return NativeRenderer.render(ctx, templates, where.file(), text);
            } catch (CompilationException e) {
                throw new CompilationException(where, e.getMessage().replaceFirst("^[^:]*:(\\d+:)? ", ""), e);
            }
        };
    }

    public NodeContexts contexts() {
        NodeContexts bound = contexts;
        if (bound == null) {
            throw new IllegalStateException("macros are not bound yet: parse first");
        }
        return bound;
    }

    public Templates templates() {
        return templates;
    }

    public RenderSettings settings() {
        return settings;
    }
}
