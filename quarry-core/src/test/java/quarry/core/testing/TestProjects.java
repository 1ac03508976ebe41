package quarry.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import quarry.core.adapter.Adapters;
import quarry.core.artifacts.CompiledNode;
import quarry.core.compile.Compiler;
import quarry.core.compile.JinjaBinding;
import quarry.core.compile.RenderSettings;
import quarry.core.manifest.Node;
import quarry.core.manifest.ResourceType;
import quarry.core.session.ParseResult;
import quarry.core.session.ProjectParsing;
import quarry.core.session.Session;
import quarry.core.session.SessionOptions;

/** Builds throwaway dbt projects for tests: from test resources or from files given inline, with a test profile. */
public final class TestProjects {

    public static final String PROFILE = """
            test:
              target: dev
              outputs:
                dev:
                  type: quarry_test
                  schema: analytics
                  database: warehouse
                  threads: 2
                prod:
                  type: quarry_test
                  schema: analytics_prod
                  database: warehouse
            """;

    private TestProjects() {}

    /** Writes files (path → text) under a new temporary project folder. */
    public static Path write(Path dir, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path f = dir.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue());
            }
            if (!files.containsKey("profiles.yml")) {
                Files.writeString(dir.resolve("profiles.yml"), PROFILE);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a project from test resources ({@code projects/<name>}) into a temporary folder. */
    public static Path copy(String name, Path into) {
        try {
            Path source = Path.of(TestProjects.class.getResource("/projects/" + name).toURI());
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path p : walk.toList()) {
                    Path dest = into.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(p, dest);
                    }
                }
            }
            if (!Files.exists(into.resolve("profiles.yml"))) {
                Files.writeString(into.resolve("profiles.yml"), PROFILE);
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Session session(Path project, Map<String, Object> vars, Map<String, String> env, String target) {
        SessionOptions options = new SessionOptions(project, Optional.of(project), Optional.empty(),
                Optional.ofNullable(target), vars, Optional.empty(), Optional.empty(), project, project, env, "compile");
        return Session.open(options, new Adapters(List.of(new TestAdapter())));
    }

    public static Session session(Path project) {
        return session(project, Map.of(), Map.of(), null);
    }

    /** A parsed project with what is needed to compile it, and what it logged. */
    public record Parsed(Session session, ParseResult result, JinjaBinding jinja, List<String> logs) {
        public Compiler compiler() {
            return new Compiler(jinja, result.manifest());
        }

        public Node node(String uniqueId) {
            Node n = result.manifest().nodes().get(uniqueId);
            if (n == null) {
                throw new AssertionError("no node " + uniqueId + "; nodes: " + result.manifest().nodes().keySet());
            }
            return n;
        }

        public String compiled(String uniqueId) {
            return compiler().compile(node(uniqueId)).compiledCode();
        }

        /** Every compilable node's SQL by its target path (package/path). */
        public Map<String, String> compileAll() {
            Compiler compiler = compiler();
            Map<String, String> out = new LinkedHashMap<>();
            for (Node n : result.manifest().nodes().values()) {
                if (n.resourceType() != ResourceType.SEED) {
                    CompiledNode c = compiler.compile(n);
                    out.put(n.packageName() + "/" + n.targetWritePath(), c.compiledCode());
                }
            }
            return out;
        }
    }

    public static Parsed parse(Session session) {
        List<String> logs = new ArrayList<>();
        Map<String, Object> flags = new HashMap<>(ProjectParsing.flags("compile", false));
        RenderSettings settings = ProjectParsing.renderSettings(session, flags, logs::add, logs::add);
        JinjaBinding jinja = ProjectParsing.binding(session, settings);
        return new Parsed(session, ProjectParsing.parse(session, jinja), jinja, logs);
    }

    public static Parsed parse(Path project) {
        return parse(session(project));
    }
}
