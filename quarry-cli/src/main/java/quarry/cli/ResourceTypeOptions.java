package quarry.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;
import quarry.core.Suggestions;
import quarry.core.select.SelectionException;

/**
 * dbt's {@code --resource-type} and {@code --exclude-resource-type} of {@code build}, {@code test} and
 * {@code ls}: narrow the command's own resource types ({@code quarry build --exclude-resource-type unit_test}
 * is how production runs leave unit tests out).
 */
final class ResourceTypeOptions {

    @Option(names = "--resource-type", arity = "1..*", paramLabel = "TYPE",
            description = "Only these of the command's types (model, seed, snapshot, test, unit_test, source, ...).")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude-resource-type", arity = "1..*", paramLabel = "TYPE",
            description = "Leave these types out, e.g. unit_test.")
    List<String> exclude = new ArrayList<>();

    /** The command's types narrowed by the flags; an unknown type name is an error with a suggestion. */
    List<String> narrow(List<String> commandTypes) {
        List<String> types = new ArrayList<>(commandTypes);
        List<String> wanted = normalize(include, commandTypes);
        if (!wanted.isEmpty() && !wanted.contains("all") && !wanted.contains("default")) {
            types.retainAll(wanted);
        }
        types.removeAll(normalize(exclude, commandTypes));
        if (types.isEmpty()) {
            throw new SelectionException("--resource-type and --exclude-resource-type leave no resource type to run");
        }
        return types;
    }

    private static List<String> normalize(List<String> names, List<String> commandTypes) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            for (String part : name.split(",")) {
                String type = part.strip().toLowerCase(Locale.ROOT);
                if (type.equals("data_test")) {
                    type = "test";
                }
                if (type.isEmpty()) {
                    continue;
                }
                if (!commandTypes.contains(type) && !type.equals("all") && !type.equals("default")) {
                    throw new SelectionException("unknown resource type '" + type + "' for this command; use one of "
                            + String.join(", ", commandTypes) + Suggestions.didYouMean(type, commandTypes));
                }
                out.add(type);
            }
        }
        return out;
    }
}
