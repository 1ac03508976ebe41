package quarry.core.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import quarry.core.SourceLocation;
import quarry.core.manifest.Node;
import quarry.core.manifest.ResourceType;
import quarry.core.project.ProjectFile;

/**
 * Builds the nodes of one SQL or CSV file: a model, analysis, singular test, seed, or each
 * {@code {% snapshot %}} block of a snapshot file. Reads the file's refs, sources and
 * {@code config()} statically when it can, else by rendering it at parse time.
 */
final class SqlNodeParser {

    private final ConfigResolver configs;
    private final ParseSettings.Bound jinja;
    private final PatchIndex patches;
    private final SharedConfigs sharedConfigs = new SharedConfigs();

    SqlNodeParser(ConfigResolver configs, ParseSettings.Bound jinja, PatchIndex patches) {
        this.configs = configs;
        this.jinja = jinja;
        this.patches = patches;
    }

    List<Node> parse(String packageName, ProjectFile file, String text, String checksum) {
        return switch (file.kind()) {
            case MODEL -> List.of(model(packageName, file, text, checksum));
            case ANALYSIS -> List.of(sqlNode(ResourceType.ANALYSIS, packageName, file, text, checksum, file.baseName(), null, 1));
            case SINGULAR_TEST -> List.of(sqlNode(ResourceType.TEST, packageName, file, text, checksum, file.baseName(), null, 1));
            case SEED -> List.of(seed(packageName, file, checksum));
            case SNAPSHOT -> snapshots(packageName, file, text, checksum);
            default -> List.of();
        };
    }

    private Node model(String packageName, ProjectFile file, String text, String checksum) {
        Optional<PatchIndex.VersionedFile> versioned = patches.versionedFile(packageName, file.baseName());
        if (versioned.isEmpty()) {
            return sqlNode(ResourceType.MODEL, packageName, file, text, checksum, file.baseName(), null, 1);
        }
        Properties.Patch patch = versioned.get().patch();
        Properties.VersionSpec spec = versioned.get().version();
        String name = patch.name();
        List<String> fqn = new ArrayList<>(fqn(packageName, file, name));
        fqn.add("v" + spec.v());
        Node plain = sqlNode(ResourceType.MODEL, packageName, file, text, checksum, name, fqn, 1);
        Map<String, Object> config = ConfigResolver.over(plain.config(), spec.config(), plain.configCallDict());
        Node.Builder b = plain.toBuilder().uniqueId("model." + packageName + "." + name + ".v" + spec.v())
                .description(patch.description()).columns(patch.columns())
                .patchPath(packageName + "://" + patch.location().file());
        return place(b, config, spec.v()).build();
    }

    private List<Node> snapshots(String packageName, ProjectFile file, String text, String checksum) {
        List<Node> out = new ArrayList<>();
        for (TopLevelBlocks.Block block : TopLevelBlocks.find(text, file.originalFilePath())) {
            if (block.kind().equals("snapshot")) {
                List<String> fqn = new ArrayList<>(fqn(packageName, file, file.baseName()));
                fqn.add(block.name());
                out.add(sqlNode(ResourceType.SNAPSHOT, packageName, file, block.body(), checksum, block.name(), fqn,
                        block.bodyLine()));
            }
        }
        return out;
    }

    /**
     * A snapshot defined in a properties file (dbt 1.9+: {@code relation:} and its config, no SQL
     * file): a snapshot node of that file whose SQL selects everything from the relation.
     */
    Node yamlSnapshot(String packageName, ProjectFile file, Properties.Patch patch) {
        String relation = patch.relation();
        String sql = "select * from {{ " + relation + " }}";
        if (!relation.matches("(?s)\\s*(ref|source)\\s*\\(.*\\)\\s*")) {
            throw new ParseException(patch.location(), "snapshot '" + patch.name() + "': relation must be ref(...)"
                    + " or source(...), not '" + relation + "'");
        }
        return sqlNode(ResourceType.SNAPSHOT, packageName, file, sql, Hashing.sha256(sql + "\n" + patch.config()),
                patch.name(), null, patch.location().line());
    }

