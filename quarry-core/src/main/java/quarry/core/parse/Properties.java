package quarry.core.parse;

import java.util.List;
import java.util.Map;
import quarry.core.SourceLocation;
import quarry.core.manifest.ColumnInfo;
import quarry.core.manifest.Exposure;
import quarry.core.manifest.ResourceType;
import quarry.core.manifest.SourceDefinition;

/** What one properties YAML file declares, before it is matched to the nodes it describes. */
public record Properties(String file, List<Patch> patches, List<SourceDefinition> sources, List<TestEntry> tests,
        List<MacroPatch> macroPatches, List<Exposure> exposures, List<UnitTestParser.Spec> unitTests) {

    /** A file without unit tests. */
    public Properties(String file, List<Patch> patches, List<SourceDefinition> sources, List<TestEntry> tests,
            List<MacroPatch> macroPatches, List<Exposure> exposures) {
        this(file, patches, sources, tests, macroPatches, exposures, List.of());
    }

    public Properties {
        unitTests = List.copyOf(unitTests);
        patches = List.copyOf(patches);
        sources = List.copyOf(sources);
        tests = List.copyOf(tests);
        macroPatches = List.copyOf(macroPatches);
        exposures = List.copyOf(exposures);
    }

    /**
     * The properties of one model, seed, snapshot or analysis: description, columns and a config
     * layer that sits between the project tree and {@code config()} in the file.
     */
    /**
     * The properties of one model, seed, snapshot or analysis.
     *
     * @param relation a snapshot defined in YAML (dbt 1.9+): what it snapshots, as written
     *     ({@code ref('orders')}, {@code source('shop', 'orders')}); null for every other entry
     */
    public record Patch(ResourceType type, String name, String description, Map<String, Object> config,
            Map<String, ColumnInfo> columns, SourceLocation location, List<VersionSpec> versions, String latestVersion,
            String relation) {}

    /** A model version declared under {@code versions:}: {@code v}, an optional file name and its own overrides. */
    public record VersionSpec(String v, String definedIn, Map<String, Object> config) {}

    /** One generic test entry with what it attaches to; resolved into a node once the target is known. */
    public record TestEntry(Object definition, ResourceType targetType, GenericTestBuilder.Target target,
            String columnName, SourceLocation location) {}

    /** The description and arguments of a macro, from {@code macros:}. */
    public record MacroPatch(String name, String description, List<String> argumentNames, SourceLocation location) {}
}
