package quarry.core.select;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quarry.core.artifacts.UnitTestJson;
import quarry.core.manifest.ColumnInfo;
import quarry.core.manifest.Macro;
import quarry.core.manifest.Manifest;
import quarry.core.manifest.Node;
import quarry.core.manifest.ResourceType;
import quarry.core.manifest.SourceDefinition;
import quarry.core.manifest.UnitTest;

/**
 * dbt's {@code state:} and {@code result:} selection methods: each resource of this project is
 * compared with its entry in the earlier manifest ({@link PriorState}). A resource the earlier
 * manifest lacks is new, and counts as modified in every {@code modified.*} check, as in dbt.
 *
 * <p>What each check compares (docs/state.md): {@code body} the file checksum; {@code configs}
 * the resolved config (a key missing on one side equals an empty or null value on the other);
 * {@code relation} the {@code database}, {@code schema} and {@code alias} configs (not the
 * target's schema, so a production manifest compares with a development run);
 * {@code persisted_descriptions} the descriptions that {@code persist_docs} writes;
 * {@code macros} the text of every macro the node calls, directly or through other macros;
 * {@code contract} the columns' names and data types of a node whose contract is enforced.
 */
final class StateComparison {

    static final List<String> STATES = List.of("new", "old", "modified", "unmodified", "modified.body",
            "modified.configs", "modified.relation", "modified.persisted_descriptions", "modified.macros",
            "modified.contract");

    private static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");

    private final PriorState state;
    private final Manifest manifest;

    StateComparison(PriorState state, Manifest manifest) {
        this.state = state;
        this.manifest = manifest;
    }

    NodeSelector.Matcher stateMatcher(String value) {
        return switch (value) {
            case "new" -> s -> state.resource(s.uniqueId()).isEmpty();
            case "old" -> s -> state.resource(s.uniqueId()).isPresent();
            case "modified" -> s -> modified(s, value);
            case "unmodified" -> s -> state.resource(s.uniqueId()).isPresent() && !modified(s, "modified");
            default -> {
                if (!STATES.contains(value)) {
                    throw new SelectionException("unknown state '" + value + "'; use one of " + String.join(", ", STATES));
                }
                yield s -> modified(s, value);
            }
        };
    }

    /** dbt's {@code source_status:fresher}. */
    NodeSelector.Matcher sourceStatusMatcher(String value) {
        if (!value.equals("fresher")) {
            throw new SelectionException("source_status: takes 'fresher' (sources loaded since the --state run's"
                    + " freshness check), not '" + value + "'");
        }
        java.util.Set<String> fresher = state.fresherSources();
        return s -> fresher.contains(s.uniqueId());
    }

    NodeSelector.Matcher resultMatcher(String value) {
        return s -> state.result(s.uniqueId()).map(value::equals).orElse(false);
    }

    private boolean modified(Selectable s, String check) {
        Optional<JsonNode> earlier = state.resource(s.uniqueId());
        if (earlier.isEmpty()) {
            return true;
        }
        JsonNode old = earlier.get();
        if (s.type() == ResourceType.UNIT_TEST) {
            UnitTest u = manifest.unitTests().get(s.uniqueId());
            return !(u != null && UnitTestJson.checksum(u).equals(old.path("checksum").asText())
                    && sameValue(u.config(), old.path("config")));
        }
        if (s.node() != null) {
            Node n = s.node();
            return switch (check) {
                case "modified.body" -> !sameBody(n, old);
                case "modified.configs" -> !sameValue(n.config(), old.path("config"));
                case "modified.relation" -> !sameRelation(n.config(), old.path("config"));
                case "modified.persisted_descriptions" -> !samePersistedDescriptions(n, old);
                case "modified.macros" -> macrosModified(n);
                case "modified.contract" -> !sameContract(n, old);
                default -> !sameBody(n, old) || !sameValue(n.config(), old.path("config"))
                        || !sameRelation(n.config(), old.path("config")) || !samePersistedDescriptions(n, old)
                        || macrosModified(n) || !sameContract(n, old)
                        || !sameValue(n.fqn(), old.path("fqn"));
            };
        }
        if (s.source() != null) {
            SourceDefinition src = s.source();
            return !(sameValue(src.identifier(), old.path("identifier")) && sameValue(src.schema(), old.path("schema"))
                    && sameValue(src.loadedAtField(), old.path("loaded_at_field"))
                    && sameValue(src.freshness(), old.path("freshness")) && sameValue(src.quoting(), old.path("quoting"))
                    && sameValue(src.config(), old.path("config")) && sameValue(src.fqn(), old.path("fqn")));
        }
        // exposures: their definition as configured
        return !(sameValue(s.config(), old.path("config")) && sameValue(s.fqn(), old.path("fqn")));
    }

