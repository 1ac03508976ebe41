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
            if (!DEFERRABLE.contains(node.resourceType()) || selected.contains(node.uniqueId())) {
                continue;
            }
            Optional<Relation> earlier = earlierRelation(state, node, style);
            if (earlier.isEmpty() || !favorState && exists(connection, node, existing)) {
                continue;
            }
            out.put(node.uniqueId(), earlier.get());
        }
        return out;
    }

    /**
     * Whether the earlier run built a relation for this node: it had the node, and the node is
     * ephemeral neither here nor there (an ephemeral model is inlined, never built).
     */
    public static boolean builtEarlier(PriorState state, Node node) {
        Optional<JsonNode> earlier = state.resource(node.uniqueId());
        return !node.isEphemeral() && earlier.isPresent()
                && !"ephemeral".equals(earlier.get().path("config").path("materialized").asText());
    }

    /** The relation the earlier run built for a node (its database, schema and alias there), if {@link #builtEarlier}. */
    public static Optional<Relation> earlierRelation(PriorState state, Node node, RelationStyle style) {
        return builtEarlier(state, node) ? state.resource(node.uniqueId()).map(e -> relation(e, style))
                : Optional.empty();
    }

    private static Relation relation(JsonNode earlier, RelationStyle style) {
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
