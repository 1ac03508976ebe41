package quarry.core.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import quarry.core.Diagnostics;
import quarry.core.SourceLocation;
import quarry.core.Suggestions;
import quarry.core.manifest.ColumnInfo;
import quarry.core.manifest.Exposure;
import quarry.core.manifest.RefCall;
import quarry.core.manifest.ResourceType;
import quarry.core.manifest.SourceDefinition;
import quarry.core.project.ValueRenderer;
import quarry.core.project.YamlMap;

/**
 * Reads one properties YAML file ({@code models:}, {@code sources:}, {@code seeds:},
 * {@code snapshots:}, {@code analyses:}, {@code macros:}, {@code exposures:}, {@code unit_tests:}), warning about
 * unknown keys with a "did you mean" and naming the line of every error.
 */
public final class PropertiesParser {

    static final Set<String> TOP_KEYS = Set.of("version", "models", "sources", "seeds", "snapshots", "analyses",
            "macros", "exposures", "metrics", "semantic_models", "saved_queries", "unit_tests", "groups", "data_tests",
            "functions");
    static final Set<String> NODE_KEYS = Set.of("name", "description", "config", "columns", "data_tests", "tests",
            "docs", "meta", "tags", "access", "group", "latest_version", "versions", "constraints", "deprecation_date",
            "time_spine", "freshness", "contract", "relation", "identifier", "doc_blocks");
    static final Set<String> COLUMN_KEYS = Set.of("name", "description", "data_type", "meta", "tags", "quote",
            "constraints", "tests", "data_tests", "config", "granularity", "policy_tags", "docs", "doc_blocks");
    static final Set<String> SOURCE_KEYS = Set.of("name", "description", "database", "schema", "loader",
            "loaded_at_field", "loaded_at_query", "meta", "tags", "config", "overrides", "freshness", "quoting", "tables",
            "event_time");
    static final Set<String> TABLE_KEYS = Set.of("name", "identifier", "description", "columns", "tests", "data_tests",
            "loaded_at_field", "loaded_at_query", "freshness", "quoting", "external", "meta", "tags", "config",
            "event_time");

    private final String packageName;
    private final ValueRenderer renderer;
    private final Diagnostics diagnostics;

    public PropertiesParser(String packageName, ValueRenderer renderer, Diagnostics diagnostics) {
        this.packageName = packageName;
        this.renderer = renderer;
        this.diagnostics = diagnostics;
    }

    public Properties parse(Object document, String file) {
        List<Properties.Patch> patches = new ArrayList<>();
        List<SourceDefinition> sources = new ArrayList<>();
        List<Properties.TestEntry> tests = new ArrayList<>();
        List<Properties.MacroPatch> macros = new ArrayList<>();
        List<Exposure> exposures = new ArrayList<>();
        if (document == null) {
            return new Properties(file, patches, sources, tests, macros, exposures);
        }
        if (!(document instanceof YamlMap doc)) {
            throw new ParseException(SourceLocation.of(file), "a properties file must be a mapping with keys such as models: and sources:");
        }
        warnUnknown(doc, TOP_KEYS, file, "properties file");
        for (Map.Entry<String, ResourceType> kind : Map.of("models", ResourceType.MODEL, "seeds", ResourceType.SEED,
                "snapshots", ResourceType.SNAPSHOT, "analyses", ResourceType.ANALYSIS).entrySet()) {
            for (YamlMap entry : entries(doc, kind.getKey(), file)) {
                patches.add(patch(entry, kind.getValue(), file, tests));
            }
        }
        for (YamlMap source : entries(doc, "sources", file)) {
            sources.addAll(source(source, file, tests));
        }
        for (YamlMap macro : entries(doc, "macros", file)) {
            String name = requireName(macro, file, "macro");
            List<String> args = new ArrayList<>();
            if (macro.get("arguments") instanceof List<?> l) {
                for (Object a : l) {
                    if (a instanceof Map<?, ?> m && m.get("name") != null) {
                        args.add(String.valueOf(m.get("name")));
                    }
                }
            }
            macros.add(new Properties.MacroPatch(name, string(macro.get("description")), args,
                    new SourceLocation(file, macro.line())));
        }
        for (YamlMap exposure : entries(doc, "exposures", file)) {
            exposures.add(exposure(exposure, file));
        }
        return new Properties(file, patches, sources, tests, macros, exposures,
                new UnitTestParser(diagnostics).parse(doc, file));
    }

