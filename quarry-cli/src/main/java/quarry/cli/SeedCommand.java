package quarry.cli;

import java.util.List;
import picocli.CommandLine.Command;

/** {@code quarry seed}: Load the CSV files of the seed paths. */
@Command(name = "seed", mixinStandardHelpOptions = true, description = "Load the CSV files of the seed paths.")
final class SeedCommand extends ExecutionCommand {

    @Override
    String commandName() {
        return "seed";
    }

    @Override
    List<String> resourceTypes() {
        return List.of("seed");
    }
}
