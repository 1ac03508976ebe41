package quarry.cli;

import java.util.List;
import picocli.CommandLine.Command;

/** {@code quarry snapshot}: Record changes of mutable tables as type-2 slowly changing dimensions. */
@Command(name = "snapshot", mixinStandardHelpOptions = true, description = "Record changes of mutable tables as type-2 slowly changing dimensions.")
final class SnapshotCommand extends ExecutionCommand {

    @Override
    String commandName() {
        return "snapshot";
    }

    @Override
    List<String> resourceTypes() {
        return List.of("snapshot");
    }
}
