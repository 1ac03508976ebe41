package quarry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import quarry.core.adapter.QueryResult;
import quarry.core.adapter.Relation;
import quarry.core.adapter.RelationType;
import quarry.core.manifest.Node;
import quarry.core.manifest.ResourceType;
import quarry.core.select.NodeSelector;
import quarry.core.session.ProjectParsing;
import quarry.core.session.Session;

/**
 * {@code quarry show}: compiles the selected model (or {@code --inline} SQL, refs allowed) with a
 * live connection, runs it with a limit wrapped around it as dbt 1.12 does, and prints the first
 * rows as a table ({@code --output json}: one JSON object per node).
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Run a model or inline SQL and print its first rows.")
final class ShowCommand extends ProjectCommand {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Mixin
    SelectionOptions selection = new SelectionOptions();

    @Option(names = "--inline", paramLabel = "SQL", description = "Run this SQL (with refs) instead of a node.")
    String inline;

    @Option(names = "--limit", description = "Rows to show (default 5; -1 for all).")
    int limit = 5;

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", description = "Print rows as a text table or JSON.")
    String output = "text";

    @Override
    String commandName() {
        return "show";
    }

    @Override
    int run(Session session) throws Exception {
        boolean json = switch (output.toLowerCase(Locale.ROOT)) {
            case "json" -> true;
            case "text" -> false;
            default -> throw new ParameterException(spec.commandLine(), "--output must be text or json, not '" + output + "'");
        };
        if (inline == null && selection.select.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "quarry show needs --select MODEL or --inline 'SQL'");
        }
        selection.state.load(session);
        try (LiveProject live = new LiveProject(session, console, commandName(), Map.of())) {
            reportWarnings(session);
            if (inline != null) {
                var refs = InlineRefs.capture(live.jinja(), live.manifest(), inline);
                String sql = live.compiler().compileInline(inline, refs.refs(), refs.dependsOn()).compiledCode();
                Optional<QueryResult> rows = run(live, sql, "inline query");
                if (rows.isEmpty()) {
                    return ExitCode.FAILURE;
                }
                print("inline_query", "Previewing inline node:", rows.get(), json);
                return ExitCode.SUCCESS;
            }
            NodeSelector selector = selection.state.selector(session, live.manifest(), live.parsed().dag());
            Set<String> ids = selection.select(selector);
            List<Node> nodes = new ArrayList<>();
            for (String id : live.parsed().dag().topologicalOrder(ids)) {
                live.manifest().node(id).filter(n -> n.resourceType() != ResourceType.TEST
                        && n.resourceType() != ResourceType.UNIT_TEST).ifPresent(nodes::add);
            }
            if (nodes.isEmpty()) {
                console.warn("Nothing to do. Try checking your model configs and model specification args");
                return ExitCode.SUCCESS;
            }
            for (Node node : nodes) {
                String sql;
                try {
                    sql = node.resourceType() == ResourceType.SEED
                            ? "SELECT * FROM " + new Relation(node.database(), node.schema(), node.alias(),
                                    RelationType.TABLE, session.relationStyle()).render()
                            : live.compiler().compile(node).compiledCode();
                } catch (RuntimeException e) {
                    throw ProjectParsing.unwrap(e);
                }
                Optional<QueryResult> rows = run(live, sql, node.resourceType().dbtName() + " " + node.name()
                        + " (" + node.originalFilePath() + ")");
                if (rows.isEmpty()) {
                    return ExitCode.FAILURE;
                }
                print(node.name(), "Previewing node '" + node.name() + "':", rows.get(), json);
            }
            return ExitCode.SUCCESS;
        }
    }

    /** Runs the limited query; a database error is printed as dbt does and gives no rows. */
    private Optional<QueryResult> run(LiveProject live, String sql, String what) {
        try {
            return Optional.of(live.connection().execute(limited(sql), true));
        } catch (RuntimeException e) {
            console.error("Database Error in " + what + ":\n  " + e.getMessage());
            return Optional.empty();
        }
    }

    /** dbt's limit wrapper: the node's query as a subquery, so its own ORDER BY and LIMIT still apply. */
    private String limited(String sql) {
        String body = sql.strip();
        while (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1).stripTrailing();
        }
        return limit < 0 ? body : "SELECT * FROM (\n" + body + "\n) AS model_limit_subq LIMIT " + limit;
    }

    private void print(String name, String header, QueryResult result, boolean json) throws Exception {
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (List<Object> row : result.rows()) {
                Map<String, Object> object = new LinkedHashMap<>();
                for (int i = 0; i < result.columnNames().size(); i++) {
                    object.put(result.columnNames().get(i), row.get(i));
                }
                rows.add(object);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("node", name);
            out.put("show", rows);
            console.result("ShowNode", "Q041", JSON.writeValueAsString(out));
            return;
        }
        console.info(header);
        console.result("ShowNode", "Q041", RowTable.render(result.columnNames(), result.rows()));
    }
}
