package quarry.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code quarry docs generate} and {@code quarry docs serve}. */
@Command(name = "docs", mixinStandardHelpOptions = true,
        description = "Generate catalog.json and the documentation site.",
        subcommands = {DocsGenerateCommand.class, DocsServeCommand.class})
final class DocsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.ERROR;
    }
}
