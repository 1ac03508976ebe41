package quarry.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import quarry.server.query.QueryException;
import quarry.server.query.QueryParameter;
import quarry.server.query.QueryRequest;
import quarry.server.query.QueryService;
import quarry.server.query.Translator;
import quarry.server.sql.RocksetSqlParser;
import quarry.server.sql.SqlException;
import quarry.server.store.LambdaParameter;
import quarry.server.store.LambdaStore;
import quarry.server.store.LambdaTag;
import quarry.server.store.LambdaVersion;
import quarry.server.store.MetadataStore;

/**
 * Query lambdas (spec §4.8): create, versions, tags, execute by version or tag with parameter
 * overrides by name, list and delete. Execution goes through {@link QueryService} like any query.
 */
final class LambdaRoutes {

    private static final String BASE = "/v1/orgs/self";
    private static final String ONE = BASE + "/ws/{ws}/lambdas/{ql}";

    /** When a version last ran, and how its last run failed, kept for this process only. */
    private record Execution(Instant at, String errorType, String errorMessage) {}

    private final LambdaStore lambdas;
    private final MetadataStore metadata;
    private final QueryService queries;
    private final ObjectMapper mapper;
    private final Resources json;
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();

    LambdaRoutes(LambdaStore lambdas, MetadataStore metadata, QueryService queries, ObjectMapper mapper) {
        this.lambdas = lambdas;
        this.metadata = metadata;
        this.queries = queries;
        this.mapper = mapper;
        this.json = new Resources(mapper);
    }

    List<Route> routes() {
        return List.of(
                Route.of("POST", BASE + "/ws/{ws}/lambdas", this::create),
                Route.of("GET", BASE + "/ws/{ws}/lambdas", r -> list(r.var("ws"))),
                Route.of("GET", BASE + "/lambdas", r -> list(null)),
                Route.of("GET", ONE, r -> json.data(lambda(lambdas.requireLambda(r.var("ws"), r.var("ql"))))),
                Route.of("DELETE", ONE, r -> json.data(lambda(lambdas.delete(r.var("ws"), r.var("ql"))))),
                Route.of("POST", ONE + "/versions", this::addVersion),
                Route.of("GET", ONE + "/versions", r -> versions(r.var("ws"), r.var("ql"))),
                Route.of("GET", ONE + "/versions/{version}", r -> json.data(version(
                        lambdas.requireVersion(r.var("ws"), r.var("ql"), r.var("version"))))),
                Route.of("POST", ONE + "/versions/{version}", r -> execute(r,
                        lambdas.requireVersion(r.var("ws"), r.var("ql"), r.var("version")))),
                Route.of("DELETE", ONE + "/version/{version}", r -> json.data(version(
                        lambdas.deleteVersion(r.var("ws"), r.var("ql"), r.var("version"))))),
                Route.of("DELETE", ONE + "/versions/{version}", r -> json.data(version(
                        lambdas.deleteVersion(r.var("ws"), r.var("ql"), r.var("version"))))),
                Route.of("POST", ONE + "/tags", this::createTag),
                Route.of("GET", ONE + "/tags", r -> tags(r.var("ws"), r.var("ql"))),
                Route.of("GET", ONE + "/tags/{tag}", r -> json.data(tag(
                        lambdas.requireTag(r.var("ws"), r.var("ql"), r.var("tag"))))),
                Route.of("POST", ONE + "/tags/{tag}", r -> execute(r,
                        lambdas.requireTag(r.var("ws"), r.var("ql"), r.var("tag")).version())),
                Route.of("DELETE", ONE + "/tags/{tag}", r -> json.data(tag(
                        lambdas.deleteTag(r.var("ws"), r.var("ql"), r.var("tag"))))));
    }

    // ---- create and versions

    private JsonNode create(ApiRequest r) {
        Body body = r.json();
        String name = body.requireString("name");
        EntityName.problem("Query Lambda", name).ifPresent(p -> {
            throw ApiException.invalid(p);
        });
        Definition d = definition(body);
        metadata.requireWorkspace(r.var("ws"));
        return json.data(version(lambdas.create(r.var("ws"), name, d.description, d.sql, d.defaults,
                collections(d))));
    }

