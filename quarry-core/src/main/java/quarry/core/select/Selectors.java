package quarry.core.select;

import java.nio.file.Path;
import java.util.Map;

/** Entry point for the named selectors of a project's {@code selectors.yml}. */
public final class Selectors {

    private Selectors() {}

    public static Map<String, Object> load(Path projectRoot) {
        return SelectorDefinitions.load(projectRoot);
    }
}