    private Properties.Patch patch(YamlMap entry, ResourceType type, String file, List<Properties.TestEntry> tests) {
        String name = requireName(entry, file, type.dbtName());
        warnUnknown(entry, NODE_KEYS, file, type.dbtName() + " '" + name + "'");
        Map<String, Object> config = new LinkedHashMap<>();
        for (String key : List.of("docs", "meta", "tags", "access", "group", "contract", "freshness")) {
            if (entry.get(key) != null) {
                config.put(key, entry.get(key));
            }
        }
        if (entry.get("config") instanceof Map<?, ?> c) {
            config.putAll(renderConfig(c, new SourceLocation(file, entry.lineOf("config")), type));
        } else if (entry.get("config") != null) {
            throw new ParseException(new SourceLocation(file, entry.lineOf("config")), "config must be a mapping");
        }
        List<Properties.VersionSpec> versions = new ArrayList<>();
        String latest = entry.get("latest_version") == null ? null : StaticSql.versionText(entry.get("latest_version"));
        if (entry.get("versions") instanceof List<?> vs) {
            for (Object v : vs) {
                if (v instanceof YamlMap vm && vm.get("v") != null) {
                    Map<String, Object> vconfig = vm.get("config") instanceof Map<?, ?> c
                            ? renderConfig(c, new SourceLocation(file, vm.lineOf("config")), type) : Map.of();
                    versions.add(new Properties.VersionSpec(StaticSql.versionText(vm.get("v")),
                            string(vm.get("defined_in")), vconfig));
                } else {
                    throw new ParseException(new SourceLocation(file, YamlMap.lineOf(v)), "each version needs a 'v:'");
                }
            }
            if (latest == null && !versions.isEmpty()) {
                latest = versions.stream().map(Properties.VersionSpec::v).max(PropertiesParser::compareVersions).orElse(null);
            }
        }
        Map<String, ColumnInfo> columns = columns(entry, file, type, name, null, versions, tests);
        GenericTestBuilder.Target target = new GenericTestBuilder.Target(name, null, null);
        if (versions.isEmpty()) {
            addTests(entry, type, target, null, file, tests);
        } else {
            for (Properties.VersionSpec v : versions) {
                addTests(entry, type, new GenericTestBuilder.Target(name, null, v.v()), null, file, tests);
            }
        }
        String relation = null;
        if (entry.get("relation") != null) {
            if (type != ResourceType.SNAPSHOT) {
                diagnostics.warn(new SourceLocation(file, entry.lineOf("relation")), "'relation' defines a snapshot;"
                        + " it is ignored on " + type.dbtName() + " '" + name + "'");
            } else {
                relation = String.valueOf(entry.get("relation")).strip();
            }
        }
        return new Properties.Patch(type, name, string(entry.get("description")), config, columns,
                new SourceLocation(file, entry.line()), versions, latest, relation);
    }

