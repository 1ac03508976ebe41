package quarry.core.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quarry.core.Diagnostics;
import quarry.core.SourceLocation;
import quarry.core.manifest.DocBlock;
import quarry.core.manifest.Exposure;
import quarry.core.manifest.Macro;
import quarry.core.manifest.Manifest;
import quarry.core.manifest.Node;
import quarry.core.manifest.RefCall;
import quarry.core.manifest.ResourceType;
import quarry.core.manifest.SourceDefinition;
import quarry.core.project.DbtIgnore;
import quarry.core.project.DbtProject;
import quarry.core.project.FileDiscovery;
import quarry.core.project.ProjectFile;
import quarry.core.project.ProjectFile.FileKind;
import quarry.core.project.ProjectSet;
import quarry.core.project.YamlReader;

/**
 * Parses a project and its packages into a {@link Manifest}: macros and docs first, then properties
 * files, then every SQL and CSV file (in parallel), then generic tests, then refs and sources are
 * resolved. Disabled nodes, and the tests of disabled nodes, are kept apart.
 */
public final class ManifestParser {

    private static final Pattern DOC_CALL = Pattern.compile("\\{\\{\\s*doc\\(\\s*['\"]([^'\"]+)['\"]\\s*(?:,\\s*['\"]([^'\"]+)['\"]\\s*)?\\)\\s*}}");

    private final ProjectSet projects;
    private final ParseSettings settings;
    private final Diagnostics diagnostics;

    private final ParseTimings timings;
    private final ParseReuse reuse;

    public ManifestParser(ProjectSet projects, ParseSettings settings, Diagnostics diagnostics, ParseTimings timings) {
        this(projects, settings, diagnostics, timings, ParseReuse.none(new quarry.core.project.ParseReads()));
    }

    /** A parser that reuses what {@code reuse} says is still right from the last parse, and records this one's. */
    public ManifestParser(ProjectSet projects, ParseSettings settings, Diagnostics diagnostics, ParseTimings timings,
            ParseReuse reuse) {
        this.projects = projects;
        this.settings = settings;
        this.diagnostics = diagnostics;
        this.timings = timings;
        this.reuse = reuse;
    }

    /** The macros of every package, read before anything else so parse-time rendering can use them. */
    public List<Macro> parseMacros() {
        List<Macro> macros = new ArrayList<>();
        for (MacroSource source : settings.builtinMacros()) {
            macros.addAll(MacroParser.macros(source.packageName(), source.path(), source.text()));
        }
        return macros;
    }

