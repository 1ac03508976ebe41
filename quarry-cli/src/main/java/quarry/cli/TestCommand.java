package quarry.cli;

import java.util.List;
import picocli.CommandLine.Command;

/** {@code quarry test}: Run the data tests and unit tests of the selected nodes. */
@Command(name = "test", mixinStandardHelpOptions = true, description = "Run the data tests and unit tests of the selected nodes.")
final class TestCommand extends ExecutionCommand {

    @Override
    String commandName() {
        return "test";
    }

    @Override
    List<String> resourceTypes() {
        return List.of("test", "unit_test");
    }
}
