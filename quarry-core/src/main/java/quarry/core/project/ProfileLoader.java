package quarry.core.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import quarry.core.SourceLocation;
import quarry.core.Suggestions;

/**
 * Finds {@code profiles.yml} and picks the target, in dbt's order: {@code --profiles-dir}, then
 * {@code DBT_PROFILES_DIR}, then the current directory, then (a Quarry addition, so a project that
 * carries its own profiles.yml runs from anywhere) the project directory, then {@code ~/.dbt/}.
 */
public final class ProfileLoader {

    public static final String FILE = "profiles.yml";

    private final EnvVars env;
    private final ValueRenderer renderer;

    public ProfileLoader(EnvVars env, ValueRenderer renderer) {
        this.env = env;
        this.renderer = renderer;
    }

    /** Where profiles.yml is read from, in search order, with the first existing one chosen. */
    public Path locate(Optional<Path> profilesDirFlag, Path cwd, Path projectDir, Path home) {
        if (profilesDirFlag.isPresent()) {
            return profilesDirFlag.get().resolve(FILE);
        }
        String fromEnv = env.peek("DBT_PROFILES_DIR");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).resolve(FILE);
        }
        for (Path dir : List.of(cwd, projectDir)) {
            if (Files.isRegularFile(dir.resolve(FILE))) {
                return dir.resolve(FILE);
            }
        }
        return home.resolve(".dbt").resolve(FILE);
    }

    /**
     * Reads the profile and returns the selected target.
     *
     * @param profileName the project's {@code profile:} or {@code --profile}
     * @param targetFlag {@code --target}, if given
     */
    public Target load(Path profilesFile, String profileName, Optional<String> targetFlag) {
        String display = profilesFile.toString();
        if (!Files.isRegularFile(profilesFile)) {
            throw new ProjectException(SourceLocation.of(display),
                    "profiles.yml not found; looked in --profiles-dir, DBT_PROFILES_DIR, the current directory,"
                            + " the project directory and ~/.dbt/");
        }
        if (profileName == null) {
            throw new ProjectException(SourceLocation.of(DbtProjectLoader.FILE),
                    "the project names no 'profile'; add profile: <name> to dbt_project.yml or pass --profile");
        }
        Object doc = YamlReader.read(profilesFile, display);
        if (!(doc instanceof YamlMap profiles)) {
            throw new ProjectException(SourceLocation.of(display), "profiles.yml must be a mapping of profiles");
        }
        Object profile = profiles.get(profileName);
        if (!(profile instanceof YamlMap p)) {
            List<String> names = new ArrayList<>(profiles.keySet());
            names.remove("config");
            throw new ProjectException(SourceLocation.of(display), "profile '" + profileName + "' not found"
                    + Suggestions.didYouMean(profileName, names) + " (profiles here: " + String.join(", ", names) + ")");
        }
        Object outputs = p.get("outputs");
        if (!(outputs instanceof YamlMap outs) || outs.isEmpty()) {
            throw new ProjectException(new SourceLocation(display, p.line()),
                    "profile '" + profileName + "' has no outputs");
        }
        String targetName = targetFlag.orElseGet(() -> {
            Object t = p.get("target");
            if (t instanceof String s && !ValueRenderer.isPlain(s)) {
                return String.valueOf(renderer.render(s, new SourceLocation(display, p.lineOf("target"))));
            }
            return t == null ? "default" : String.valueOf(t);
        });
        Object output = outs.get(targetName);
        if (!(output instanceof YamlMap out)) {
            throw new ProjectException(new SourceLocation(display, outs.line()), "target '" + targetName
                    + "' not found in profile '" + profileName + "'" + Suggestions.didYouMean(targetName, outs.keySet())
                    + " (targets: " + String.join(", ", outs.keySet()) + ")");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : out.entrySet()) {
            Object value = e.getValue();
            if (value instanceof String s && !ValueRenderer.isPlain(s)) {
                value = renderer.render(s, new SourceLocation(display, out.lineOf(e.getKey())));
            }
            fields.put(e.getKey(), value);
        }
        Object type = fields.get("type");
        if (!(type instanceof String typeName) || typeName.isBlank()) {
            throw new ProjectException(new SourceLocation(display, out.line()),
                    "target '" + targetName + "' of profile '" + profileName + "' has no 'type'");
        }
        int threads = 1;
        Object t = fields.get("threads");
        if (t != null) {
            try {
                threads = Integer.parseInt(String.valueOf(t).trim());
            } catch (NumberFormatException e) {
                throw new ProjectException(new SourceLocation(display, out.lineOf("threads")),
                        "threads must be a whole number, not '" + t + "'");
            }
            if (threads < 1) {
                throw new ProjectException(new SourceLocation(display, out.lineOf("threads")), "threads must be at least 1");
            }
        }
        return new Target(profileName, targetName, typeName, threads, fields);
    }
}
