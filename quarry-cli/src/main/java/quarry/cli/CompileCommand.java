package quarry.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import quarry.core.artifacts.CompiledNode;
import quarry.core.compile.Compiler;
import quarry.core.compile.JinjaBinding;
import quarry.core.compile.RenderSettings;
import quarry.core.manifest.Manifest;
import quarry.core.manifest.Node;
import quarry.core.manifest.ResourceType;
import quarry.core.select.NodeSelector;
import quarry.core.session.ProjectParsing;
import quarry.core.session.Session;

/**
 * {@code quarry compile}: renders the selected models, tests, snapshots and analyses into
 * target/compiled/, updates manifest.json with the compiled SQL, and prints the SQL when one node
 * is selected or with {@code --inline}.
 */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Render the SQL of the selected nodes into target/compiled/.")
final class CompileCommand extends ProjectCommand {

    @Mixin
    SelectionOptions selection = new SelectionOptions();

    @Option(names = "--inline", paramLabel = "SQL", description = "Compile this SQL (with refs) and print it.")
    String inline;

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            description = "How the SQL of one node or --inline is printed: as it is, or as JSON {node, compiled}.")
    String output;

    /** Prints one node's compiled SQL, as text or as dbt's JSON object. */
    private void printCompiled(String header, String name, String sql) {
        if (output.equalsIgnoreCase("json")) {
            try {
                java.util.Map<String, Object> object = new java.util.LinkedHashMap<>();
                object.put("node", name);
                object.put("compiled", sql);
                console.result("CompiledNode", "Q042", new com.fasterxml.jackson.databind.ObjectMapper()
                        .writerWithDefaultPrettyPrinter().writeValueAsString(object));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        console.info(header);
        console.result("CompiledNode", "Q042", sql);
    }

    @Override
    String commandName() {
        return "compile";
    }

    @Override
    int run(Session session) {
        if (!output.equalsIgnoreCase("json") && !output.equalsIgnoreCase("text")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--output must be text or json, not '"
                    + output + "'");
        }
        selection.state.load(session);
        Parsing.Parsed parsed = Parsing.parseWith(session, console);
        reportWarnings(session);
        Manifest manifest = parsed.result().manifest();
        Parsing.reportFound(console, manifest);
        try (LazyConnection connection = new LazyConnection(
                () -> session.adapter().connect(session.credentials(), session.root().root()))) {
            RenderSettings settings = ProjectParsing.renderSettings(session, ProjectParsing.flags(commandName(), false),
                    console::info, console::result).withConnection(connection);
            JinjaBinding compiling = ProjectParsing.binding(session, settings);
            compiling.bind(manifest.macros().values());
            return compile(session, parsed, new Compiler(compiling, manifest), connection);
        }
    }

    /** Compiles with a connection opened only if a node's Jinja queries the database, as dbt's compile may. */
    private int compile(Session session, Parsing.Parsed parsed, Compiler parsedCompiler, LazyConnection connection) {
        Manifest manifest = parsed.result().manifest();
        if (inline != null) {
            var refs = InlineRefs.capture(parsed.jinja(), manifest, inline);
            CompiledNode compiled = parsedCompiler.compileInline(inline, refs.refs(), refs.dependsOn());
            printCompiled("Compiled inline node is:", "inline_query", compiled.compiledCode());
            return ExitCode.SUCCESS;
        }
        NodeSelector selector = selection.state.selector(session, manifest, parsed.result().dag());
        Set<String> ids = selection.select(selector);
        Compiler compiler = parsedCompiler.withDeferred(selection.state.deferred(session, manifest, ids, connection));
        List<Node> nodes = new ArrayList<>();
        for (String id : ids) {
            Node n = manifest.nodes().get(id);
            if (n != null && n.resourceType() != ResourceType.SEED) {
                nodes.add(n);
            }
        }
        Map<String, CompiledNode> compiled = new ConcurrentHashMap<>();
        Path targetDir = session.targetDir();
        try {
            nodes.parallelStream().forEach(n -> {
                CompiledNode c = compiler.compile(n);
                compiled.put(n.uniqueId(), c);
                write(targetDir.resolve(n.artifactPath("compiled")), c.compiledCode());
            });
        } catch (RuntimeException e) {
            throw ProjectParsing.unwrap(e);
        }
        Parsing.writeManifest(session, parsed.result(), compiled);
        List<Node> nonTests = nodes.stream().filter(n -> n.resourceType() != ResourceType.TEST).toList();
        if (nonTests.size() == 1 && !selection.select.isEmpty()) {
            Node only = nonTests.get(0);
            printCompiled("Compiled node '" + only.name() + "' is:", only.name(),
                    compiled.get(only.uniqueId()).compiledCode());
        } else {
            console.info("Compiled " + nodes.size() + " node" + (nodes.size() == 1 ? "" : "s") + " into "
                    + session.root().root().relativize(targetDir.resolve("compiled")) + "/");
        }
        return ExitCode.SUCCESS;
    }

    /** Folders already made by this compile: creating each once saves a system call per file. */
    private final Set<Path> made = ConcurrentHashMap.newKeySet();

    /** Folders this compile created: the files in them are new, there is nothing to compare. */
    private final Set<Path> created = ConcurrentHashMap.newKeySet();

    /**
     * Writes a compiled file, unless it already holds this text: on a second compile most files
     * are unchanged, and comparing costs the file system far less than truncating and rewriting
     * (file contents are the same either way; only an unchanged file's modification time stays).
     */
    private void write(Path file, String text) {
        try {
            Path dir = file.getParent();
            if (!made.contains(dir)) {
                // another thread may be making it too: createDirectories tolerates that, and the
                // folder is recorded only once it exists
                if (!Files.isDirectory(dir)) {
                    Files.createDirectories(dir);
                    created.add(dir);
                }
                made.add(dir);
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (!created.contains(dir) && sameContent(file, bytes)) {
                return;
            }
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean sameContent(Path file, byte[] bytes) throws IOException {
        try {
            return Files.size(file) == bytes.length && Arrays.equals(Files.readAllBytes(file), bytes);
        } catch (NoSuchFileException e) {
            return false;
        }
    }
}
