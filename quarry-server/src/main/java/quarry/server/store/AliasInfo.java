package quarry.server.store;

import java.time.Instant;
import java.util.List;

/** A Rockset alias: a name standing for one collection ({@code ws.coll}), usable in FROM. */
public record AliasInfo(String workspace, String name, List<String> collections, String description,
        Instant createdAt, Instant modifiedAt) {
    public AliasInfo {
        collections = List.copyOf(collections);
    }

    public String path() {
        return workspace + "." + name;
    }
}
