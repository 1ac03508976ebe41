package quarry.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code quarry test}: Run the data tests and unit tests of the selected nodes. */
@Command(name = "test", mixinStandardHelpOptions = true, description = "Run the data tests and unit tests of the selected nodes.")
final class TestCommand extends ExecutionCommand {

    @Mixin
    ResourceTypeOptions resourceTypeOptions = new ResourceTypeOptions();

    @Override
    String commandName() {
        return "test";
    }

    @Override
    List<String> resourceTypes() {
        return resourceTypeOptions.narrow(List.of("test", "unit_test"));
    }
}