    public Manifest parse() {
        List<LoadedFile> files = readAll();
        timings.mark("read_files_elapsed");
        Map<String, Macro> macros = new LinkedHashMap<>();
        for (Macro m : parseMacros()) {
            macros.put(m.uniqueId(), m);
        }
        Map<String, DocBlock> docs = new LinkedHashMap<>();
        for (LoadedFile f : files) {
            if (f.file().kind() == FileKind.MACRO) {
                for (Macro m : reuse.macros(f, () -> MacroParser.macros(f.packageName(), f.file().originalFilePath(),
                        f.text()))) {
                    Macro previous = macros.get(m.uniqueId());
                    if (previous != null && previous.packageName().equals(f.packageName())
                            && !previous.originalFilePath().equals(m.originalFilePath())) {
                        throw new ParseException(new SourceLocation(m.originalFilePath(), m.line()), "macro '" + m.name()
                                + "' is also defined in " + previous.originalFilePath() + ":" + previous.line());
                    }
                    macros.put(m.uniqueId(), m);
                }
            } else if (f.file().kind() == FileKind.DOCS) {
                for (DocBlock d : reuse.docs(f, () -> MacroParser.docs(f.packageName(), f.file().path(),
                        f.file().originalFilePath(), f.text()))) {
                    docs.put(d.uniqueId(), d);
                }
            } else if (f.file().kind() == FileKind.PYTHON_MODEL) {
                diagnostics.warn(SourceLocation.of(f.file().originalFilePath()), "Python models are not supported; skipped");
            }
        }

        timings.mark("load_macros_elapsed");
        ParseSettings.Bound jinja = settings.binder().bind(macros.values());
        reuse.macrosKnown(!(jinja.naming() instanceof DefaultNodeNaming));
        timings.mark("bind_macros_elapsed");
        Map<String, List<Properties>> properties = new LinkedHashMap<>();
        Map<String, ProjectFile> propertyFiles = new ConcurrentHashMap<>();
        List<LoadedFile> yamlFiles = files.stream().filter(f -> f.file().kind() == FileKind.PROPERTIES).toList();
        List<Map.Entry<String, Properties>> parsedYaml = yamlFiles.parallelStream().map(f -> {
            propertyFiles.put(f.packageName() + "/" + f.file().originalFilePath(), f.file());
            return Map.entry(f.packageName(), reuse.properties(f, () -> {
                Object doc = YamlReader.parse(f.text(), f.file().originalFilePath());
                return new PropertiesParser(f.packageName(), settings.yamlRenderer(), diagnostics)
                        .parse(doc, f.file().originalFilePath());
            }));
        }).toList();
        reuse.propertiesKnown();
        for (Map.Entry<String, Properties> e : parsedYaml) {
            properties.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }

        timings.mark("parse_properties_elapsed");
        ConfigResolver configs = new ConfigResolver(projects, diagnostics, settings.yamlRenderer());
        PatchIndex patches = new PatchIndex(properties);
        SqlNodeParser sqlParser = new SqlNodeParser(configs, jinja, patches);
        List<LoadedFile> nodeFiles = files.stream().filter(f -> switch (f.file().kind()) {
            case MODEL, SEED, SINGULAR_TEST, ANALYSIS, SNAPSHOT -> true;
            default -> false;
        }).toList();
        List<Node> parsed = new ArrayList<>(nodeFiles.parallelStream()
                .flatMap(f -> reuse.nodes(f, () -> sqlParser.parse(f.packageName(), f.file(), f.text(), f.checksum()))
                        .stream())
                .toList());
        for (Map.Entry<String, Properties> e : parsedYaml) {
            for (Properties.Patch patch : e.getValue().patches()) {
                if (patch.relation() != null) {
                    parsed.add(sqlParser.yamlSnapshot(e.getKey(),
                            propertyFiles.get(e.getKey() + "/" + patch.location().file()), patch));
                }
            }
        }
        parsed.forEach(n -> patches.find(n.packageName(), n.resourceType(), n.name()));
        patches.warnUnused(diagnostics);
        timings.mark("parse_nodes_elapsed");

        List<SourceDefinition> allSources = new ArrayList<>();
        properties.values().forEach(list -> list.forEach(p -> allSources.addAll(p.sources())));
        List<SourceDefinition> enabledSources = new ArrayList<>();
        List<SourceDefinition> disabledSources = new ArrayList<>();
        for (SourceDefinition s : allSources) {
            Map<String, Object> layer = configs.projectLayers(ResourceType.SOURCE, s.packageName(), s.fqn());
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("enabled", layer.getOrDefault("enabled", true));
            if (layer.get("meta") != null) {
                config.put("meta", layer.get("meta"));
            }
            ConfigRules.mergeInto(config, s.config());
            SourceDefinition withConfig = withConfig(s, config);
            if (withConfig.database() == null) {
                NodeDraft draft = new NodeDraft(ResourceType.SOURCE, s.uniqueId(), s.packageName(), s.name(), s.fqn(),
                        s.path(), s.originalFilePath(), config, null, "");
                withConfig = withDatabase(withConfig, jinja.naming().database(null, draft));
            }
            (withConfig.enabled() ? enabledSources : disabledSources).add(withConfig);
        }

        TestNodeFactory testFactory = new TestNodeFactory(configs, sqlParser, settings.yamlRenderer());
        List<Node> tests = java.util.stream.IntStream.range(0, yamlFiles.size()).parallel()
                .mapToObj(i -> reuse.tests(yamlFiles.get(i), () -> parsedYaml.get(i).getValue().tests().stream()
                        .map(t -> testFactory.build(parsedYaml.get(i).getKey(),
                                propertyFiles.get(parsedYaml.get(i).getKey() + "/" + t.location().file()), t))
                        .toList()))
                .flatMap(List::stream)
                .toList();

        reuse.resultsFinal();
        timings.mark("build_tests_elapsed");
        Map<String, Node> enabled = new LinkedHashMap<>();
        Map<String, Object> disabled = new LinkedHashMap<>();
        List<Node> disabledNodes = new ArrayList<>();
        for (Node n : parsed) {
            if (n.enabled()) {
                Node previous = enabled.put(n.uniqueId(), n);
                if (previous != null) {
                    throw new ParseException(SourceLocation.of(n.originalFilePath()), "dbt found two "
                            + n.resourceType().dbtName() + "s named '" + n.name() + "': " + previous.originalFilePath()
                            + " and " + n.originalFilePath() + "; rename one of them");
                }
            } else {
                disabledNodes.add(n);
            }
        }
        RefResolver resolver = new RefResolver(projects.root().name(), enabled.values(), disabledNodes, enabledSources,
                disabledSources);
        Set<String> disabledSourceNames = new java.util.HashSet<>();
        disabledSources.forEach(s -> disabledSourceNames.add(s.sourceName() + "." + s.name()));
        Set<String> enabledNames = new java.util.HashSet<>();
        enabled.values().stream().filter(RefResolver::isRefable).forEach(n -> enabledNames.add(n.name()));
        Set<String> disabledNames = new java.util.HashSet<>();
        disabledNodes.forEach(n -> disabledNames.add(n.name()));
        for (Node test : tests) {
            if (!test.enabled() || targetDisabled(test, enabledNames, disabledNames, disabledSourceNames)) {
                disabledNodes.add(test);
                continue;
            }
            if (enabled.containsKey(test.uniqueId())) {
                diagnostics.warn(SourceLocation.of(test.originalFilePath()), "test '" + test.name()
                        + "' is defined twice with the same arguments; the second is ignored");
                continue;
            }
            enabled.put(test.uniqueId(), test);
        }
        for (Node n : disabledNodes) {
            disabled.computeIfAbsent(n.uniqueId(), k -> new ArrayList<Object>());
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) disabled.get(n.uniqueId());
            list.add(n);
        }
        for (SourceDefinition s : disabledSources) {
            disabled.put(s.uniqueId(), List.of(s));
        }

