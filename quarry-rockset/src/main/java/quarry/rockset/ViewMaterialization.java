package quarry.rockset;

import java.util.List;
import java.util.Optional;
import quarry.core.adapter.BuildRequest;
import quarry.core.adapter.BuildResult;

/** dbt's {@code view}: created, or updated in place so views built on it survive; a table of that name is replaced. */
final class ViewMaterialization implements RocksetConnection.Materialization {

    private final RelationOperations operations;

    ViewMaterialization(RelationOperations operations) {
        this.operations = operations;
    }

    @Override
    public BuildResult build(BuildRequest request) {
        operations.createOrReplaceView(request.target().schema(), request.target().identifier(), request.compiledSql());
        return new BuildResult("OK", Optional.empty(), List.of(request.compiledSql()));
    }
}
