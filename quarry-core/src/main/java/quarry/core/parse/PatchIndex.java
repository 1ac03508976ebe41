package quarry.core.parse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import quarry.core.Diagnostics;
import quarry.core.SourceLocation;
import quarry.core.manifest.ResourceType;

/** The properties of nodes from every properties file, by package, type and name; a name described twice is an error. */
final class PatchIndex {

    private final Map<String, Properties.Patch> patches = new HashMap<>();
    private final Set<String> used = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Map<String, VersionedFile> versionedFiles = new HashMap<>();

    /** A model file that defines one version of a versioned model. */
    record VersionedFile(Properties.Patch patch, Properties.VersionSpec version) {}

    PatchIndex(Map<String, List<Properties>> propertiesByPackage) {
        propertiesByPackage.forEach((pkg, files) -> {
            for (Properties file : files) {
                for (Properties.Patch patch : file.patches()) {
                    String key = key(pkg, patch.type(), patch.name());
                    Properties.Patch previous = patches.putIfAbsent(key, patch);
                    for (Properties.VersionSpec v : patch.versions()) {
                        String definingFile = v.definedIn() != null ? v.definedIn() : patch.name() + "_v" + v.v();
                        versionedFiles.put(pkg + "/" + definingFile, new VersionedFile(patch, v));
                    }
                    if (previous != null) {
                        throw new ParseException(patch.location(), patch.type().dbtName() + " '" + patch.name()
                                + "' is already described in " + previous.location());
                    }
                }
            }
        });
    }

    private static String key(String pkg, ResourceType type, String name) {
        return pkg + "/" + type + "/" + name;
    }

    Optional<Properties.Patch> find(String packageName, ResourceType type, String name) {
        String key = key(packageName, type, name);
        Properties.Patch patch = patches.get(key);
        if (patch != null) {
            used.add(key);
        }
        return Optional.ofNullable(patch);
    }

    /** The version a model file defines, if its base name belongs to a versioned model of the package. */
    Optional<VersionedFile> versionedFile(String packageName, String baseName) {
        VersionedFile found = versionedFiles.get(packageName + "/" + baseName);
        if (found != null) {
            used.add(key(packageName, ResourceType.MODEL, found.patch().name()));
        }
        return Optional.ofNullable(found);
    }

    /** dbt warns when properties name a node that does not exist. */
    void warnUnused(Diagnostics diagnostics) {
        patches.forEach((key, patch) -> {
            if (!used.contains(key)) {
                SourceLocation where = patch.location();
                diagnostics.warn(where, "properties for " + patch.type().dbtName() + " '" + patch.name()
                        + "' match no " + patch.type().dbtName() + " file");
            }
        });
    }
}