    static int compareVersions(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private Map<String, ColumnInfo> columns(YamlMap entry, String file, ResourceType type, String name, String sourceName,
            List<Properties.VersionSpec> versions, List<Properties.TestEntry> tests) {
        Map<String, ColumnInfo> columns = new LinkedHashMap<>();
        Object raw = entry.get("columns");
        if (raw == null) {
            return columns;
        }
        if (!(raw instanceof List<?> list)) {
            throw new ParseException(new SourceLocation(file, entry.lineOf("columns")), "columns must be a list");
        }
        for (Object c : list) {
            if (!(c instanceof YamlMap column) || column.get("name") == null) {
                throw new ParseException(new SourceLocation(file, YamlMap.lineOf(c, "name")), "each column needs a 'name:'");
            }
            String columnName = String.valueOf(column.get("name"));
            warnUnknown(column, COLUMN_KEYS, file, "column '" + columnName + "'");
            @SuppressWarnings("unchecked")
            Map<String, Object> meta = column.get("meta") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            List<String> tags = column.get("tags") instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                    : column.get("tags") != null ? List.of(String.valueOf(column.get("tags"))) : List.of();
            List<Object> constraints = column.get("constraints") instanceof List<?> l ? new ArrayList<>(l) : List.of();
            Object quote = column.get("quote");
            columns.put(columnName, new ColumnInfo(columnName, string(column.get("description")),
                    string(column.get("data_type")), meta, tags, quote instanceof Boolean b ? b : null, constraints));
            if (sourceName != null) {
                addTests(column, ResourceType.SOURCE, new GenericTestBuilder.Target(name, sourceName, null), columnName, file, tests);
            } else if (versions.isEmpty()) {
                addTests(column, type, new GenericTestBuilder.Target(name, null, null), columnName, file, tests);
            } else {
                for (Properties.VersionSpec v : versions) {
                    addTests(column, type, new GenericTestBuilder.Target(name, null, v.v()), columnName, file, tests);
                }
            }
        }
        return columns;
    }

    private void addTests(YamlMap holder, ResourceType type, GenericTestBuilder.Target target, String columnName,
            String file, List<Properties.TestEntry> tests) {
        for (String key : List.of("data_tests", "tests")) {
            Object raw = holder.get(key);
            if (raw == null) {
                continue;
            }
            if (!(raw instanceof List<?> list)) {
                throw new ParseException(new SourceLocation(file, holder.lineOf(key)), key + " must be a list of tests");
            }
            int line = holder.lineOf(key);
            for (Object test : list) {
                int testLine = YamlMap.lineOf(test) > 0 ? YamlMap.lineOf(test) : line;
                tests.add(new Properties.TestEntry(test, type, target, columnName, new SourceLocation(file, testLine)));
            }
        }
    }

    private List<SourceDefinition> source(YamlMap source, String file, List<Properties.TestEntry> tests) {
        String sourceName = requireName(source, file, "source");
        warnUnknown(source, SOURCE_KEYS, file, "source '" + sourceName + "'");
        String database = renderString(source.get("database"), file, source.lineOf("database"));
        String schema = renderString(source.get("schema"), file, source.lineOf("schema"));
        Map<String, Object> sourceConfig = source.get("config") instanceof Map<?, ?> c
                ? renderConfig(c, new SourceLocation(file, source.lineOf("config")), ResourceType.SOURCE) : new LinkedHashMap<>();
        List<SourceDefinition> out = new ArrayList<>();
        Object tables = source.get("tables");
        if (tables == null) {
            return out;
        }
        if (!(tables instanceof List<?> list)) {
            throw new ParseException(new SourceLocation(file, source.lineOf("tables")), "tables must be a list");
        }
        for (Object t : list) {
            if (!(t instanceof YamlMap table)) {
                throw new ParseException(new SourceLocation(file, source.lineOf("tables")), "each table must be a mapping with a name");
            }
            String tableName = requireName(table, file, "source table");
            warnUnknown(table, TABLE_KEYS, file, "source table '" + sourceName + "." + tableName + "'");
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("enabled", true);
            ConfigRules.mergeInto(config, sourceConfig);
            if (table.get("config") instanceof Map<?, ?> c) {
                ConfigRules.mergeInto(config, renderConfig(c, new SourceLocation(file, table.lineOf("config")), ResourceType.SOURCE));
            }
            String identifier = renderString(table.get("identifier"), file, table.lineOf("identifier"));
            Map<String, Object> quoting = new LinkedHashMap<>(map(source.get("quoting")));
            quoting.putAll(map(table.get("quoting")));
            Map<String, Object> freshness = table.containsKey("freshness") ? map(table.get("freshness")) : map(source.get("freshness"));
            Object loadedAt = table.get("loaded_at_field") != null ? table.get("loaded_at_field") : source.get("loaded_at_field");
            List<String> tags = new ArrayList<>();
            for (Object tag : ConfigRules.asList(source.get("tags"))) {
                tags.add(String.valueOf(tag));
            }
            for (Object tag : ConfigRules.asList(table.get("tags"))) {
                if (!tags.contains(String.valueOf(tag))) {
                    tags.add(String.valueOf(tag));
                }
            }
            Map<String, ColumnInfo> columns = columns(table, file, ResourceType.SOURCE, tableName, sourceName, List.of(), tests);
            addTests(table, ResourceType.SOURCE, new GenericTestBuilder.Target(tableName, sourceName, null), null, file, tests);
            String path = file.contains("/") ? file.substring(file.indexOf('/') + 1) : file;
            out.add(new SourceDefinition("source." + packageName + "." + sourceName + "." + tableName, packageName,
                    sourceName, string(source.get("description")), tableName,
                    identifier == null ? tableName : identifier, database, schema == null ? sourceName : schema,
                    string(source.get("loader")), string(table.get("description")), columns, config, quoting, freshness,
                    loadedAt == null ? null : String.valueOf(loadedAt), map(table.get("meta")), map(source.get("meta")), tags,
                    fqnOfSource(file, sourceName, tableName), path, file, map(table.get("external"))));
        }
        return out;
    }

    private List<String> fqnOfSource(String file, String sourceName, String tableName) {
        List<String> fqn = new ArrayList<>();
        fqn.add(packageName);
        String[] parts = file.split("/");
        for (int i = 1; i < parts.length - 1; i++) {
            fqn.add(parts[i]);
        }
        fqn.add(sourceName);
        fqn.add(tableName);
        return fqn;
    }

    private Exposure exposure(YamlMap entry, String file) {
        String name = requireName(entry, file, "exposure");
        List<RefCall> refs = new ArrayList<>();
        List<List<String>> sources = new ArrayList<>();
        if (entry.get("depends_on") instanceof List<?> deps) {
            for (Object dep : deps) {
                Literals.Call call = Literals.call(String.valueOf(dep).replace("{{", "").replace("}}", "").strip());
                if (call != null && call.function().equals("ref") && !call.args().isEmpty()) {
                    List<Object> a = call.args();
                    refs.add(a.size() == 2 ? new RefCall(String.valueOf(a.get(1)), String.valueOf(a.get(0)), null)
                            : new RefCall(String.valueOf(a.get(0)), null, null));
                } else if (call != null && call.function().equals("source") && call.args().size() == 2) {
                    sources.add(List.of(String.valueOf(call.args().get(0)), String.valueOf(call.args().get(1))));
                } else {
                    throw new ParseException(new SourceLocation(file, entry.lineOf("depends_on")),
                            "exposure '" + name + "' depends_on entries must be ref('...') or source('...', '...'), not '" + dep + "'");
                }
            }
        }
        List<String> tags = ConfigRules.asList(entry.get("tags")).stream().map(String::valueOf).toList();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("enabled", true);
        if (entry.get("config") instanceof Map<?, ?> c) {
            config.putAll(renderConfig(c, new SourceLocation(file, entry.lineOf("config")), ResourceType.EXPOSURE));
        }
        return new Exposure("exposure." + packageName + "." + name, packageName, name, string(entry.get("type")),
                string(entry.get("label")), string(entry.get("maturity")), string(entry.get("url")),
                string(entry.get("description")), map(entry.get("owner")), refs, sources, List.of(), tags,
                map(entry.get("meta")), config, List.of(packageName, name),
                file.contains("/") ? file.substring(file.indexOf('/') + 1) : file, file);
    }

    private Map<String, Object> renderConfig(Map<?, ?> raw, SourceLocation where, ResourceType type) {
        Set<String> known = ConfigRules.knownKeys(type);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : raw.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!known.contains(key) && type != ResourceType.EXPOSURE) {
                String hint = Suggestions.didYouMean(key, known);
                if (!hint.isEmpty()) {
                    diagnostics.warn(where.atLine(YamlMap.lineOf(raw, key)), "unknown config '" + key + "'" + hint);
                }
            }
            Object value = e.getValue();
            if (value instanceof String s && !ValueRenderer.isPlain(s) && !key.equals("pre-hook")
                    && !key.equals("post-hook") && !key.equals("where")) {
                value = renderer.render(s, where.atLine(YamlMap.lineOf(raw, key)));
            }
            out.put(ConfigRules.canonicalKey(key), value);
        }
        return out;
    }

    private String renderString(Object value, String file, int line) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s && !ValueRenderer.isPlain(s)) {
            Object rendered = renderer.render(s, new SourceLocation(file, line));
            return rendered == null ? null : String.valueOf(rendered);
        }
        return String.valueOf(value);
    }

    private void warnUnknown(YamlMap map, Set<String> known, String file, String what) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                diagnostics.warn(new SourceLocation(file, map.lineOf(key)),
                        "unknown key '" + key + "' in " + what + Suggestions.didYouMean(key, known));
            }
        }
    }

    private static List<YamlMap> entries(YamlMap doc, String key, String file) {
        Object raw = doc.get(key);
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            throw new ParseException(new SourceLocation(file, doc.lineOf(key)), key + ": must be a list of entries with a name");
        }
        List<YamlMap> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof YamlMap m)) {
                throw new ParseException(new SourceLocation(file, doc.lineOf(key)),
                        "each entry of " + key + ": must be a mapping with a name, not '" + item + "'");
            }
            out.add(m);
        }
        return out;
    }

    private static String requireName(YamlMap entry, String file, String what) {
        Object name = entry.get("name");
        if (name == null || String.valueOf(name).isBlank()) {
            throw new ParseException(new SourceLocation(file, entry.line()), "this " + what + " has no 'name:'");
        }
        return String.valueOf(name);
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
