package quarry.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import quarry.core.select.NodeSelector;

/** dbt's node selection flags, and the state flags that selection and {@code --defer} read. */
final class SelectionOptions {

    @Option(names = {"-s", "--select", "-m", "--models", "--model"}, arity = "1..*", paramLabel = "SELECTOR",
            description = "Nodes to include: names, path:, tag:, config.*:, +/@ operators; space = union, comma = intersection.")
    List<String> select = new ArrayList<>();

    @Option(names = "--exclude", arity = "1..*", paramLabel = "SELECTOR", description = "Nodes to leave out.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--selector", paramLabel = "NAME", description = "A named selector from selectors.yml.")
    String selector;

    @Option(names = "--indirect-selection", paramLabel = "MODE", defaultValue = "eager",
            description = "Which tests come with the selected nodes: eager (default), cautious, buildable or empty.")
    String indirectSelection;

    @Mixin
    StateOptions state = new StateOptions();

    /** The unique ids these flags select. */
    Set<String> select(NodeSelector selector) {
        return selector.select(select, exclude, this.selector, NodeSelector.IndirectSelection.of(indirectSelection));
    }
}
