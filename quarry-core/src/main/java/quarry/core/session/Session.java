package quarry.core.session;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import quarry.core.Diagnostics;
import quarry.core.SourceLocation;
import quarry.core.adapter.Adapter;
import quarry.core.adapter.Adapters;
import quarry.core.adapter.Credentials;
import quarry.core.adapter.RelationPolicy;
import quarry.core.adapter.RelationStyle;
import quarry.core.compile.YamlValueRenderer;
import quarry.core.parse.MacroSource;
import quarry.core.project.DbtProject;
import quarry.core.project.DbtProjectLoader;
import quarry.core.project.EnvVars;
import quarry.core.project.ProfileLoader;
import quarry.core.project.ProjectException;
import quarry.core.project.ProjectSet;
import quarry.core.project.Target;
import quarry.core.project.ValueRenderer;
import quarry.core.project.Vars;

/**
 * One invocation's view of a project: the root project and its packages, the chosen profile
 * target validated by its adapter, the variables, and the invocation's id and start time.
 */
public final class Session {

    private final SessionOptions options;
    private final EnvVars env;
    private final Diagnostics diagnostics;
    private final ProjectSet projects;
    private final Target target;
    private final Adapter adapter;
    private final Credentials credentials;
    private final RelationStyle relationStyle;
    private final Vars vars;
    private final String invocationId;
    private final Instant startedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);

    private Session(SessionOptions options, Adapters adapters, String invocationId) {
        this.invocationId = java.util.Objects.requireNonNull(invocationId, "invocationId");
        this.options = options;
        this.env = new EnvVars(options.environment());
        this.diagnostics = new Diagnostics();
        ValueRenderer projectRenderer = new YamlValueRenderer(env,
                env.reads().watch(options.cliVars(), "var:@cli:"), null);
        Path root = options.projectDir().toAbsolutePath().normalize();
        this.projects = ProjectSet.load(root, new DbtProjectLoader(projectRenderer, diagnostics));
        DbtProject rootProject = projects.root();
        rootProject.requireDbtVersion().ifPresent(req -> {
            if (!req.accepts(DbtVersion.REPORTED)) {
                throw new ProjectException(SourceLocation.of(DbtProjectLoader.FILE), "this project requires dbt "
                        + req.comparisons() + ", and Quarry reads projects of dbt " + DbtVersion.REPORTED);
            }
        });
        this.vars = new Vars(options.cliVars(), rootProject, projects.packages(), env.reads());
        ProfileLoader profiles = new ProfileLoader(env, projectRenderer);
        Path profilesFile = profiles.locate(options.profilesDir(), options.cwd(), root, options.home());
        String profileName = options.profile().orElse(rootProject.profile());
        Target loaded = profiles.load(profilesFile, profileName, options.target());
        this.target = options.threads().map(loaded::withThreads).orElse(loaded);
        this.adapter = adapters.forType(target.type(), SourceLocation.of(profilesFile.toString()));
        this.credentials = adapter.credentials(target.fields());
        this.relationStyle = withProjectQuoting(adapter.relationStyle(), rootProject.quoting());
    }

    public static Session open(SessionOptions options, Adapters adapters) {
        return open(options, adapters, UUID.randomUUID().toString());
    }

    /** A session whose events and artifacts carry {@code invocationId} (the CLI's, known before the session opens). */
    public static Session open(SessionOptions options, Adapters adapters, String invocationId) {
        return new Session(options, adapters, invocationId);
    }

    private static RelationStyle withProjectQuoting(RelationStyle style, Map<String, Object> quoting) {
        RelationPolicy policy = style.quotePolicy();
        for (String part : List.of("database", "schema", "identifier")) {
            Object value = quoting.get(part);
            if (value instanceof Boolean b) {
                policy = policy.with(part, b);
            }
        }
        return style.withQuotePolicy(policy);
    }

    /** A YAML renderer for properties files of a package (vars scoped to it), with Jinja as fallback. */
    public ValueRenderer yamlRenderer(String packageName, ValueRenderer jinjaFallback) {
        return new YamlValueRenderer(env, vars.forPackage(packageName), jinjaFallback);
    }

    /** dbt's built-in macros, then the adapter's. */
    public List<MacroSource> builtinMacros() {
        List<MacroSource> out = new ArrayList<>();
        ClassLoader loader = Session.class.getClassLoader();
        out.addAll(BuiltinMacros.load(loader, BuiltinMacros.CORE_ROOT, "dbt"));
        out.addAll(BuiltinMacros.load(adapter.getClass().getClassLoader(), adapter.macroResourceRoot(),
                "dbt_" + adapter.type()));
        return out;
    }

    public Path targetDir() {
        Path root = projects.root().root();
        return root.resolve(options.targetPath().orElse(projects.root().targetPath()));
    }

    public SessionOptions options() {
        return options;
    }

    public EnvVars env() {
        return env;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public ProjectSet projects() {
        return projects;
    }

    public DbtProject root() {
        return projects.root();
    }

    public Target target() {
        return target;
    }

    public Adapter adapter() {
        return adapter;
    }

    public Credentials credentials() {
        return credentials;
    }

    public RelationStyle relationStyle() {
        return relationStyle;
    }

    public Vars vars() {
        return vars;
    }

    public String invocationId() {
        return invocationId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Optional<String> command() {
        return Optional.ofNullable(options.command());
    }
}