    private JsonNode addVersion(ApiRequest r) {
        Definition d = definition(r.json());
        boolean create = "true".equalsIgnoreCase(r.query().getOrDefault("create", "false"));
        metadata.requireWorkspace(r.var("ws"));
        return json.data(version(lambdas.addVersion(r.var("ws"), r.var("ql"), d.description, d.sql, d.defaults,
                collections(d), create)));
    }

    private record Definition(String sql, List<LambdaParameter> defaults, String description) {}

    private static Definition definition(Body body) {
        Body sql = body.requireObject("sql");
        String query = sql.requireString("query");
        if (query.isBlank()) {
            throw ApiException.invalid("field \"sql.query\" must not be empty");
        }
        List<LambdaParameter> defaults = new ArrayList<>();
        for (QueryParameter p : parameters(sql.optArray("default_parameters"), "sql.default_parameters")) {
            if (p.name() == null || p.name().isEmpty()) {
                throw ApiException.invalid("each of \"sql.default_parameters\" needs a \"name\"");
            }
            defaults.add(new LambdaParameter(p.name(), p.type() == null ? "string" : p.type(), p.value()));
        }
        body.optBoolean("is_public");
        return new Definition(query, defaults, body.optString("description"));
    }

    /**
     * The collections a lambda reads. A syntax error refuses the lambda (400 QUERY_ERROR); a
     * parameter without a default only leaves the list empty until it runs.
     */
    private List<String> collections(Definition d) {
        try {
            RocksetSqlParser.parse(d.sql);
        } catch (SqlException e) {
            throw QueryException.sql(e.getMessage(), e.line(), e.column(), e.errorId());
        }
        try {
            return Translator.translate(metadata.catalog(), d.sql, queryParameters(d.defaults), null).collections();
        } catch (QueryException e) {
            return List.of();
        }
    }

    private JsonNode versions(String ws, String name) {
        ArrayNode list = mapper.createArrayNode();
        lambdas.requireLambda(ws, name).versions().forEach(v -> list.add(version(v)));
        return json.data(list);
    }

    private JsonNode list(String ws) {
        if (ws != null) {
            metadata.requireWorkspace(ws);
        }
        ArrayNode list = mapper.createArrayNode();
        lambdas.lambdas(ws).forEach(l -> list.add(lambda(l)));
        return json.data(list);
    }

    // ---- tags

    private JsonNode createTag(ApiRequest r) {
        Body body = r.json();
        String tag = body.requireString("tag_name");
        String version = body.requireString("version");
        if (tag.isEmpty()) {
            throw ApiException.invalid("field \"tag_name\" must not be empty");
        }
        return json.data(tag(lambdas.tag(r.var("ws"), r.var("ql"), tag, version)));
    }

    private JsonNode tags(String ws, String name) {
        ArrayNode list = mapper.createArrayNode();
        lambdas.tags(ws, name).forEach(t -> list.add(tag(t)));
        return json.data(list);
    }

    // ---- execution

