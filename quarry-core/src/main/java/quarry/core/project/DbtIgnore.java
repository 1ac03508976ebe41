package quarry.core.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A project's {@code .dbtignore}: gitignore-style patterns ({@code *}, {@code **}, {@code ?}, a leading
 * {@code /} anchoring at the project root, a trailing {@code /} for folders, {@code !} to re-include).
 * Paths are matched relative to the project root with forward slashes.
 */
public final class DbtIgnore {

    private record Rule(Pattern pattern, boolean negated, boolean directoryOnly) {}

    private final List<Rule> rules;

    private DbtIgnore(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static DbtIgnore none() {
        return new DbtIgnore(List.of());
    }

    public static DbtIgnore load(Path projectRoot) {
        Path file = projectRoot.resolve(".dbtignore");
        if (!Files.isRegularFile(file)) {
            return none();
        }
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new ProjectException(quarry.core.SourceLocation.of(".dbtignore"), "cannot read: " + e.getMessage());
        }
    }

    public static DbtIgnore parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean negated = line.startsWith("!");
            if (negated) {
                line = line.substring(1);
            }
            boolean dirOnly = line.endsWith("/");
            if (dirOnly) {
                line = line.substring(0, line.length() - 1);
            }
            boolean anchored = line.startsWith("/") || line.contains("/");
            if (line.startsWith("/")) {
                line = line.substring(1);
            }
            String regex = (anchored ? "" : "(?:.*/)?") + globToRegex(line) + "(?:/.*)?";
            rules.add(new Rule(Pattern.compile(regex), negated, dirOnly));
        }
        return new DbtIgnore(rules);
    }

    private static String globToRegex(String glob) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                    b.append(slash ? "(?:.*/)?" : ".*");
                    i += slash ? 2 : 1;
                } else {
                    b.append("[^/]*");
                }
            } else if (c == '?') {
                b.append("[^/]");
            } else if ("\\.[]{}()+-^$|".indexOf(c) >= 0) {
                b.append('\\').append(c);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Whether a file (path relative to the project root, with forward slashes) is ignored. */
    public boolean ignores(String relativePath) {
        boolean ignored = false;
        for (Rule rule : rules) {
            if (rule.directoryOnly()) {
                // a folder rule matches files beneath a matching folder, not a file of that name
                int slash = relativePath.lastIndexOf('/');
                if (slash < 0 || !rule.pattern().matcher(relativePath.substring(0, slash)).matches()) {
                    continue;
                }
            } else if (!rule.pattern().matcher(relativePath).matches()) {
                continue;
            }
            ignored = !rule.negated();
        }
        return ignored;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }
}
