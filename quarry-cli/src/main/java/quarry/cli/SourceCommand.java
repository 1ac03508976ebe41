package quarry.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code quarry source freshness}. */
@Command(name = "source", mixinStandardHelpOptions = true, description = "Check the freshness of sources.",
        subcommands = SourceFreshnessCommand.class)
final class SourceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.ERROR;
    }
}
