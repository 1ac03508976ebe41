package quarry.server.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable snapshot of the metadata: workspaces, collections (with their field catalogs),
 * views and aliases, keyed by {@code ws.name}. A query resolves every name against one snapshot.
 */
public record Catalog(Map<String, Workspace> workspaces, Map<String, CollectionInfo> collections,
        Map<String, ViewInfo> views, Map<String, AliasInfo> aliases) {

    public Catalog {
        workspaces = Map.copyOf(workspaces);
        collections = Map.copyOf(collections);
        views = Map.copyOf(views);
        aliases = Map.copyOf(aliases);
    }

    public Optional<Workspace> workspace(String name) {
        return Optional.ofNullable(workspaces.get(name));
    }

    public Optional<CollectionInfo> collection(String ws, String name) {
        return Optional.ofNullable(collections.get(ws + "." + name));
    }

    public Optional<ViewInfo> view(String ws, String name) {
        return Optional.ofNullable(views.get(ws + "." + name));
    }

    public Optional<AliasInfo> alias(String ws, String name) {
        return Optional.ofNullable(aliases.get(ws + "." + name));
    }

    public List<Workspace> workspaceList() {
        return new ArrayList<>(new TreeMap<>(workspaces).values());
    }

    public List<CollectionInfo> collectionsIn(String ws) {
        return new TreeMap<>(collections).values().stream().filter(c -> ws == null || c.workspace().equals(ws)).toList();
    }

    public List<ViewInfo> viewsIn(String ws) {
        return new TreeMap<>(views).values().stream().filter(v -> ws == null || v.workspace().equals(ws)).toList();
    }

    public List<AliasInfo> aliasesIn(String ws) {
        return new TreeMap<>(aliases).values().stream().filter(a -> ws == null || a.workspace().equals(ws)).toList();
    }

    /** Whether a workspace holds anything: collections, views or aliases. */
    public boolean isEmpty(String ws) {
        return collectionsIn(ws).isEmpty() && viewsIn(ws).isEmpty() && aliasesIn(ws).isEmpty();
    }
}