    static List<String> fqn(String packageName, ProjectFile file, String name) {
        List<String> fqn = new ArrayList<>();
        fqn.add(packageName);
        fqn.addAll(file.folders());
        fqn.add(name);
        return fqn;
    }

    private Node seed(String packageName, ProjectFile file, String checksum) {
        String name = file.baseName();
        List<String> fqn = fqn(packageName, file, name);
        Optional<Properties.Patch> patch = patches.find(packageName, ResourceType.SEED, name);
        Map<String, Object> config = ConfigResolver.over(configs.projectLayers(ResourceType.SEED, packageName, fqn),
                patch.map(Properties.Patch::config).orElse(null));
        Node.Builder b = Node.builder(ResourceType.SEED, "seed." + packageName + "." + name)
                .packageName(packageName).name(name).path(file.path()).originalFilePath(file.originalFilePath())
                .fqn(fqn).checksum(checksum).language("sql").rawCode("").staticallyParsed(true);
        patch.ifPresent(p -> b.description(p.description()).columns(p.columns()).patchPath(packageName + "://" + p.location().file()));
        return place(b, config, null).build();
    }

    private Node sqlNode(ResourceType type, String packageName, ProjectFile file, String rawCode, String checksum,
            String name, List<String> givenFqn, int firstLine) {
        List<String> fqn = givenFqn == null ? fqn(packageName, file, name) : givenFqn;
        String uniqueId = type.dbtName() + "." + packageName + "." + name;
        Optional<Properties.Patch> patch = type == ResourceType.TEST ? Optional.empty() : patches.find(packageName, type, name);
        Map<String, Object> base = ConfigResolver.over(configs.projectLayers(type, packageName, fqn),
                patch.map(Properties.Patch::config).orElse(null));
        Node.Builder b = Node.builder(type, uniqueId).packageName(packageName).name(name).path(file.path())
                .originalFilePath(file.originalFilePath()).fqn(fqn).checksum(checksum).rawCode(rawCode).language("sql");
        patch.ifPresent(p -> b.description(p.description()).columns(p.columns())
                .patchPath(packageName + "://" + p.location().file()));
        Optional<StaticSql> simple = StaticSql.analyze(rawCode);
        Map<String, Object> configCalls;
        if (simple.isPresent()) {
            configCalls = simple.get().config();
            b.refs(simple.get().refs()).sources(simple.get().sources()).staticallyParsed(true);
        } else {
            NodeDraft draft = new NodeDraft(type, uniqueId, packageName, name, fqn, file.path(),
                    file.originalFilePath(), base, null, rawCode);
            ParseRenderer.Capture capture = jinja.renderer().capture(draft);
            configCalls = capture.config();
            b.refs(capture.refs()).sources(capture.sources()).dependsOnMacros(capture.macros());
        }
        Map<String, Object> config = ConfigResolver.over(base, configCalls);
        b.configCallDict(configCalls);
        if (type == ResourceType.TEST) {
            b.config(config);
        }
        return place(b, config, null).build();
    }

    /** Sets the config and where the node lands: database, schema, alias and its relation name. */
    Node.Builder place(Node.Builder b, Map<String, Object> resolved, String version) {
        Map<String, Object> config = sharedConfigs.of(resolved);
        Node probe = b.config(config).version(version).build();
        NodeDraft draft = new NodeDraft(probe.resourceType(), probe.uniqueId(), probe.packageName(), probe.name(),
                probe.fqn(), probe.path(), probe.originalFilePath(), config, version, probe.rawCode());
        NodeNaming naming = jinja.naming();
        String schema;
        String database;
        if (probe.resourceType() == ResourceType.SNAPSHOT && config.get("target_schema") != null) {
            schema = String.valueOf(config.get("target_schema"));
            database = config.get("target_database") != null ? String.valueOf(config.get("target_database"))
                    : naming.database(null, draft);
        } else {
            schema = naming.schema(stringOrNull(config.get("schema")), draft);
            database = naming.database(stringOrNull(config.get("database")), draft);
        }
        String alias = naming.alias(stringOrNull(config.get("alias")), draft);
        return b.schema(schema).database(database).alias(alias);
    }

    static String stringOrNull(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    static SourceLocation location(ProjectFile file, int line) {
        return new SourceLocation(file.originalFilePath(), line);
    }
}
