package quarry.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import quarry.server.store.AliasInfo;
import quarry.server.store.CollectionInfo;
import quarry.server.store.ViewInfo;
import quarry.server.store.Workspace;

/** The wire JSON of workspaces, collections, views and aliases (spec §4.2–4.6). */
final class Resources {

    private final ObjectMapper mapper;

    Resources(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static String iso(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    ObjectNode data(com.fasterxml.jackson.databind.JsonNode payload) {
        ObjectNode out = mapper.createObjectNode();
        out.set("data", payload);
        return out;
    }

    ObjectNode workspace(Workspace ws, int collectionCount) {
        ObjectNode n = mapper.createObjectNode();
        n.put("name", ws.name());
        n.put("description", ws.description());
        n.put("created_at", iso(ws.createdAt()));
        n.putNull("created_by");
        n.put("collection_count", collectionCount);
        return n;
    }

    ObjectNode collection(CollectionInfo c, String status, long[] stats) {
        ObjectNode n = mapper.createObjectNode();
        n.put("name", c.name());
        n.put("workspace", c.workspace());
        n.put("description", c.description());
        n.put("status", status);
        n.put("created_at", iso(c.createdAt()));
        n.putNull("created_by");
        n.putNull("created_by_apikey_name");
        n.put("retention_secs", c.retentionSecs());
        if (c.fieldMappingSql() == null) {
            n.putNull("field_mapping_query");
        } else {
            n.putObject("field_mapping_query").put("sql", c.fieldMappingSql());
        }
        n.putArray("field_mappings");
        n.putArray("clustering_key");
        n.putArray("aliases");
        n.putArray("sources");
        ObjectNode s = n.putObject("stats");
        s.put("doc_count", stats[0]);
        s.put("total_size", stats[1]);
        s.put("bytes_inserted", stats[1]);
        s.put("bytes_overwritten", 0);
        s.put("purged_doc_count", 0);
        s.put("purged_doc_size", 0);
        s.put("fill_progress", 1.0);
        n.put("storage_compression_type", "LZ4");
        n.put("read_only", false);
        n.put("insert_only", false);
        n.put("rrn", "rrn:col:local:" + c.id());
        return n;
    }

    ObjectNode view(ViewInfo v, String state) {
        ObjectNode n = mapper.createObjectNode();
        n.put("path", v.path());
        n.put("name", v.name());
        n.put("description", v.description());
        n.put("workspace", v.workspace());
        n.putNull("creator_email");
        n.putNull("created_by_apikey_name");
        n.putNull("owner_email");
        n.put("query_sql", v.querySql());
        ArrayNode entities = n.putArray("entities");
        v.entities().forEach(entities::add);
        n.put("state", state);
        n.put("created_at", iso(v.createdAt()));
        n.put("modified_at", iso(v.modifiedAt()));
        return n;
    }

    ObjectNode alias(AliasInfo a, String state) {
        ObjectNode n = mapper.createObjectNode();
        n.put("name", a.name());
        n.put("description", a.description());
        n.put("workspace", a.workspace());
        n.putNull("creator_email");
        n.putNull("created_by_apikey_name");
        ArrayNode collections = n.putArray("collections");
        a.collections().forEach(collections::add);
        n.put("state", state);
        n.put("created_at", iso(a.createdAt()));
        n.put("modified_at", iso(a.modifiedAt()));
        return n;
    }
}