        Map<String, Node> resolved = new LinkedHashMap<>();
        List<Node> ordered = new ArrayList<>(enabled.values());
        List<Node> resolvedList = ordered.parallelStream()
                .map(n -> resolveOrDropTest(n, resolver, macros, docs))
                .filter(java.util.Objects::nonNull)
                .toList();
        for (Node n : resolvedList) {
            resolved.put(n.uniqueId(), n);
        }

        timings.mark("process_manifest_elapsed");
        Map<String, SourceDefinition> sourceMap = new LinkedHashMap<>();
        for (SourceDefinition s : enabledSources) {
            sourceMap.put(s.uniqueId(), withDocs(s, docs));
        }
        Map<String, Exposure> exposures = new LinkedHashMap<>();
        properties.values().forEach(list -> list.forEach(p -> p.exposures().forEach(e -> {
            Node pseudo = Node.builder(ResourceType.EXPOSURE, e.uniqueId()).packageName(e.packageName()).name(e.name())
                    .originalFilePath(e.originalFilePath()).fqn(e.fqn()).build();
            List<String> deps = new ArrayList<>();
            for (RefCall ref : e.refs()) {
                deps.add(resolver.resolveRef(pseudo, ref).uniqueId());
            }
            for (List<String> src : e.sources()) {
                deps.add(resolver.resolveSource(pseudo, src.get(0), src.get(1)).uniqueId());
            }
            exposures.put(e.uniqueId(), new Exposure(e.uniqueId(), e.packageName(), e.name(), e.type(), e.label(),
                    e.maturity(), e.url(), e.description(), e.owner(), e.refs(), e.sources(), deps, e.tags(), e.meta(),
                    e.config(), e.fqn(), e.path(), e.originalFilePath()));
        })));
        properties.values().forEach(list -> list.forEach(p -> p.macroPatches().forEach(patch -> {
            macros.values().stream().filter(x -> x.name().equals(patch.name()) && !x.packageName().equals("dbt"))
                    .findFirst().ifPresent(x -> macros.put(x.uniqueId(), new Macro(x.uniqueId(), x.packageName(), x.name(),
                            x.path(), x.originalFilePath(), x.macroSql(), x.arguments(), x.line(),
                            patch.description() == null ? "" : patch.description())));
        })));
        Map<String, quarry.core.manifest.UnitTest> unitTests = new UnitTestLinker(projects, resolver, resolved.values(),
                disabledNames).link(properties);
        return new Manifest(projects.root().name(), resolved, sourceMap, macros, docs, exposures, disabled, Map.of(),
                unitTests);
    }

    private static boolean targetDisabled(Node test, Set<String> enabledNames, Set<String> disabledNames,
            Set<String> disabledSources) {
        if (!test.refs().isEmpty()) {
            String target = test.refs().get(0).name();
            if (!enabledNames.contains(target) && disabledNames.contains(target)) {
                return true;
            }
        }
        for (List<String> src : test.sources()) {
            if (disabledSources.contains(src.get(0) + "." + src.get(1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@link #resolve}, except that a data test whose ref or source is not found is dropped with a
     * warning, as dbt does (a model's missing ref stays an error): projects such as dbt_utils'
     * integration tests declare tests on models that only some adapters build.
     */
    private Node resolveOrDropTest(Node n, RefResolver resolver, Map<String, Macro> macros, Map<String, DocBlock> docs) {
        try {
            return resolve(n, resolver, macros, docs);
        } catch (ParseException e) {
            if (n.resourceType() != ResourceType.TEST || n.testMetadata() == null) {
                throw e;
            }
            String reason = e.location().map(l -> e.getMessage().substring(l.toString().length() + 2))
                    .orElse(e.getMessage());
            diagnostics.warn(SourceLocation.of(n.originalFilePath()), "test '" + n.name() + "' is skipped: " + reason);
            return null;
        }
    }

    private Node resolve(Node n, RefResolver resolver, Map<String, Macro> macros, Map<String, DocBlock> docs) {
        Set<String> deps = new LinkedHashSet<>();
        for (RefCall ref : n.refs()) {
            deps.add(resolver.resolveRef(n, ref).uniqueId());
        }
        for (List<String> src : n.sources()) {
            deps.add(resolver.resolveSource(n, src.get(0), src.get(1)).uniqueId());
        }
        Node.Builder b = n.toBuilder().dependsOnNodes(new ArrayList<>(deps));
        if (n.testMetadata() != null) {
            String namespace = n.testMetadata().namespace();
            String macroName = "test_" + n.testMetadata().name();
            String macroId = findMacro(macros, namespace, macroName, n.packageName());
            if (macroId == null) {
                throw new ParseException(SourceLocation.of(n.originalFilePath()), "generic test '"
                        + (namespace == null ? "" : namespace + ".") + n.testMetadata().name() + "' not found; define it with"
                        + " {% test " + n.testMetadata().name() + "(model, column_name) %} in a macro file"
                        + quarry.core.Suggestions.didYouMean(macroName, macros.values().stream()
                                .map(Macro::name).filter(x -> x.startsWith("test_")).toList()).replace("'test_", "'"));
            }
            List<String> macroDeps = new ArrayList<>();
            macroDeps.add(macroId);
            macroDeps.add("macro.dbt.get_where_subquery");
            b.dependsOnMacros(macroDeps);
            if (n.refs().size() + n.sources().size() > 0) {
                b.attachedNode(deps.iterator().next().startsWith("source.") ? null : deps.iterator().next());
            }
        }
        if (n.description() != null && n.description().contains("doc(")) {
            b.description(renderDocs(n.description(), docs, n));
        }
        return b.build();
    }

    static String findMacro(Map<String, Macro> macros, String namespace, String name, String nodePackage) {
        if (namespace != null) {
            Macro m = macros.get("macro." + namespace + "." + name);
            return m == null ? null : m.uniqueId();
        }
        for (String pkg : List.of(nodePackage, "dbt")) {
            if (macros.containsKey("macro." + pkg + "." + name)) {
                return "macro." + pkg + "." + name;
            }
        }
        return macros.values().stream().filter(m -> m.name().equals(name)).map(Macro::uniqueId).findFirst().orElse(null);
    }

    private SourceDefinition withDocs(SourceDefinition s, Map<String, DocBlock> docs) {
        if (s.description() == null || !s.description().contains("doc(")) {
            return s;
        }
        return new SourceDefinition(s.uniqueId(), s.packageName(), s.sourceName(), s.sourceDescription(), s.name(),
                s.identifier(), s.database(), s.schema(), s.loader(), renderDocs(s.description(), docs, null), s.columns(),
                s.config(), s.quoting(), s.freshness(), s.loadedAtField(), s.meta(), s.sourceMeta(), s.tags(), s.fqn(),
                s.path(), s.originalFilePath(), s.external());
    }

    private static SourceDefinition withConfig(SourceDefinition s, Map<String, Object> config) {
        return new SourceDefinition(s.uniqueId(), s.packageName(), s.sourceName(), s.sourceDescription(), s.name(),
                s.identifier(), s.database(), s.schema(), s.loader(), s.description(), s.columns(), config, s.quoting(),
                s.freshness(), s.loadedAtField(), s.meta(), s.sourceMeta(), s.tags(), s.fqn(), s.path(),
                s.originalFilePath(), s.external());
    }

    private static SourceDefinition withDatabase(SourceDefinition s, String database) {
        return new SourceDefinition(s.uniqueId(), s.packageName(), s.sourceName(), s.sourceDescription(), s.name(),
                s.identifier(), database, s.schema(), s.loader(), s.description(), s.columns(), s.config(), s.quoting(),
                s.freshness(), s.loadedAtField(), s.meta(), s.sourceMeta(), s.tags(), s.fqn(), s.path(),
                s.originalFilePath(), s.external());
    }

    /** Replaces {@code {{ doc('name') }}} in a description with the docs block's text. */
    static String renderDocs(String description, Map<String, DocBlock> docs, Node node) {
        Matcher m = DOC_CALL.matcher(description);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String pkg = m.group(2) == null ? null : m.group(1);
            String name = m.group(2) == null ? m.group(1) : m.group(2);
            DocBlock found = docs.values().stream()
                    .filter(d -> d.name().equals(name) && (pkg == null || d.packageName().equals(pkg)))
                    .findFirst().orElse(null);
            if (found == null) {
                String where = node == null ? "a description" : node.originalFilePath();
                throw new ParseException(SourceLocation.of(node == null ? "properties" : node.patchPath() == null
                        ? where : node.patchPath().replaceFirst("^[^:]*://", "")),
                        "doc('" + name + "') not found" + quarry.core.Suggestions.didYouMean(name,
                                docs.values().stream().map(DocBlock::name).toList()));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(found.blockContents()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private List<LoadedFile> readAll() {
        List<Map.Entry<DbtProject, ProjectFile>> all = new ArrayList<>();
        for (DbtProject project : projects.all()) {
            DbtIgnore ignore = DbtIgnore.load(project.root());
            for (ProjectFile f : FileDiscovery.discover(project, ignore)) {
                all.add(Map.entry(project, f));
            }
        }
        timings.mark("discover_files_elapsed");
        reuse.awaitPrevious();
        return all.parallelStream().map(e -> reuse.load(e.getKey().name(), e.getValue())).toList();
    }
}
