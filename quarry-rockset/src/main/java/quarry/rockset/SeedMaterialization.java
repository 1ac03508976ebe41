package quarry.rockset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import quarry.core.adapter.BuildRequest;
import quarry.core.adapter.BuildResult;
import quarry.core.seed.SeedTable;

/**
 * dbt's {@code seed}: the typed rows are written through the Write API, in batches within its
 * limits, into a fresh collection that then replaces the seed's previous rows (dbt reloads seeds;
 * dbt-rockset appended them). A view of that name is an error, as in dbt.
 */
final class SeedMaterialization implements RocksetConnection.Materialization {

    private final RelationOperations operations;

    SeedMaterialization(RelationOperations operations) {
        this.operations = operations;
    }

    @Override
    public BuildResult build(BuildRequest request) {
        SeedTable table = request.seed().orElseThrow(() -> new IllegalArgumentException(
                "seed " + request.uniqueId() + " has no rows to load"));
        String workspace = request.target().schema();
        String name = request.target().identifier();
        operations.ensureWorkspace(workspace);
        Optional<ExistingRelation> existing = operations.find(workspace, name);
        if (existing.isPresent() && existing.get().isView() && !request.fullRefresh()) {
            throw new IllegalStateException("Cannot seed to '" + workspace + "." + name
                    + "', it is a view; drop it or run with --full-refresh");
        }
        String fresh = operations.newBuildCollection(workspace, name);
        try {
            RocksetClient client = operations.client();
            for (List<ObjectNode> batch : SeedDocuments.batches(table)) {
                RocksetClient.WriteResult written = client.addDocuments(workspace, fresh, batch);
                for (var status : written.statuses()) {
                    if ("ERROR".equals(status.path("status").asText())) {
                        throw new IllegalStateException("a row of seed " + name + " was rejected: "
                                + status.path("error").path("message").asText());
                    }
                }
                written.lastOffset().ifPresent(fence -> operations.awaitFence(workspace, fresh, fence));
            }
        } catch (RuntimeException e) {
            throw operations.abandon(workspace, fresh, e);
        }
        operations.switchTo(workspace, name, fresh);
        long rows = table.rows().size();
        return new BuildResult("INSERT " + rows, Optional.of(rows), List.of());
    }
}
