package quarry.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import quarry.core.adapter.AdapterConnection;
import quarry.core.adapter.QueryResult;
import quarry.core.adapter.Relation;
import quarry.core.adapter.RelationType;
import quarry.core.manifest.Manifest;
import quarry.core.manifest.Node;
import quarry.core.run.NodeResult;
import quarry.core.run.RunInvocation;
import quarry.core.session.Session;

/** {@code quarry seed}: Load the CSV files of the seed paths; {@code --show} prints a sample of each. */
@Command(name = "seed", mixinStandardHelpOptions = true, description = "Load the CSV files of the seed paths.")
final class SeedCommand extends ExecutionCommand {

    private static final int SAMPLE_ROWS = 5;

    @Option(names = "--show", description = "Print the first rows of each seed loaded.")
    boolean show;

    @Override
    String commandName() {
        return "seed";
    }

    @Override
    List<String> resourceTypes() {
        return List.of("seed");
    }

    /** The columns of a seed file's header, as the seed load reads them (none when it cannot be read). */
    private static List<String> header(java.nio.file.Path file) {
        try {
            return quarry.core.seed.SeedTable.header(file);
        } catch (java.io.IOException | RuntimeException e) {
            return List.of();
        }
    }

    @Override
    void afterRun(Session session, RunInvocation.Outcome outcome, Manifest manifest, AdapterConnection connection) {
        if (!show) {
            return;
        }
        for (NodeResult result : outcome.results()) {
            Node seed = manifest.nodes().get(result.uniqueId());
            if (seed == null || result.status() != NodeResult.Status.SUCCESS) {
                continue;
            }
            Relation relation = new Relation(seed.database(), seed.schema(), seed.alias(), RelationType.TABLE,
                    session.relationStyle());
            QueryResult rows = connection.execute("SELECT * FROM " + relation.render() + " LIMIT " + SAMPLE_ROWS, true);
            console.info("Random sample of table: " + seed.schema() + "." + seed.alias());
            // the seed's own columns, in the file's order: not the fields the database adds (_id)
            List<String> header = header(session.projects().project(seed.packageName()).root()
                    .resolve(seed.originalFilePath()));
            List<Integer> keep = new java.util.ArrayList<>();
            for (String column : header) {
                int i = rows.columnNames().indexOf(column);
                if (i >= 0) {
                    keep.add(i);
                }
            }
            if (keep.isEmpty()) {
                console.result("SeedHeader", "Q015", RowTable.render(rows.columnNames(), rows.rows()));
                continue;
            }
            List<String> names = keep.stream().map(rows.columnNames()::get).toList();
            List<List<Object>> values = rows.rows().stream().map(row -> keep.stream().map(row::get).toList()).toList();
            console.result("SeedHeader", "Q015", RowTable.render(names, values));
        }
    }
}
