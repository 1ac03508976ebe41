package quarry.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import quarry.server.query.QueryParameter;
import quarry.server.query.QueryRequest;
import quarry.server.query.QueryService;

/** Queries (spec §4.7): run, validate, status, pages, cancel, list, and the virtual-instance alias. */
final class QueryRoutes {

    private static final String BASE = "/v1/orgs/self";

    private final QueryService queries;

    QueryRoutes(QueryService queries) {
        this.queries = queries;
    }

    List<Route> routes() {
        return List.of(
                Route.of("POST", BASE + "/queries", r -> queries.run(request(r))),
                Route.of("POST", BASE + "/virtualinstances/{vi}/queries", r -> queries.run(request(r))),
                Route.of("POST", BASE + "/queries/validations", r -> queries.validate(request(r))),
                Route.of("GET", BASE + "/queries", r -> queries.list()),
                Route.of("GET", BASE + "/queries/{id}", r -> queries.info(r.var("id"))),
                Route.of("DELETE", BASE + "/queries/{id}", r -> queries.cancel(r.var("id"))),
                Route.of("GET", BASE + "/queries/{id}/pages", r -> queries.page(r.var("id"), r.query().get("cursor"),
                        intParam(r, "docs"), intParam(r, "offset"))));
    }

    private static Integer intParam(ApiRequest r, String name) {
        String v = r.query().get(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("query parameter \"" + name + "\" must be an integer");
        }
    }

    static QueryRequest request(ApiRequest r) {
        Body body = r.json();
        Body sql = body.requireObject("sql");
        String query = sql.requireString("query");
        if (query.isBlank()) {
            throw ApiException.invalid("field \"sql.query\" must not be empty");
        }
        List<QueryParameter> parameters = new ArrayList<>();
        ArrayNode params = sql.optArray("parameters");
        if (params != null) {
            for (JsonNode p : params) {
                if (!p.isObject()) {
                    throw ApiException.invalid("each of \"sql.parameters\" must be an object");
                }
                Body b = new Body((com.fasterxml.jackson.databind.node.ObjectNode) p);
                JsonNode value = p.get("value");
                String text = value == null || value.isNull() ? null : value.isTextual() ? value.textValue()
                        : value.toString();
                parameters.add(new QueryParameter(b.optString("name"), b.optString("type"), text));
            }
        }
        Long defaultRowLimit = sql.optLong("default_row_limit");
        Long initialPaginate = sql.optLong("initial_paginate_response_doc_count");
        sql.optBoolean("generate_warnings");
        Long maxInitial = body.optLong("max_initial_results");
        Body asyncOptions = body.optObject("async_options");
        Long clientTimeout = null;
        Long asyncTimeout = null;
        if (asyncOptions != null) {
            clientTimeout = asyncOptions.optLong("client_timeout_ms");
            asyncTimeout = asyncOptions.optLong("timeout_ms");
            Long m = asyncOptions.optLong("max_initial_results");
            if (maxInitial == null) {
                maxInitial = m;
            }
        }
        if (maxInitial == null && initialPaginate != null && initialPaginate > 0) {
            maxInitial = initialPaginate;
        }
        if (maxInitial != null && (maxInitial < 0 || maxInitial > 100_000)) {
            throw ApiException.invalid("max_initial_results must be between 0 and 100000");
        }
        if (defaultRowLimit != null && defaultRowLimit < 0) {
            throw ApiException.invalid("sql.default_row_limit must not be negative");
        }
        Boolean async = body.optBoolean("async");
        Long timeout = body.optLong("timeout_ms");
        if (timeout == null) {
            timeout = asyncTimeout;
        }
        body.optLong("debug_threshold_ms");
        return new QueryRequest(query, parameters, defaultRowLimit, maxInitial == null ? null : maxInitial.intValue(),
                Boolean.TRUE.equals(async), clientTimeout, timeout);
    }
}
