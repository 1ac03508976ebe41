package quarry.cli;

import java.nio.file.Path;
import java.util.Map;
import quarry.core.adapter.AdapterConnection;
import quarry.core.compile.Compiler;
import quarry.core.compile.JinjaBinding;
import quarry.core.compile.RenderSettings;
import quarry.core.manifest.Manifest;
import quarry.core.session.ParseResult;
import quarry.core.session.ProjectParsing;
import quarry.core.session.Session;

/**
 * A parsed project with an open connection, for the commands that run SQL outside a node run
 * (show, run-operation, docs generate, source freshness): manifest.json written, and a compiler
 * whose Jinja has the live connection, so {@code run_query}, {@code statement} and the
 * {@code adapter.*} methods ask the database.
 */
final class LiveProject implements AutoCloseable {

    private final ParseResult parsed;
    private final AdapterConnection connection;
    private final JinjaBinding jinja;
    private final Compiler compiler;

    LiveProject(Session session, Console console, String command, Map<String, Object> extraFlags) {
        this(session, console, command, extraFlags, false);
    }

    /** With {@code emptyInputs}, refs and sources compile to zero-row relations ({@code --empty}). */
    LiveProject(Session session, Console console, String command, Map<String, Object> extraFlags, boolean emptyInputs) {
        EmbeddedQuarryServer.startWhileParsing(session);
        Parsing.Parsed result = Parsing.parseWith(session, console);
        this.parsed = result.result();
        Parsing.writeManifest(session, parsed, Map.of());
        Parsing.reportFound(console, parsed.manifest());
        Path root = session.root().root();
        this.connection = session.adapter().connect(session.credentials(), root);
        Map<String, Object> flags = new java.util.LinkedHashMap<>(ProjectParsing.flags(command, false));
        flags.putAll(extraFlags);
        RenderSettings settings = ProjectParsing.renderSettings(session, flags, console::info, console::result)
                .withConnection(connection);
        this.jinja = ProjectParsing.binding(session, settings);
        jinja.bind(parsed.manifest().macros().values());
        this.compiler = new Compiler(jinja, parsed.manifest(), emptyInputs);
    }

    ParseResult parsed() {
        return parsed;
    }

    Manifest manifest() {
        return parsed.manifest();
    }

    AdapterConnection connection() {
        return connection;
    }

    JinjaBinding jinja() {
        return jinja;
    }

    Compiler compiler() {
        return compiler;
    }

    @Override
    public void close() {
        connection.close();
    }
}
