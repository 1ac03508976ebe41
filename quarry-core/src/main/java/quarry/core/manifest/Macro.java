package quarry.core.manifest;

import java.util.List;
import java.util.Objects;

/**
 * A {@code {% macro %}}, generic {@code {% test %}} (named {@code test_<name>}) or
 * {@code {% materialization %}} (named {@code materialization_<name>_<adapter>}) block of a package.
 *
 * @param macroSql the whole block, from its opening tag to its closing tag
 * @param line the line of the opening tag in its file
 */
public record Macro(String uniqueId, String packageName, String name, String path, String originalFilePath,
        String macroSql, List<String> arguments, int line, String description) {

    public Macro {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(name, "name");
        arguments = List.copyOf(arguments);
        description = description == null ? "" : description;
    }
}