    private JsonNode execute(ApiRequest r, LambdaVersion v) {
        Body body = r.jsonOrEmpty();
        Map<String, QueryParameter> merged = new LinkedHashMap<>();
        for (LambdaParameter p : v.defaultParameters()) {
            merged.put(p.name(), new QueryParameter(p.name(), p.type(), p.value()));
        }
        for (QueryParameter p : parameters(body.optArray("parameters"), "parameters")) {
            if (p.name() == null || p.name().isEmpty()) {
                throw ApiException.invalid("each of \"parameters\" needs a \"name\"");
            }
            merged.put(p.name(), p);
        }
        Long defaultRowLimit = body.optLong("default_row_limit");
        Long maxInitial = body.optLong("max_initial_results");
        Long initialPaginate = body.optLong("initial_paginate_response_doc_count");
        Body asyncOptions = body.optObject("async_options");
        Long clientTimeout = null;
        Long timeout = body.optLong("timeout_ms");
        if (asyncOptions != null) {
            clientTimeout = asyncOptions.optLong("client_timeout_ms");
            if (timeout == null) {
                timeout = asyncOptions.optLong("timeout_ms");
            }
            if (maxInitial == null) {
                maxInitial = asyncOptions.optLong("max_initial_results");
            }
        }
        if (maxInitial == null && initialPaginate != null && initialPaginate > 0) {
            maxInitial = initialPaginate;
        }
        if (maxInitial != null && (maxInitial < 0 || maxInitial > 100_000)) {
            throw ApiException.invalid("max_initial_results must be between 0 and 100000");
        }
        body.optBoolean("paginate");
        body.optString("virtual_instance_id");
        QueryRequest request = new QueryRequest(v.sql(), new ArrayList<>(merged.values()), defaultRowLimit,
                maxInitial == null ? null : maxInitial.intValue(), Boolean.TRUE.equals(body.optBoolean("async")),
                clientTimeout, timeout);
        ObjectNode out;
        try {
            out = queries.run(request);
        } catch (QueryException e) {
            executions.put(v.path(), new Execution(Instant.now(), e.type(), e.getMessage()));
            throw e;
        }
        executions.put(v.path(), new Execution(Instant.now(), null, null));
        out.put("query_lambda_path", v.path());
        return out;
    }

    private static List<QueryParameter> queryParameters(List<LambdaParameter> parameters) {
        return parameters.stream().map(p -> new QueryParameter(p.name(), p.type(), p.value())).toList();
    }

    private static List<QueryParameter> parameters(ArrayNode array, String field) {
        List<QueryParameter> out = new ArrayList<>();
        if (array == null) {
            return out;
        }
        for (JsonNode p : array) {
            if (!(p instanceof ObjectNode o)) {
                throw ApiException.invalid("each of \"" + field + "\" must be an object");
            }
            Body b = new Body(o);
            JsonNode value = p.get("value");
            String text = value == null || value.isNull() ? null : value.isTextual() ? value.textValue()
                    : value.toString();
            out.add(new QueryParameter(b.optString("name"), b.optString("type"), text));
        }
        return out;
    }

    // ---- wire shapes

    private ObjectNode version(LambdaVersion v) {
        ObjectNode n = mapper.createObjectNode();
        n.put("workspace", v.workspace());
        n.put("name", v.name());
        n.put("version", v.version());
        n.put("description", v.description());
        ObjectNode sql = n.putObject("sql");
        sql.put("query", v.sql());
        ArrayNode defaults = sql.putArray("default_parameters");
        for (LambdaParameter p : v.defaultParameters()) {
            ObjectNode d = defaults.addObject();
            d.put("name", p.name());
            d.put("type", p.type());
            d.put("value", p.value());
        }
        ArrayNode collections = n.putArray("collections");
        v.collections().forEach(collections::add);
        n.put("state", "ACTIVE");
        ObjectNode stats = n.putObject("stats");
        Execution e = executions.get(v.path());
        stats.put("last_executed", e == null ? null : Resources.iso(e.at()));
        stats.putNull("last_executed_by");
        stats.put("last_execution_error", e == null ? null : e.errorType());
        stats.put("last_execution_error_message", e == null ? null : e.errorMessage());
        n.put("created_at", Resources.iso(v.createdAt()));
        n.putNull("created_by");
        n.putNull("created_by_apikey_name");
        n.putNull("public_access_id");
        return n;
    }

    private ObjectNode lambda(LambdaStore.Summary s) {
        ObjectNode n = mapper.createObjectNode();
        LambdaVersion latest = s.latest();
        n.put("workspace", s.workspace());
        n.put("name", s.name());
        n.put("version_count", s.versions().size());
        ArrayNode collections = n.putArray("collections");
        latest.collections().forEach(collections::add);
        n.put("last_updated", Resources.iso(latest.createdAt()));
        n.putNull("last_updated_by");
        n.set("latest_version", version(latest));
        return n;
    }

    private ObjectNode tag(LambdaTag t) {
        ObjectNode n = mapper.createObjectNode();
        n.put("tag_name", t.tag());
        n.set("version", version(t.version()));
        return n;
    }
}
