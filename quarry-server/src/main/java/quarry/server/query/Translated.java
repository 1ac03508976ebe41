package quarry.server.query;

import java.util.List;

/** A translated query: its DuckDB SQL and its output columns, in order, hidden ones included. */
record Translated(String sql, List<Output> outputs) {

    /** One output column: Rockset name, DuckDB label, static kind, field mode, hidden. */
    record Output(String name, String label, Scope.Kind kind, boolean field, boolean hidden) {}

    Translated {
        outputs = List.copyOf(outputs);
    }

    boolean hasNulls() {
        return outputs.stream().anyMatch(o -> o.hidden() && o.name().equals("_nulls"));
    }
}
