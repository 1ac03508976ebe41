package quarry.core.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import quarry.core.SourceLocation;

/**
 * One entry of {@code packages.yml} / {@code dependencies.yml}: a {@code local:} folder, a hub
 * {@code package:} with a version, a {@code git:} repository with a revision, or a {@code tarball:}.
 */
public record PackageSpec(Kind kind, String location, String version, String subdirectory, SourceLocation where) {

    public enum Kind { LOCAL, HUB, GIT, TARBALL }

    /** Reads packages.yml, else dependencies.yml (its {@code packages:} list); empty when neither exists. */
    public static List<PackageSpec> read(Path projectRoot) {
        for (String name : List.of("packages.yml", "dependencies.yml")) {
            Path file = projectRoot.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Object doc = YamlReader.read(file, name);
            if (doc == null) {
                return List.of();
            }
            if (!(doc instanceof Map<?, ?> m) || !(m.get("packages") instanceof List<?> list)) {
                if (doc instanceof Map<?, ?> m2 && m2.get("packages") == null) {
                    return List.of();
                }
                throw new ProjectException(SourceLocation.of(name), name + " must have a 'packages:' list");
            }
            List<PackageSpec> out = new ArrayList<>();
            for (Object entry : list) {
                SourceLocation where = new SourceLocation(name, YamlMap.lineOf(entry));
                if (!(entry instanceof Map<?, ?> e)) {
                    throw new ProjectException(where, "each package must be a mapping such as {local: ../my_package}");
                }
                String sub = e.get("subdirectory") == null ? null : String.valueOf(e.get("subdirectory"));
                if (e.get("local") != null) {
                    out.add(new PackageSpec(Kind.LOCAL, String.valueOf(e.get("local")), null, null, where));
                } else if (e.get("package") != null) {
                    Object v = e.get("version");
                    out.add(new PackageSpec(Kind.HUB, String.valueOf(e.get("package")),
                            v instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList())
                                    : v == null ? null : String.valueOf(v), null, where));
                } else if (e.get("git") != null) {
                    Object rev = e.get("revision");
                    out.add(new PackageSpec(Kind.GIT, String.valueOf(e.get("git")), rev == null ? null : String.valueOf(rev),
                            sub, where));
                } else if (e.get("tarball") != null) {
                    out.add(new PackageSpec(Kind.TARBALL, String.valueOf(e.get("tarball")), null, null, where));
                } else {
                    throw new ProjectException(where, "a package needs one of local:, package:, git: or tarball:");
                }
            }
            return out;
        }
        return List.of();
    }
}
