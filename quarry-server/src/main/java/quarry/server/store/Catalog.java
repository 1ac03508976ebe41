package quarry.server.store;

import java.util.ArrayList;
import java.util.HashMap;
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

    // ---- the snapshot after one change (a write publishes it instead of re-reading every table)

    public Catalog withWorkspace(Workspace w) {
        return new Catalog(put(workspaces, w.name(), w), collections, views, aliases);
    }

    public Catalog withoutWorkspace(String name) {
        return new Catalog(remove(workspaces, name), collections, views, aliases);
    }

    public Catalog withCollection(CollectionInfo c) {
        return new Catalog(workspaces, put(collections, c.path(), c), views, aliases);
    }

    public Catalog withoutCollection(CollectionInfo c) {
        return new Catalog(workspaces, remove(collections, c.path()), views, aliases);
    }

    public Catalog withView(ViewInfo v) {
        return new Catalog(workspaces, collections, put(views, v.path(), v), aliases);
    }

    public Catalog withoutView(ViewInfo v) {
        return new Catalog(workspaces, collections, remove(views, v.path()), aliases);
    }

    public Catalog withAlias(AliasInfo a) {
        return new Catalog(workspaces, collections, views, put(aliases, a.path(), a));
    }

    public Catalog withoutAlias(AliasInfo a) {
        return new Catalog(workspaces, collections, views, remove(aliases, a.path()));
    }

    private static <V> Map<String, V> put(Map<String, V> map, String key, V value) {
        Map<String, V> copy = new HashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private static <V> Map<String, V> remove(Map<String, V> map, String key) {
        Map<String, V> copy = new HashMap<>(map);
        copy.remove(key);
        return copy;
    }

    /** Whether a workspace holds anything: collections, views or aliases. */
    public boolean isEmpty(String ws) {
        return collectionsIn(ws).isEmpty() && viewsIn(ws).isEmpty() && aliasesIn(ws).isEmpty();
    }
}
