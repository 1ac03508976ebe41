package quarry.cli;

import java.util.List;
import picocli.CommandLine.Command;

/** {@code quarry run}: Materialize the selected models. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Materialize the selected models.")
final class RunCommand extends ExecutionCommand {

    @Override
    String commandName() {
        return "run";
    }

    @Override
    List<String> resourceTypes() {
        return List.of("model");
    }
}
