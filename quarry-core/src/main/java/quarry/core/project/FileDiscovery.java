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
        Listings listings = new Listings();
        scan(root, project.macroPaths(), ignore, found, listings, ext -> ext.equals("sql") ? FileKind.MACRO : null);
        scan(root, project.modelPaths(), ignore, found, listings, ext -> switch (ext) {
            case "sql" -> FileKind.MODEL;
            case "py" -> FileKind.PYTHON_MODEL;
            default -> null;
        });
        scan(root, project.seedPaths(), ignore, found, listings, ext -> ext.equals("csv") ? FileKind.SEED : null);
        scan(root, project.testPaths(), ignore, found, listings, ext -> ext.equals("sql") ? FileKind.SINGULAR_TEST : null);
        scan(root, project.analysisPaths(), ignore, found, listings, ext -> ext.equals("sql") ? FileKind.ANALYSIS : null);
        scan(root, project.snapshotPaths(), ignore, found, listings, ext -> ext.equals("sql") ? FileKind.SNAPSHOT : null);
        List<String> propertyPaths = new ArrayList<>();
        for (List<String> l : List.of(project.modelPaths(), project.seedPaths(), project.snapshotPaths(),
                project.analysisPaths(), project.macroPaths(), project.testPaths())) {
            propertyPaths.addAll(l);
        }
        scan(root, propertyPaths, ignore, found, listings,
                ext -> ext.equals("yml") || ext.equals("yaml") ? FileKind.PROPERTIES : null);
        scan(root, project.docsPaths(), ignore, found, listings, ext -> ext.equals("md") ? FileKind.DOCS : null);
        found.values().removeIf(FileDiscovery::isFixture);
        found.replaceAll((key, file) -> isGenericTestFile(file)
                ? new ProjectFile(file.absolutePath(), file.originalFilePath(), file.path(), FileKind.MACRO, file.size(),
                        file.modifiedMillis()) : file);
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
        FileKind classify(String extension);
    }

    /**
     * The sorted regular files under each folder walked so far: properties files are looked for
     * in the folders already walked for models, seeds and so on, and a large project's folders are
     * walked once, not twice.
     */
    private static final class Listings {
        private final Map<Path, List<Listed>> byFolder = new java.util.HashMap<>();

        List<Listed> files(Path dir) {
            List<Listed> known = byFolder.get(dir);
            if (known != null) {
                return known;
            }
            // the folder's own files, then its sub-folders walked in parallel: a large project's
            // models sit in many folders, and one thread walking them all leaves a core idle
            List<Listed> files = new ArrayList<>();
            List<Path> folders = new ArrayList<>();
            try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    BasicFileAttributes attrs = Files.readAttributes(entry, BasicFileAttributes.class,
                            java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    if (attrs.isDirectory()) {
                        if (!entry.getFileName().toString().startsWith(".")) {
                            folders.add(entry);
                        }
                    } else if (attrs.isRegularFile()) {
                        files.add(Listed.of(entry, attrs));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            files.addAll(folders.parallelStream().flatMap(folder -> walk(folder).stream()).toList());
            files.sort(Comparator.comparing(l -> l.path().toString()));
            List<Listed> listed = files;
            byFolder.put(dir, listed);
            return listed;
        }
    }

    /** The regular files under a folder, leaving out folders whose name starts with a dot. */
    private static List<Listed> walk(Path dir) {
        List<Listed> files = new ArrayList<>();
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
                        files.add(Listed.of(f, attrs));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static void scan(Path root, List<String> resourcePaths, DbtIgnore ignore, Map<String, ProjectFile> found,
            Listings listings, Classifier classifier) {
        for (String resourcePath : resourcePaths) {
            Path dir = root.resolve(resourcePath).normalize();
            if (!Files.isDirectory(dir)) {
                continue;
            }
            for (Listed listed : listings.files(dir)) {
                FileKind kind = classifier.classify(listed.extension());
                if (kind == null) {
                    continue;
                }
                Path f = listed.path();
                String original = relative(root, f);
                if (found.containsKey(original) || ignore.ignores(original)) {
                    continue;
                }
                found.put(original, new ProjectFile(f, original, relative(dir, f), kind, listed.size(), listed.modified()));
            }
        }
    }

    /**
     * A listed file with its extension (lower case, empty if none), size and modification time
     * (milliseconds) as the walk saw them, found once for every scan of its folder.
     */
    private record Listed(Path path, String extension, long size, long modified) {
        static Listed of(Path file, BasicFileAttributes attrs) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return new Listed(file, dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT),
                    attrs.size(), attrs.lastModifiedTime().toMillis());
        }
    }

    /** {@code file} relative to {@code dir}, with forward slashes; a string cut when it lies beneath (the usual case, and cheap). */
    public static String relative(Path dir, Path file) {
        String d = dir.toString();
        String f = file.toString();
        if (!d.isEmpty() && f.length() > d.length() + 1 && f.startsWith(d) && f.charAt(d.length()) == java.io.File.separatorChar
                && !d.endsWith(java.io.File.separator)) {
            return slashes(f.substring(d.length() + 1));
        }
        return slashes(dir.relativize(file).toString());
    }

    private static String slashes(String path) {
        return path.replace('\\', '/');
    }
}
