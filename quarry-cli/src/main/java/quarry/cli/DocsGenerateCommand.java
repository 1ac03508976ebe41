package quarry.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import quarry.core.artifacts.CatalogWriter;
import quarry.core.artifacts.CompiledNode;
import quarry.core.artifacts.RunResultsWriter;
import quarry.core.manifest.Node;
import quarry.core.manifest.ResourceType;
import quarry.core.project.FileTrees;
import quarry.core.session.DbtVersion;
import quarry.core.session.ProjectParsing;
import quarry.core.session.Session;

/**
 * {@code quarry docs generate}: compiles the project's nodes (unless {@code --no-compile}) into
 * manifest.json, reads every model, seed, snapshot and source table that exists (views too) with its
 * columns and statistics into catalog.json, writes a small index.html that shows both, and copies
 * the project's asset-paths into target/.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write target/catalog.json, target/manifest.json and target/index.html.")
final class DocsGenerateCommand extends ProjectCommand {

    @Option(names = "--no-compile", description = "Do not compile the nodes first.")
    boolean noCompile;

    @Option(names = "--empty-catalog", description = "Write a catalog without asking the database.")
    boolean emptyCatalog;

    @Override
    String commandName() {
        return "generate";
    }

    @Override
    int run(Session session) throws IOException {
        try (LiveProject live = new LiveProject(session, console, "generate", Map.of())) {
            reportWarnings(session);
            Map<String, CompiledNode> compiled = new LinkedHashMap<>();
            if (!noCompile) {
                for (Node node : live.manifest().nodes().values()) {
                    if (node.resourceType() != ResourceType.SEED) {
                        try {
                            compiled.put(node.uniqueId(), live.compiler().compile(node));
                        } catch (RuntimeException e) {
                            throw ProjectParsing.unwrap(e);
                        }
                    }
                }
                Parsing.writeManifest(session, live.parsed(), compiled);
            }
            console.info("Building catalog");
            RunResultsWriter.Metadata metadata = new RunResultsWriter.Metadata(DbtVersion.REPORTED, Instant.now(),
                    session.invocationId(), session.startedAt());
            CatalogWriter writer = new CatalogWriter(live.connection(), session.relationStyle());
            CatalogWriter.Catalog catalog = emptyCatalog
                    ? writer.build(new quarry.core.manifest.Manifest(live.manifest().projectName(), Map.of(), Map.of(), Map.of(),
                            Map.of(), Map.of(), Map.of(), Map.of()), metadata)
                    : writer.build(live.manifest(), metadata);
            Path file = session.targetDir().resolve("catalog.json");
            CatalogWriter.write(file, catalog);
            writeIndex(session.targetDir().resolve("index.html"));
            copyAssets(session);
            for (String error : catalog.errors()) {
                console.warn(error);
            }
            console.info("Catalog written to " + file.toAbsolutePath() + " (" + catalog.nodes() + " nodes, "
                    + catalog.sources() + " sources)");
            return ExitCode.SUCCESS;
        }
    }

    /**
     * Copies each of the project's {@code asset-paths} folders to the same relative path under
     * target/, replacing an earlier copy, as dbt does; a listed folder that does not exist is
     * skipped.
     */
    private static void copyAssets(Session session) throws IOException {
        Path root = session.projects().root().root();
        for (String assetPath : session.projects().root().assetPaths()) {
            Path from = root.resolve(assetPath).normalize();
            if (!Files.isDirectory(from)) {
                continue;
            }
            Path to = session.targetDir().resolve(assetPath).normalize();
            FileTrees.delete(to);
            FileTrees.copy(from, to);
        }
    }

    private static void writeIndex(Path file) {
        try (InputStream page = DocsGenerateCommand.class.getResourceAsStream("docs/index.html")) {
            if (page == null) {
                throw new IllegalStateException("index.html is missing from the quarry jar");
            }
            Files.write(file, page.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
