package quarry.rockset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import quarry.core.adapter.BuildRequest;
import quarry.core.adapter.BuildResult;

/**
 * dbt-rockset's {@code query_lambda}: the model's compiled SQL becomes a Rockset query lambda named
 * after the model, with the {@code parameters} config as its default parameters. A first build
 * creates it; a later build adds a version when the SQL, the defaults or the description changed
 * (an unchanged model keeps its version, where dbt-rockset added one every run), and every model
 * tag is moved to the version built. Unlike dbt-rockset, pre-hooks run before the lambda is made
 * (the engine runs them), and a retry never re-runs the whole procedure: each request is retried
 * alone by the client's bounded backoff on HTTP 429, 502-504 and dropped connections.
 */
final class QueryLambdaMaterialization implements RocksetConnection.Materialization {

    static final String DESCRIPTION = "Created by Quarry (dbt query_lambda materialization)";

    private final RelationOperations operations;
    private final QueryLambdas lambdas;

    QueryLambdaMaterialization(RelationOperations operations, QueryLambdas lambdas) {
        this.operations = operations;
        this.lambdas = lambdas;
    }

    @Override
    public BuildResult build(BuildRequest request) {
        String workspace = request.target().schema();
        String name = request.target().identifier();
        String sql = request.compiledSql().strip();
        List<QueryLambdas.Parameter> defaults = parameters(request.config().get("parameters"));
        operations.ensureWorkspace(workspace);
        Optional<JsonNode> existing = lambdas.get(workspace, name);
        String version;
        String message;
        if (existing.isEmpty()) {
            version = lambdas.create(workspace, name, sql, defaults, DESCRIPTION).path("version").asText();
            message = "CREATE QUERY LAMBDA version " + version;
        } else if (same(existing.get().path("latest_version"), sql, defaults)) {
            version = existing.get().path("latest_version").path("version").asText();
            message = "OK unchanged version " + version;
        } else {
            version = lambdas.addVersion(workspace, name, sql, defaults, DESCRIPTION).path("version").asText();
            message = "NEW VERSION " + version;
        }
        for (String tag : tags(request.config().get("tags"))) {
            if (!tag.equals("latest")) {
                lambdas.setTag(workspace, name, tag, version);
            }
        }
        return new BuildResult(message, Optional.empty(), List.of(sql));
    }

    private static boolean same(JsonNode latest, String sql, List<QueryLambdas.Parameter> defaults) {
        if (!latest.path("sql").path("query").asText().equals(sql)
                || !DESCRIPTION.equals(latest.path("description").asText(null))) {
            return false;
        }
        List<QueryLambdas.Parameter> current = new ArrayList<>();
        for (JsonNode p : latest.path("sql").path("default_parameters")) {
            current.add(new QueryLambdas.Parameter(p.path("name").asText(), p.path("type").asText(), p.path("value").asText()));
        }
        return current.equals(defaults);
    }

    /** The {@code parameters} config: a list of {@code {name, type, value}} mappings. */
    static List<QueryLambdas.Parameter> parameters(Object configured) {
        if (configured == null) {
            return List.of();
        }
        if (!(configured instanceof List<?> list)) {
            throw new IllegalArgumentException("the parameters config of a query_lambda must be a list of"
                    + " {name, type, value} mappings, not " + configured);
        }
        List<QueryLambdas.Parameter> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map) || map.get("name") == null || map.get("type") == null) {
                throw new IllegalArgumentException("each query_lambda parameter needs a name and a type"
                        + " (and a default value), e.g. {'name': 'limit', 'type': 'int', 'value': '10'}; got " + item);
            }
            Object value = map.get("value");
            out.add(new QueryLambdas.Parameter(String.valueOf(map.get("name")), String.valueOf(map.get("type")),
                    value == null ? null : String.valueOf(value)));
        }
        return out;
    }

    private static Set<String> tags(Object configured) {
        Set<String> out = new LinkedHashSet<>();
        if (configured instanceof List<?> list) {
            list.forEach(t -> out.add(String.valueOf(t)));
        } else if (configured instanceof String single && !single.isBlank()) {
            out.add(single);
        }
        return out;
    }
}
