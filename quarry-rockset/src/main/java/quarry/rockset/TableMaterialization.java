package quarry.rockset;

import java.util.List;
import java.util.Optional;
import quarry.core.adapter.BuildRequest;
import quarry.core.adapter.BuildResult;

/**
 * dbt's {@code table}: the rows go into a fresh collection, and the model's name switches to it
 * only once they are all queryable, so readers never see a half-built or missing table.
 */
final class TableMaterialization implements RocksetConnection.Materialization {

    private final RelationOperations operations;

    TableMaterialization(RelationOperations operations) {
        this.operations = operations;
    }

    @Override
    public BuildResult build(BuildRequest request) {
        long inserted = operations.replaceWithTable(request.target().schema(), request.target().identifier(),
                request.compiledSql());
        return inserted(inserted, request.compiledSql());
    }

    static BuildResult inserted(long count, String sql) {
        Optional<Long> rows = count < 0 ? Optional.empty() : Optional.of(count);
        return new BuildResult(rows.map(n -> "INSERT " + n).orElse("OK"), rows, List.of(sql));
    }
}
