package quarry.core.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import quarry.core.project.ProjectFile.FileKind;

/** Finds a project's files under its resource paths, as dbt does, leaving out what .dbtignore names. */
public final class FileDiscovery {

    private FileDiscovery() {}

    public static List<ProjectFile> discover(DbtProject project, DbtIgnore ignore) {
        Map<String, ProjectFile> found = new LinkedHashMap<>();
        Path root = project.root();
        scan(root, project.macroPaths(), ignore, found, (rel, ext) -> ext.equals("sql") ? FileKind.MACRO : null);
        scan(root, project.modelPaths(), ignore, found, (rel, ext) -> switch (ext) {
            case "sql" -> FileKind.MODEL;
            case "py" -> FileKind.PYTHON_MODEL;
            default -> null;
        });
        scan(root, project.seedPaths(), ignore, found, (rel, ext) -> ext.equals("csv") ? FileKind.SEED : null);
        scan(root, project.testPaths(), ignore, found,
                (rel, ext) -> ext.equals("sql") ? FileKind.SINGULAR_TEST : null);
        scan(root, project.analysisPaths(), ignore, found, (rel, ext) -> ext.equals("sql") ? FileKind.ANALYSIS : null);
        scan(root, project.snapshotPaths(), ignore, found, (rel, ext) -> ext.equals("sql") ? FileKind.SNAPSHOT : null);
        List<String> propertyPaths = new ArrayList<>();
        for (List<String> l : List.of(project.modelPaths(), project.seedPaths(), project.snapshotPaths(),
                project.analysisPaths(), project.macroPaths(), project.testPaths())) {
            propertyPaths.addAll(l);
        }
        scan(root, propertyPaths, ignore, found,
                (rel, ext) -> ext.equals("yml") || ext.equals("yaml") ? FileKind.PROPERTIES : null);
        scan(root, project.docsPaths(), ignore, found, (rel, ext) -> ext.equals("md") ? FileKind.DOCS : null);
        found.values().removeIf(FileDiscovery::isFixture);
        found.replaceAll((key, file) -> isGenericTestFile(file)
                ? new ProjectFile(file.absolutePath(), file.originalFilePath(), file.path(), FileKind.MACRO) : file);
        return new ArrayList<>(found.values());
    }

    /** dbt reads a test path's {@code generic/} folder as macros: generic tests ({@code {% test %}} blocks). */
    private static boolean isGenericTestFile(ProjectFile file) {
        return file.kind() == FileKind.SINGULAR_TEST && file.path().startsWith("generic/");
    }

    /** Files under a test path's {@code fixtures/} folder are unit test fixtures, not singular tests. */
    private static boolean isFixture(ProjectFile file) {
        return file.kind() == FileKind.SINGULAR_TEST && file.path().startsWith("fixtures/");
    }

    private interface Classifier {
        FileKind classify(String relative, String extension);
    }

    private static void scan(Path root, List<String> resourcePaths, DbtIgnore ignore, Map<String, ProjectFile> found,
            Classifier classifier) {
        for (String resourcePath : resourcePaths) {
            Path dir = root.resolve(resourcePath).normalize();
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> files = new ArrayList<>();
            try {
                Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                        String name = d.getFileName() == null ? "" : d.getFileName().toString();
                        return !d.equals(dir) && name.startsWith(".") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile()) {
                            files.add(f);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            files.sort(Comparator.comparing(Path::toString));
            for (Path f : files) {
                String original = slashes(root.relativize(f).toString());
                if (found.containsKey(original) && found.get(original).kind() != FileKind.DOCS
                        || ignore.ignores(original)) {
                    continue;
                }
                String name = f.getFileName().toString();
                int dot = name.lastIndexOf('.');
                String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
                FileKind kind = classifier.classify(original, ext);
                if (kind != null && !found.containsKey(original)) {
                    found.put(original, new ProjectFile(f, original, slashes(dir.relativize(f).toString()), kind));
                }
            }
        }
    }

    private static String slashes(String path) {
        return path.replace('\\', '/');
    }
}