    private static boolean sameBody(Node n, JsonNode old) {
        String checksum = n.manifestChecksum();
        return checksum != null && checksum.equals(old.path("checksum").path("checksum").asText(null));
    }

    private static boolean sameRelation(Map<String, Object> config, JsonNode old) {
        for (String key : new String[] {"database", "schema", "alias"}) {
            if (!sameValue(config.get(key), old.path(key))) {
                return false;
            }
        }
        return true;
    }

    private static boolean samePersistedDescriptions(Node n, JsonNode old) {
        Object persist = n.config().get("persist_docs");
        Map<?, ?> docs = persist instanceof Map<?, ?> m ? m : Map.of();
        if (Boolean.TRUE.equals(docs.get("relation")) && !sameValue(n.description(), old.path("description"))) {
            return false;
        }
        if (Boolean.TRUE.equals(docs.get("columns"))) {
            JsonNode oldColumns = old.path("columns");
            if (oldColumns.size() != n.columns().size()) {
                return false;
            }
            for (ColumnInfo c : n.columns().values()) {
                if (!sameValue(c.description(), oldColumns.path(c.name()).path("description"))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean sameContract(Node n, JsonNode old) {
        Object contract = n.config().get("contract");
        boolean enforced = contract instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("enforced"));
        boolean wasEnforced = old.path("config").path("contract").path("enforced").asBoolean(false);
        if (!enforced && !wasEnforced) {
            return true;
        }
        if (enforced != wasEnforced) {
            return false;
        }
        JsonNode oldColumns = old.path("columns");
        if (oldColumns.size() != n.columns().size()) {
            return false;
        }
        for (ColumnInfo c : n.columns().values()) {
            JsonNode o = oldColumns.path(c.name());
            if (o.isMissingNode() || !sameValue(c.dataType(), o.path("data_type"))) {
                return false;
            }
        }
        return true;
    }

    /** Whether any macro the node calls, or any macro those call (by name), has changed text since. */
    private boolean macrosModified(Node n) {
        Deque<String> pending = new ArrayDeque<>(n.dependsOnMacros());
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String id = pending.pop();
            if (!seen.add(id)) {
                continue;
            }
            Macro macro = manifest.macros().get(id);
            if (macro == null) {
                continue;
            }
            Optional<String> before = state.macroSql(id);
            if (before.isEmpty() || !before.get().equals(macro.macroSql())) {
                return true;
            }
            Matcher m = CALL.matcher(macro.macroSql());
            while (m.find()) {
                String called = m.group(1);
                for (String pkg : new String[] {macro.packageName(), manifest.projectName()}) {
                    String calledId = "macro." + pkg + "." + called;
                    if (manifest.macros().containsKey(calledId)) {
                        pending.push(calledId);
                    }
                }
            }
        }
        return false;
    }

    /**
     * A Java value of the manifest against its JSON in the earlier manifest; null, an absent key,
     * and an empty map or list are the same, and numbers compare by value.
     */
    static boolean sameValue(Object value, JsonNode json) {
        if (isEmpty(value)) {
            return json == null || json.isMissingNode() || json.isNull() || json.isContainerNode() && json.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            if (!json.isObject()) {
                return false;
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!sameValue(e.getValue(), json.path(String.valueOf(e.getKey())))) {
                    return false;
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!map.containsKey(e.getKey()) && !sameValue(null, e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof Iterable<?> list) {
            if (!json.isArray()) {
                return false;
            }
            int i = 0;
            for (Object item : list) {
                if (i >= json.size() || !sameValue(item, json.get(i))) {
                    return false;
                }
                i++;
            }
            return i == json.size();
        }
        if (value instanceof Boolean b) {
            return json.isBoolean() && json.booleanValue() == b;
        }
        if (value instanceof Number number) {
            return json.isNumber() && json.doubleValue() == number.doubleValue();
        }
        return json.isValueNode() && !json.isNull() && String.valueOf(value).equals(json.asText());
    }

    private static boolean isEmpty(Object value) {
        return value == null || value instanceof Map<?, ?> m && m.isEmpty()
                || value instanceof java.util.Collection<?> c && c.isEmpty();
    }
}
