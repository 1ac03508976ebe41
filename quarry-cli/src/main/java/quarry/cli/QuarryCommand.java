package quarry.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top of the {@code quarry} command tree: dbt's verbs plus {@code server} and {@code load}
 * ({@link Verb}).
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

    /**
     * dbt's global flag before a command that has none of its own (project commands take it, see
     * GlobalFlags), where it changes nothing.
     */
    @CommandLine.Option(names = "--partial-parse", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Accepted for dbt compatibility; project commands take it (docs/partial-parsing.md).")
    private boolean partialParse;

    static CommandLine commandLine() {
        return commandLine(Verb.values());
    }

    /**
     * The command tree for these arguments: when they name a verb (the first argument that is a
     * verb's name; dbt's global flags and their values may come before it), only that verb's command is built, since picocli's model of a command is built by
     * reflection and the whole tree costs a short command ~0.1 s of CPU at start; otherwise (no
     * verb, an unknown one, {@code --help}) the whole tree, so usage and errors list every command.
     */
    static CommandLine commandLine(String[] args) {
        for (int i = 0; i < args.length; i++) {
            for (Verb verb : Verb.values()) {
                if (verb.commandName().equals(args[i])) {
                    return commandLine(verb);
                }
            }
            boolean optionOrItsValue = args[i].startsWith("-")
                    || i > 0 && args[i - 1].startsWith("-") && !args[i - 1].contains("=");
            if (!optionOrItsValue) {
                break;
            }
        }
        return commandLine();
    }

    private static CommandLine commandLine(Verb... verbs) {
        CommandLine commandLine = new CommandLine(new QuarryCommand());
        for (Verb verb : verbs) {
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
