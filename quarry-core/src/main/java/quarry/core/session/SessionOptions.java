package quarry.core.session;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The command-line settings that decide which project, profile and target an invocation uses.
 *
 * @param command dbt's {@code flags.WHICH}: parse, compile, ls, ...
 */
public record SessionOptions(Path projectDir, Optional<Path> profilesDir, Optional<String> profile,
        Optional<String> target, Map<String, Object> cliVars, Optional<String> targetPath, Optional<Integer> threads,
        Path cwd, Path home, Map<String, String> environment, String command) {

    public SessionOptions {
        Objects.requireNonNull(projectDir);
        Objects.requireNonNull(cwd);
        Objects.requireNonNull(home);
        cliVars = Map.copyOf(cliVars);
        environment = Map.copyOf(environment);
    }
}
