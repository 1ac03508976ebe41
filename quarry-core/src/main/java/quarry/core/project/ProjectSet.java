package quarry.core.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import quarry.core.SourceLocation;

/**
 * The root project and the packages installed in its {@code packages-install-path}
 * ({@code dbt_packages/}), each a project of its own, by name.
 */
public record ProjectSet(DbtProject root, Map<String, DbtProject> packages) {

    public ProjectSet {
        packages = Collections.unmodifiableMap(new LinkedHashMap<>(packages));
    }

    /** The root first, then the packages in name order. */
    public List<DbtProject> all() {
        List<DbtProject> all = new ArrayList<>();
        all.add(root);
        all.addAll(packages.values());
        return all;
    }

    public DbtProject project(String name) {
        return name.equals(root.name()) ? root : packages.get(name);
    }

    /** Loads the root project and every package found under its install path. */
    public static ProjectSet load(Path rootDir, DbtProjectLoader loader) {
        DbtProject root = loader.load(rootDir);
        Map<String, DbtProject> packages = new java.util.TreeMap<>();
        Path installed = rootDir.resolve(root.packagesInstallPath());
        if (Files.isDirectory(installed)) {
            List<Path> dirs;
            try (Stream<Path> s = Files.list(installed)) {
                dirs = s.filter(Files::isDirectory).sorted().toList();
            } catch (IOException e) {
                throw new ProjectException(SourceLocation.of(root.packagesInstallPath()), "cannot list: " + e.getMessage());
            }
            for (Path dir : dirs) {
                if (!DbtProjectLoader.isProject(dir)) {
                    continue;
                }
                DbtProject pkg = loader.load(dir);
                if (pkg.name().equals(root.name())) {
                    throw new ProjectException(SourceLocation.of(root.packagesInstallPath() + "/" + dir.getFileName()),
                            "package '" + pkg.name() + "' has the same name as the root project");
                }
                packages.put(pkg.name(), pkg);
            }
        }
        return new ProjectSet(root, packages);
    }
}
