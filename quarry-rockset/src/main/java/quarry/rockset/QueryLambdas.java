package quarry.rockset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The query lambda calls of the Rockset API (create, new version, tag, get, list, delete), sent
 * through a {@link RocksetClient}, so they share its authorization and its bounded backoff on
 * HTTP 429, 502-504 and dropped connections.
 */
public final class QueryLambdas {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A default parameter of a lambda: {@code {name, type, value}}. */
    public record Parameter(String name, String type, String value) {
        public Parameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            value = value == null ? "" : value;
        }
    }

    private final RocksetClient client;

    public QueryLambdas(RocksetClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** {@code POST …/lambdas}: the lambda with its first version; returns that version. */
    public JsonNode create(String workspace, String name, String sql, List<Parameter> defaults, String description) {
        ObjectNode body = definition(sql, defaults, description).put("name", name);
        return client.send("POST", RocksetClient.ws(workspace) + "/lambdas", body).path("data");
    }

    /** {@code POST …/lambdas/{ql}/versions}: a new version; returns it. */
    public JsonNode addVersion(String workspace, String name, String sql, List<Parameter> defaults, String description) {
        return client.send("POST", one(workspace, name) + "/versions", definition(sql, defaults, description)).path("data");
    }

    /** {@code GET …/lambdas/{ql}}: the lambda with its {@code latest_version}, if it exists. */
    public Optional<JsonNode> get(String workspace, String name) {
        return RocksetClient.optional(() -> client.send("GET", one(workspace, name), null).path("data"));
    }

    /** {@code GET …/lambdas/{ql}/tags/{tag}}: the version a tag points at, if the tag exists. */
    public Optional<JsonNode> tag(String workspace, String name, String tag) {
        return RocksetClient.optional(() -> client.send("GET", one(workspace, name) + "/tags/" + RocksetClient.encode(tag), null)
                .path("data").path("version"));
    }

    /** {@code POST …/lambdas/{ql}/tags}: points {@code tag} at {@code version} (moving it if it exists). */
    public void setTag(String workspace, String name, String tag, String version) {
        ObjectNode body = JSON.createObjectNode().put("tag_name", tag).put("version", version);
        client.send("POST", one(workspace, name) + "/tags", body);
    }

    public List<JsonNode> list(String workspace) {
        return RocksetClient.list(client.send("GET", RocksetClient.ws(workspace) + "/lambdas", null));
    }

    public boolean delete(String workspace, String name) {
        return RocksetClient.deleted(() -> client.send("DELETE", one(workspace, name), null));
    }

    /** {@code POST …/lambdas/{ql}/tags/{tag}}: runs the tagged version with these parameters over the defaults. */
    public List<JsonNode> execute(String workspace, String name, String tag, List<Parameter> parameters) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("parameters");
        parameters.forEach(p -> list.addObject().put("name", p.name()).put("type", p.type()).put("value", p.value()));
        JsonNode answer = client.send("POST", one(workspace, name) + "/tags/" + RocksetClient.encode(tag), body);
        return RocksetClient.list(JSON.createObjectNode().set("data", answer.path("results")));
    }

    private static ObjectNode definition(String sql, List<Parameter> defaults, String description) {
        ObjectNode body = JSON.createObjectNode().put("description", description).put("is_public", false);
        ObjectNode query = body.putObject("sql").put("query", sql);
        ArrayNode params = query.putArray("default_parameters");
        defaults.forEach(p -> params.addObject().put("name", p.name()).put("type", p.type()).put("value", p.value()));
        return body;
    }

    private static String one(String workspace, String name) {
        return RocksetClient.ws(workspace) + "/lambdas/" + RocksetClient.encode(name);
    }
}
