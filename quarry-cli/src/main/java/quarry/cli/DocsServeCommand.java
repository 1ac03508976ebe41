package quarry.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code quarry docs serve}: not built yet; says how to open the generated site instead. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the documentation site (not built yet).")
final class DocsServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> ignored;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("quarry docs serve is not built yet in this version of Quarry; run"
                + " `quarry docs generate`, then serve target/ with any static file server, for example"
                + " `python3 -m http.server 8080 --directory target`, and open http://localhost:8080/");
        return ExitCode.ERROR;
    }
}
