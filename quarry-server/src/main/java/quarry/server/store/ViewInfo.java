package quarry.server.store;

import java.time.Instant;
import java.util.List;

/** A Rockset view: a named query usable in FROM. */
public record ViewInfo(String workspace, String name, String querySql, String description, List<String> entities,
        Instant createdAt, Instant modifiedAt) {
    public ViewInfo {
        entities = List.copyOf(entities);
    }

    public String path() {
        return workspace + "." + name;
    }
}
