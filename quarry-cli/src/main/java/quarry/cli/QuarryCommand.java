package quarry.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top of the {@code quarry} command tree: dbt's verbs plus {@code server}.
 *
 * <p>Each verb of {@link Verb} that has no implementation yet is registered as a
 * {@link PendingCommand}, so {@code --help} lists the whole of dbt's CLI from the first day.
 */
@Command(
        name = "quarry",
        mixinStandardHelpOptions = true,
        versionProvider = QuarryVersion.class,
        description = "Runs dbt projects against Rockset, and serves a Rockset-compatible database.",
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n")
final class QuarryCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** dbt's global flag, also accepted before the command; Quarry always parses the whole project. */
    @CommandLine.Option(names = "--partial-parse", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Accepted for dbt compatibility (also before the command): Quarry always parses the whole project.")
    private boolean partialParse;

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new QuarryCommand());
        for (Verb verb : Verb.values()) {
            CommandLine subcommand = new CommandLine(verb.newCommand());
            if (subcommand.getCommandSpec().usageMessage().description().length == 0) {
                subcommand.getCommandSpec().usageMessage().description(verb.description());
            }
            commandLine.addSubcommand(verb.commandName(), subcommand);
        }
        return commandLine;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.ERROR;
    }
}
