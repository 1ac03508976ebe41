package quarry.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import quarry.server.query.Translator;
import quarry.server.store.AliasInfo;
import quarry.server.store.Catalog;
import quarry.server.store.CollectionInfo;
import quarry.server.store.MetadataStore;
import quarry.server.store.ViewInfo;
import quarry.server.store.Workspace;

/** Organization, workspaces, collections, views and aliases (spec §4.1–4.6). */
final class MetadataRoutes {

    private static final String BASE = "/v1/orgs/self";

    private final MetadataStore metadata;
    private final Resources json;
    private final ObjectMapper mapper;

    MetadataRoutes(MetadataStore metadata, ObjectMapper mapper) {
        this.metadata = metadata;
        this.mapper = mapper;
        this.json = new Resources(mapper);
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", BASE, r -> organization()),
                Route.of("POST", BASE + "/ws", this::createWorkspace),
                Route.of("GET", BASE + "/ws", r -> listWorkspaces()),
                Route.of("GET", BASE + "/ws/{ws}", r -> json.data(workspace(metadata.requireWorkspace(r.var("ws"))))),
                Route.of("DELETE", BASE + "/ws/{ws}", r -> json.data(workspace(metadata.deleteWorkspace(r.var("ws"))))),
                Route.of("POST", BASE + "/ws/{ws}/collections", this::createCollection),
                Route.of("GET", BASE + "/ws/{ws}/collections", r -> listCollections(r.var("ws"))),
                Route.of("GET", BASE + "/collections", r -> listCollections(null)),
                Route.of("GET", BASE + "/ws/{ws}/collections/{c}", r -> json.data(collection(
                        metadata.requireCollection(r.var("ws"), r.var("c")), "READY"))),
                Route.of("PUT", BASE + "/ws/{ws}/collections/{c}", this::updateCollection),
                Route.of("DELETE", BASE + "/ws/{ws}/collections/{c}", r -> {
                    CollectionInfo deleted = metadata.deleteCollection(r.var("ws"), r.var("c"));
                    return json.data(json.collection(deleted, "DELETED", new long[] {0, 0}));
                }),
                Route.of("POST", BASE + "/ws/{ws}/collections/{c}/offsets/commit", this::commitPost),
                Route.of("GET", BASE + "/ws/{ws}/collections/{c}/offsets/commit", this::commitGet),
                Route.of("POST", BASE + "/ws/{ws}/views", this::createView),
                Route.of("GET", BASE + "/ws/{ws}/views", r -> listViews(r.var("ws"))),
                Route.of("GET", BASE + "/views", r -> listViews(null)),
                Route.of("GET", BASE + "/ws/{ws}/views/{v}", r -> json.data(json.view(
                        metadata.requireView(r.var("ws"), r.var("v")), "CREATED"))),
                Route.of("POST", BASE + "/ws/{ws}/views/{v}", this::updateView),
                Route.of("DELETE", BASE + "/ws/{ws}/views/{v}", r -> json.data(json.view(
                        metadata.deleteView(r.var("ws"), r.var("v")), "DELETED"))),
                Route.of("POST", BASE + "/ws/{ws}/aliases", this::createAlias),
                Route.of("GET", BASE + "/ws/{ws}/aliases", r -> listAliases(r.var("ws"))),
                Route.of("GET", BASE + "/aliases", r -> listAliases(null)),
                Route.of("GET", BASE + "/ws/{ws}/aliases/{a}", r -> json.data(json.alias(
                        metadata.requireAlias(r.var("ws"), r.var("a")), "CREATED"))),
                Route.of("POST", BASE + "/ws/{ws}/aliases/{a}", this::updateAlias),
                Route.of("PUT", BASE + "/ws/{ws}/aliases/{a}", this::updateAlias),
                Route.of("DELETE", BASE + "/ws/{ws}/aliases/{a}", r -> json.data(json.alias(
                        metadata.deleteAlias(r.var("ws"), r.var("a")), "DELETED"))),
                Route.of("GET", BASE + "/virtualinstances", r -> json.data(mapper.createArrayNode()
                        .add(virtualInstance()))),
                Route.of("GET", BASE + "/virtualinstances/{vi}", r -> virtualInstance(r.var("vi"))));
    }

    private JsonNode organization() {
        ObjectNode org = mapper.createObjectNode();
        org.put("id", "quarry");
        org.put("display_name", "Quarry");
        org.put("company_name", "Quarry");
        org.put("created_at", "2024-01-01T00:00:00Z");
        org.putNull("external_id");
        org.putNull("rockset_user");
        org.putNull("sso_connection");
        org.putNull("sso_only");
        org.put("state", "ACTIVE");
        ObjectNode cluster = org.putArray("clusters").addObject();
        cluster.put("id", "local");
        cluster.put("cluster_type", "PUBLIC");
        cluster.put("aws_region", "local");
        cluster.put("domain", "localhost");
        cluster.put("top_level_domain", "");
        cluster.put("apiserver_url", "localhost");
        return json.data(org);
    }

    /** The one synthetic virtual instance every query runs on (spec §4.9). */
    static final String DEFAULT_VI_ID = "00000000-0000-4000-8000-000000000001";

    private ObjectNode virtualInstance() {
        ObjectNode vi = mapper.createObjectNode();
        vi.put("id", DEFAULT_VI_ID);
        vi.put("rrn", "rrn:vi:local:" + DEFAULT_VI_ID);
        vi.put("name", "default");
        vi.put("description", "the Quarry server");
        vi.put("state", "ACTIVE");
        vi.put("current_size", "SMALL");
        vi.put("desired_size", "SMALL");
        vi.put("default_vi", true);
        vi.put("created_at", "2024-01-01T00:00:00Z");
        vi.putNull("created_by");
        return vi;
    }

    private JsonNode virtualInstance(String id) {
        if (!id.equals(DEFAULT_VI_ID) && !id.equals("rrn:vi:local:" + DEFAULT_VI_ID) && !id.equals("default")) {
            throw new ApiException(404, "NOTFOUND", "VIRTUAL_INSTANCE_NOT_FOUND",
                    "Virtual instance \"" + id + "\" not found", null, null, null, null);
        }
        return json.data(virtualInstance());
    }

    private static void requireName(String kind, String name) {
        EntityName.problem(kind, name).ifPresent(p -> {
            throw ApiException.invalid(p);
        });
    }

    // ---- workspaces

    private ObjectNode workspace(Workspace ws) {
        return json.workspace(ws, metadata.catalog().collectionsIn(ws.name()).size());
    }

    private JsonNode createWorkspace(ApiRequest r) {
        Body body = r.json();
        String name = body.requireString("name");
        requireName("Workspace", name);
        return json.data(workspace(metadata.createWorkspace(name, body.optString("description"))));
    }

    private JsonNode listWorkspaces() {
        ArrayNode list = mapper.createArrayNode();
        metadata.catalog().workspaceList().forEach(ws -> list.add(workspace(ws)));
        return json.data(list);
    }

    // ---- collections

    private ObjectNode collection(CollectionInfo c, String status) {
        return json.collection(c, status, metadata.stats(c));
    }

    private JsonNode createCollection(ApiRequest r) {
        Body body = r.json();
        String name = body.requireString("name");
        requireName("Collection", name);
        Long retention = body.optLong("retention_secs");
        if (retention != null && (retention < 3600 || retention >= 315_360_000L)) {
            throw ApiException.invalid("retention_secs must be at least 3600 and under 10 years");
        }
        Body mapping = body.optObject("field_mapping_query");
        String mappingSql = mapping == null ? null : mapping.optString("sql");
        IngestRules.check(mappingSql);
        body.optString("description");
        body.optArray("sources");
        metadata.requireWorkspace(r.var("ws"));
        CollectionInfo created = metadata.createCollection(r.var("ws"), name, body.optString("description"),
                retention, mappingSql);
        return json.data(collection(created, "CREATED"));
    }

    private JsonNode updateCollection(ApiRequest r) {
        Body body = r.jsonOrEmpty();
        Body mapping = body.optObject("field_mapping_query");
        IngestRules.check(mapping == null ? null : mapping.optString("sql"));
        CollectionInfo updated = metadata.updateCollection(r.var("ws"), r.var("c"), body.optString("description"),
                mapping == null ? null : mapping.optString("sql"));
        return json.data(collection(updated, "READY"));
    }

    private JsonNode listCollections(String ws) {
        if (ws != null) {
            metadata.requireWorkspace(ws);
        }
        ArrayNode list = mapper.createArrayNode();
        metadata.catalog().collectionsIn(ws).forEach(c -> list.add(collection(c, "READY")));
        return json.data(list);
    }

    private JsonNode commitPost(ApiRequest r) {
        metadata.requireCollection(r.var("ws"), r.var("c"));
        Body body = r.jsonOrEmpty();
        List<String> fences = body.optStrings("name");
        return commit(fences == null || fences.isEmpty() ? null : fences.get(fences.size() - 1));
    }

    private JsonNode commitGet(ApiRequest r) {
        metadata.requireCollection(r.var("ws"), r.var("c"));
        return commit(r.query().get("fence"));
    }

    /** Writes are applied before they are acknowledged, so every issued fence has passed. */
    private JsonNode commit(String fence) {
        ObjectNode out = mapper.createObjectNode();
        ObjectNode data = out.putObject("data");
        data.put("fence", fence);
        data.put("passed", true);
        out.putObject("offsets").put("commit", fence);
        return out;
    }

    // ---- views

    private JsonNode createView(ApiRequest r) {
        Body body = r.json();
        String name = body.requireString("name");
        requireName("View", name);
        String sql = body.requireString("query");
        String ws = r.var("ws");
        metadata.requireWorkspace(ws);
        List<String> entities = entities(sql);
        ViewInfo v = metadata.createView(ws, name, sql, body.optString("description"), entities);
        return json.data(json.view(v, "CREATED"));
    }

    private JsonNode updateView(ApiRequest r) {
        Body body = r.json();
        String sql = body.requireString("query");
        metadata.requireView(r.var("ws"), r.var("v"));
        ViewInfo v = metadata.updateView(r.var("ws"), r.var("v"), sql, body.optString("description"), entities(sql));
        return json.data(json.view(v, "CREATED"));
    }

    private List<String> entities(String sql) {
        Catalog catalog = metadata.catalog();
        return Translator.references(catalog, sql).entities();
    }

    private JsonNode listViews(String ws) {
        if (ws != null) {
            metadata.requireWorkspace(ws);
        }
        ArrayNode list = mapper.createArrayNode();
        metadata.catalog().viewsIn(ws).forEach(v -> list.add(json.view(v, "CREATED")));
        return json.data(list);
    }

    // ---- aliases

    private JsonNode createAlias(ApiRequest r) {
        Body body = r.json();
        String name = body.requireString("name");
        requireName("Alias", name);
        List<String> collections = body.optStrings("collections");
        if (collections == null) {
            throw ApiException.invalid("field \"collections\" is required");
        }
        AliasInfo a = metadata.createAlias(r.var("ws"), name, collections, body.optString("description"));
        return json.data(json.alias(a, "CREATED"));
    }

    private JsonNode updateAlias(ApiRequest r) {
        Body body = r.json();
        List<String> collections = body.optStrings("collections");
        if (collections == null) {
            throw ApiException.invalid("field \"collections\" is required");
        }
        AliasInfo a = metadata.updateAlias(r.var("ws"), r.var("a"), collections, body.optString("description"));
        return json.data(json.alias(a, "CREATED"));
    }

    private JsonNode listAliases(String ws) {
        if (ws != null) {
            metadata.requireWorkspace(ws);
        }
        ArrayNode list = mapper.createArrayNode();
        metadata.catalog().aliasesIn(ws).forEach(a -> list.add(json.alias(a, "CREATED")));
        return json.data(list);
    }
}
