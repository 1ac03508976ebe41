package quarry.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Spec;

/** A dbt command that Quarry lists but has not built yet: it says so and exits 2. */
@Command(mixinStandardHelpOptions = true)
final class PendingCommand implements Callable<Integer> {

    private final Verb verb;

    @Spec
    private CommandSpec spec;

    @Unmatched
    private List<String> ignoredArguments;

    PendingCommand(Verb verb) {
        this.verb = verb;
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().printf(
                "quarry %s is not built yet in this version of Quarry.%n", verb.commandName());
        return ExitCode.ERROR;
    }
}
