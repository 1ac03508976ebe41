package quarry.core.session;

import java.util.Map;
import java.util.function.Consumer;
import quarry.core.QuarryException;
import quarry.core.compile.JinjaBinding;
import quarry.core.compile.RenderSettings;
import quarry.core.graph.Dag;
import quarry.core.manifest.Manifest;
import quarry.core.parse.ManifestParser;
import quarry.core.parse.ParseReuse;
import quarry.core.parse.ParseSettings;

/** Parses a session's project into a manifest and DAG, with Quarry's dbt Jinja for files that need it. */
public final class ProjectParsing {

    private ProjectParsing() {}

    /** The render settings of a session: target, vars, env, ids, flags, dispatch order, where logs go. */
    public static RenderSettings renderSettings(Session session, Map<String, Object> flags, Consumer<String> info,
            Consumer<String> stdout) {
        return new RenderSettings(session.root().name(), session.adapter(), session.relationStyle(), targetFields(session),
                session.vars(), session.env(), session.invocationId(), session.startedAt(), flags,
                session.root().dispatch(), null, info, stdout, session.diagnostics(),
                DbtVersion.REPORTED);
    }

    /** dbt's {@code target}: the profile target's non-secret fields, its name, profile, type and threads. */
    public static Map<String, Object> targetFields(Session session) {
        Map<String, Object> target = new java.util.LinkedHashMap<>(session.credentials().targetFields());
        target.put("name", session.target().name());
        target.put("target_name", session.target().name());
        target.put("profile_name", session.target().profileName());
        target.put("type", session.adapter().type());
        target.put("threads", session.target().threads());
        target.putIfAbsent("schema", session.credentials().schema());
        target.putIfAbsent("database", session.credentials().database());
        return target;
    }

    public static JinjaBinding binding(Session session, RenderSettings settings) {
        return new JinjaBinding(settings, session.credentials().database(), session.credentials().schema());
    }

    public static ParseResult parse(Session session, JinjaBinding jinja) {
        return parse(session, jinja, new quarry.core.parse.ParseTimings());
    }

    public static ParseResult parse(Session session, JinjaBinding jinja, quarry.core.parse.ParseTimings timings) {
        return parse(session, jinja, timings, ParseReuse.none(session.env().reads()));
    }

    /** Parses, reusing what {@code reuse} allows from the last parse (see {@link PartialParse}). */
    public static ParseResult parse(Session session, JinjaBinding jinja, quarry.core.parse.ParseTimings timings,
            ParseReuse reuse) {
        ParseSettings settings = new ParseSettings(jinja,
                session.yamlRenderer(session.root().name(), jinja.yamlFallback()),
                session.relationStyle(), session.builtinMacros(), session.adapter().type());
        try {
            Manifest parsed = new ManifestParser(session.projects(), settings, session.diagnostics(), timings, reuse)
                    .parse();
            Manifest manifest = new Manifest(parsed.projectName(), parsed.nodes(), parsed.sources(), parsed.macros(),
                    parsed.docs(), parsed.exposures(), parsed.disabled(), quarry.core.select.Selectors.load(session.root().root()),
                    parsed.unitTests());
            Dag dag = Dag.of(manifest);
            timings.mark("graph_elapsed");
            return new ParseResult(manifest, dag);
        } catch (RuntimeException e) {
            throw unwrap(e);
        }
    }

    /** dbt's {@code flags} for a command. */
    public static Map<String, Object> flags(String command, boolean fullRefresh) {
        Map<String, Object> flags = new java.util.LinkedHashMap<>();
        flags.put("WHICH", command);
        flags.put("FULL_REFRESH", fullRefresh);
        flags.put("STORE_FAILURES", false);
        flags.put("STATE", null);
        flags.put("PARTIAL_PARSE", true);
        flags.put("USE_COLORS", false);
        flags.put("EMPTY", false);
        flags.put("INTROSPECT", true);
        return flags;
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
