package quarry.cli;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The commands of dbt 1.12's CLI, and Quarry's own {@code server} and {@code load}, each with the
 * picocli command class that implements it.
 */
enum Verb {
    INIT("init", "Create a new dbt project that runs on the embedded Rockset-compatible server.", InitCommand::new),
    DEBUG("debug", "Show the profile, the project and whether the connection works.", DebugCommand::new),
    DEPS("deps", "Install the packages of packages.yml into dbt_packages/.", DepsCommand::new),
    PARSE("parse", "Read the project and write target/manifest.json.", ParseCommand::new),
    COMPILE("compile", "Render the SQL of the selected nodes into target/compiled/.", CompileCommand::new),
    LS("ls", "List the resources of the project.", LsCommand::new),
    SEED("seed", "Load the CSV files of the seed paths.", SeedCommand::new),
    RUN("run", "Materialize the selected models.", RunCommand::new),
    TEST("test", "Run the data tests of the selected nodes.", TestCommand::new),
    BUILD("build", "Seed, run, snapshot and test the selected nodes in DAG order.", BuildCommand::new),
    SNAPSHOT("snapshot", "Record changes of mutable tables as type-2 slowly changing dimensions.", SnapshotCommand::new),
    SHOW("show", "Run a model or inline SQL and print its first rows.", ShowCommand::new),
    RUN_OPERATION("run-operation", "Call a macro.", RunOperationCommand::new),
    SOURCE("source", "Check the freshness of sources.", SourceCommand::new),
    DOCS("docs", "Generate catalog.json and the documentation site.", DocsCommand::new),
    CLEAN("clean", "Delete the folders of clean-targets.", CleanCommand::new),
    CLONE("clone", "Make the selected nodes views of the relations of the --state run.", CloneCommand::new),
    RETRY("retry", "Re-run the nodes that failed or were skipped in the last run.", RetryCommand::new),
    SERVER("server", "Serve a Rockset-compatible database over HTTP.", ServerCommand::new),
    LOAD("load", "Load JSON lines, CSV or Parquet files into a collection through the Write API.", LoadCommand::new);

    private final String commandName;
    private final String description;
    private final Supplier<Callable<Integer>> implementation;

    Verb(String commandName, String description, Supplier<Callable<Integer>> implementation) {
        this.commandName = commandName;
        this.description = description;
        this.implementation = java.util.Objects.requireNonNull(implementation, "implementation");
    }

    /** A fresh instance of the command that runs this verb. */
    Callable<Integer> newCommand() {
        return implementation.get();
    }

    String commandName() {
        return commandName;
    }

    String description() {
        return description;
    }
}
