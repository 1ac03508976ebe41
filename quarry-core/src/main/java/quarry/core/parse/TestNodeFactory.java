package quarry.core.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import quarry.core.manifest.Node;
import quarry.core.manifest.RefCall;
import quarry.core.manifest.ResourceType;
import quarry.core.manifest.TestMetadata;
import quarry.core.project.ProjectFile;

/** Makes generic test nodes from the test entries of properties files. */
final class TestNodeFactory {

    private static final java.util.regex.Pattern LOOKS_LIKE_CALL =
            java.util.regex.Pattern.compile("^\\s*(ref|source)\\s*\\(.+\\)\\s*$", java.util.regex.Pattern.DOTALL);

    /** A generic test has no file of its own: its checksum is that of empty text (the same for every test). */
    private static final String EMPTY_CHECKSUM = Hashing.sha256("");

    private final ConfigResolver configs;
    private final SqlNodeParser placer;
    private final quarry.core.project.ValueRenderer renderer;

    TestNodeFactory(ConfigResolver configs, SqlNodeParser placer, quarry.core.project.ValueRenderer renderer) {
        this.configs = configs;
        this.placer = placer;
        this.renderer = renderer;
    }

    Node build(String packageName, ProjectFile propertiesFile, Properties.TestEntry entry) {
        GenericTestBuilder.GenericTest test = GenericTestBuilder.build(entry.definition(), entry.target(),
                entry.columnName(), packageName, entry.location(), renderer);
        List<String> fqn = new ArrayList<>();
        fqn.add(packageName);
        fqn.addAll(propertiesFile.folders());
        fqn.add(test.name());
        Map<String, Object> config = ConfigResolver.over(configs.projectLayers(ResourceType.TEST, packageName, fqn),
                test.config());
        if (config.get("severity") instanceof String s) {
            config.put("severity", s.toUpperCase(java.util.Locale.ROOT));
        }
        List<RefCall> refs = new ArrayList<>();
        List<List<String>> sources = new ArrayList<>();
        GenericTestBuilder.Target target = entry.target();
        if (target.isSource()) {
            sources.add(List.of(target.sourceName(), target.name()));
        } else {
            refs.add(new RefCall(target.name(), null, target.version()));
        }
        for (Map.Entry<String, Object> kwarg : test.kwargs().entrySet()) {
            if (!kwarg.getKey().equals("model") && kwarg.getValue() instanceof String s) {
                collectCalls(s, refs, sources);
            }
        }
        String fileKey = (target.isSource() ? "sources." + target.sourceName()
                : keyOf(entry.targetType()) + "." + target.name());
        Map<String, Object> kwargs = new LinkedHashMap<>(test.kwargs());
        Node.Builder b = Node.builder(ResourceType.TEST, test.uniqueId()).packageName(packageName).name(test.name())
                .path(test.fileName() + ".sql").originalFilePath(propertiesFile.originalFilePath()).fqn(fqn)
                .rawCode(test.rawCode()).language("sql").description(test.description())
                .checksum(EMPTY_CHECKSUM).refs(refs).sources(sources)
                .testMetadata(new TestMetadata(test.testName(), test.namespace(), kwargs))
                .columnName(test.columnName()).fileKeyName(fileKey).configCallDict(Map.of()).staticallyParsed(true);
        return placer.place(b, config, null).build();
    }

    private static String keyOf(ResourceType type) {
        return switch (type) {
            case SEED -> "seeds";
            case SNAPSHOT -> "snapshots";
            case ANALYSIS -> "analyses";
            default -> "models";
        };
    }

    /** Refs and sources written as test arguments, such as {@code to: ref('customers')}. */
    static void collectCalls(String value, List<RefCall> refs, List<List<String>> sources) {
        String expression = value.strip();
        if (expression.startsWith("{{") && expression.endsWith("}}")) {
            expression = expression.substring(2, expression.length() - 2).strip();
        }
        if (!LOOKS_LIKE_CALL.matcher(expression).matches()) {
            return;
        }
        Literals.Call call = Literals.call(expression);
        if (call == null) {
            return;
        }
        List<Object> a = call.args();
        if (call.function().equals("ref") && !a.isEmpty()) {
            Object v = call.kwargs().containsKey("v") ? call.kwargs().get("v") : call.kwargs().get("version");
            String version = v == null ? null : StaticSql.versionText(v);
            refs.add(a.size() >= 2 ? new RefCall(String.valueOf(a.get(1)), String.valueOf(a.get(0)), version)
                    : new RefCall(String.valueOf(a.get(0)), null, version));
        } else if (call.function().equals("source") && a.size() == 2) {
            sources.add(List.of(String.valueOf(a.get(0)), String.valueOf(a.get(1))));
        }
    }
}
