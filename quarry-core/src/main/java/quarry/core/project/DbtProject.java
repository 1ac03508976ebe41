package quarry.core.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A dbt project as its {@code dbt_project.yml} declares it: the root project or an installed package.
 *
 * @param resourceConfigs the path-scoped config trees by resource key ({@code models}, {@code seeds},
 *     {@code snapshots}, {@code data_tests}, {@code sources}, {@code analyses}, {@code exposures}, ...)
 * @param vars the {@code vars:} block as written (global keys and per-package maps)
 */
public record DbtProject(
        Path root,
        String name,
        String version,
        String profile,
        List<String> modelPaths,
        List<String> seedPaths,
        List<String> testPaths,
        List<String> analysisPaths,
        List<String> macroPaths,
        List<String> snapshotPaths,
        List<String> docsPaths,
        List<String> assetPaths,
        String targetPath,
        String logPath,
        String packagesInstallPath,
        List<String> cleanTargets,
        Optional<VersionRequirement> requireDbtVersion,
        Map<String, Object> vars,
        Map<String, Map<String, Object>> resourceConfigs,
        List<String> onRunStart,
        List<String> onRunEnd,
        List<DispatchEntry> dispatch,
        Map<String, Object> quoting,
        Map<String, Object> flags,
        Object queryComment) {

    public DbtProject {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(name, "name");
        modelPaths = List.copyOf(modelPaths);
        seedPaths = List.copyOf(seedPaths);
        testPaths = List.copyOf(testPaths);
        analysisPaths = List.copyOf(analysisPaths);
        macroPaths = List.copyOf(macroPaths);
        snapshotPaths = List.copyOf(snapshotPaths);
        docsPaths = List.copyOf(docsPaths);
        assetPaths = List.copyOf(assetPaths);
        cleanTargets = List.copyOf(cleanTargets);
        onRunStart = List.copyOf(onRunStart);
        onRunEnd = List.copyOf(onRunEnd);
        dispatch = List.copyOf(dispatch);
        Objects.requireNonNull(requireDbtVersion);
    }

    /** One {@code dispatch:} entry: for macros of {@code macroNamespace}, look in these packages in order. */
    public record DispatchEntry(String macroNamespace, List<String> searchOrder) {
        public DispatchEntry {
            Objects.requireNonNull(macroNamespace);
            searchOrder = List.copyOf(searchOrder);
        }
    }

    /** The config tree for a resource key, or an empty map. */
    public Map<String, Object> configTree(String resourceKey) {
        return resourceConfigs.getOrDefault(resourceKey, Map.of());
    }

    /** The search order for a dispatched macro namespace, if the project sets one. */
    public Optional<List<String>> searchOrder(String namespace) {
        return dispatch.stream().filter(d -> d.macroNamespace().equals(namespace))
                .map(DispatchEntry::searchOrder).findFirst();
    }
}
