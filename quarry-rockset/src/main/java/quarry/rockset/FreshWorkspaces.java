package quarry.rockset;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The workspaces this connection created itself, and the names in them it has created, changed or
 * deleted since: in such a workspace any other name is known to be free without asking the server,
 * which saves a materialization's lookups on the first build of a project. Only another client
 * writing the same workspace meanwhile can make that wrong; {@link RelationOperations} then
 * forgets the workspace and asks the server when a write answers 404 or 409. Lookups made for
 * the adapter's own methods ({@code get_relation}, listings) always ask the server.
 */
final class FreshWorkspaces {

    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final Set<String> touched = ConcurrentHashMap.newKeySet();

    /** Records that this connection has just created {@code workspace}. */
    void created(String workspace) {
        created.add(workspace);
    }

    /** Whether {@code ws.name} is known to hold nothing. */
    boolean isFree(String workspace, String name) {
        return created.contains(workspace) && !touched.contains(key(workspace, name));
    }

    /** Called before a request changes {@code ws.name}, or deletes the workspace ({@code name} null). */
    void changing(String workspace, String name) {
        if (name == null) {
            created.remove(workspace);
        } else {
            touched.add(key(workspace, name));
        }
    }

    /** Stops answering for {@code workspace}; returns whether it was answered for. */
    boolean forget(String workspace) {
        return created.remove(workspace);
    }

    private static String key(String workspace, String name) {
        return workspace + '\u0000' + name;
    }
}
