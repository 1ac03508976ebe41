package quarry.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code quarry build}: Seed, run, snapshot and test the selected nodes in DAG order. */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Seed, run, snapshot and test (data and unit tests) the selected nodes in DAG order; a model's unit tests run before it.")
final class BuildCommand extends ExecutionCommand {

    @Mixin
    ResourceTypeOptions resourceTypeOptions = new ResourceTypeOptions();

    @Override
    String commandName() {
        return "build";
    }

    @Override
    List<String> resourceTypes() {
        return resourceTypeOptions.narrow(List.of("model", "seed", "snapshot", "test", "unit_test"));
    }
}
