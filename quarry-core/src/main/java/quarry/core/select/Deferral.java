package quarry.core.select;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import quarry.core.adapter.AdapterConnection;
import quarry.core.adapter.Relation;
import quarry.core.adapter.RelationStyle;
import quarry.core.adapter.RelationType;
import quarry.core.manifest.Manifest;
import quarry.core.manifest.Node;
import quarry.core.manifest.ResourceType;

/**
 * dbt's {@code --defer}: a ref to a model, seed or snapshot that this invocation does not build
 * reads the relation an earlier run built (its manifest given by {@code --state} or
 * {@code --defer-state}), unless the relation of this target already exists; with
 * {@code --favor-state}, the earlier run's relation even when this target has one. Ephemeral
 * models are never deferred: they are inlined.
 */
public final class Deferral {

    private static final Set<ResourceType> DEFERRABLE = Set.of(ResourceType.MODEL, ResourceType.SEED,
            ResourceType.SNAPSHOT);

    private Deferral() {}

    /** The relations, by the unique id of the node they stand for, that refs resolve to instead. */
    public static Map<String, Relation> relations(PriorState state, Manifest manifest, Set<String> selected,
            boolean favorState, AdapterConnection connection, RelationStyle style) {
        Map<String, Relation> out = new LinkedHashMap<>();
        Map<String, Set<String>> existing = new HashMap<>();
        for (Node node : manifest.nodes().values()) {
            if (!DEFERRABLE.contains(node.resourceType()) || selected.contains(node.uniqueId()) || node.isEphemeral()) {
                continue;
            }
            Optional<JsonNode> earlier = state.resource(node.uniqueId());
            if (earlier.isEmpty() || "ephemeral".equals(earlier.get().path("config").path("materialized").asText())) {
                continue;
            }
            if (!favorState && exists(connection, node, existing)) {
                continue;
            }
            out.put(node.uniqueId(), earlierRelation(earlier.get(), style));
        }
        return out;
    }

    /** The relation a node of the earlier manifest was built as (its database, schema and alias). */
    public static Relation earlierRelation(JsonNode earlier, RelationStyle style) {
        String identifier = earlier.path("alias").asText(earlier.path("name").asText());
        RelationType type = "view".equals(earlier.path("config").path("materialized").asText())
                ? RelationType.VIEW : RelationType.TABLE;
        return new Relation(earlier.path("database").asText(null), earlier.path("schema").asText(null), identifier,
                type, style);
    }

    private static boolean exists(AdapterConnection connection, Node node, Map<String, Set<String>> existing) {
        Set<String> names = existing.computeIfAbsent(node.database() + "\u0000" + node.schema(), key -> {
            Set<String> found = new HashSet<>();
            connection.listRelations(node.database(), node.schema()).forEach(r -> found.add(r.identifier()));
            return found;
        });
        return names.contains(node.alias());
    }
}
