package quarry.core.session;

import java.util.List;
import quarry.core.QuarryException;
import quarry.core.SourceLocation;
import quarry.core.graph.Dag;
import quarry.core.manifest.Manifest;
import quarry.core.parse.DefaultNodeNaming;
import quarry.core.parse.ManifestParser;
import quarry.core.parse.MacroSource;
import quarry.core.parse.NodeNaming;
import quarry.core.parse.ParseException;
import quarry.core.parse.ParseRenderer;
import quarry.core.parse.ParseSettings;
import quarry.core.project.ValueRenderer;

/** Parses a session's project into a manifest and DAG, given how to render files that need Jinja. */
public final class ProjectParsing {

    private ProjectParsing() {}

    /** What parse-time Jinja brings: the renderer of non-static files, naming, and YAML rendering. */
    public interface JinjaSupport {
        ParseRenderer renderer();

        NodeNaming naming();

        ValueRenderer yamlFallback();
    }

    public static ParseResult parse(Session session, JinjaSupport jinja) {
        NodeNaming naming = jinja == null ? defaultNaming(session) : jinja.naming();
        ParseRenderer renderer = jinja == null ? node -> {
            throw new ParseException(SourceLocation.of(node.originalFilePath()),
                    "this file needs Jinja rendering, which this build cannot do yet");
        } : jinja.renderer();
        List<MacroSource> builtins = session.builtinMacros();
        ParseSettings settings = new ParseSettings(naming, renderer,
                session.yamlRenderer(session.root().name(), jinja == null ? null : jinja.yamlFallback()),
                session.relationStyle(), builtins, session.adapter().type());
        try {
            Manifest manifest = new ManifestParser(session.projects(), settings, session.diagnostics()).parse();
            return new ParseResult(manifest, Dag.of(manifest));
        } catch (RuntimeException e) {
            throw unwrap(e);
        }
    }

    public static NodeNaming defaultNaming(Session session) {
        return new DefaultNodeNaming(session.credentials().schema(), session.credentials().database());
    }

    /** Parallel streams wrap exceptions thrown in other threads; the user should see the Quarry error itself. */
    public static RuntimeException unwrap(RuntimeException e) {
        Throwable t = e;
        while (t != null && !(t instanceof QuarryException)) {
            t = t.getCause();
        }
        return t instanceof QuarryException q ? q : e;
    }
}
