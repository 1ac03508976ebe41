package quarry.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * RFC 6902 JSON Patch as Rockset's {@code PATCH /docs} applies it (spec §4.4): ops {@code add,
 * replace, remove, copy, move, test} in any letter case, plus Rockset's {@code increment}; paths
 * are JSON Pointers. A failing op fails the whole document's patch.
 */
final class JsonPatch {

    /** A patch that cannot be applied to a document; the message says which op and why. */
    static final class PatchException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PatchException(String message) {
            super(message);
        }
    }

    private JsonPatch() {}

    static void apply(ObjectNode document, ArrayNode operations) {
        for (JsonNode op : operations) {
            if (!op.isObject() || !op.path("op").isTextual() || !op.path("path").isTextual()) {
                throw new PatchException("each patch operation needs a string \"op\" and a string \"path\"");
            }
            String name = op.get("op").asText().toLowerCase(Locale.ROOT);
            List<String> path = pointer(op.get("path").asText());
            if (path.isEmpty() || path.get(0).equals("_id")) {
                throw new PatchException("patch path \"" + op.get("path").asText() + "\" cannot be changed");
            }
            switch (name) {
                case "add" -> put(document, path, value(op), true);
                case "replace" -> {
                    get(document, path);
                    put(document, path, value(op), false);
                }
                case "remove" -> remove(document, path);
                case "copy" -> put(document, path, get(document, pointer(from(op))).deepCopy(), true);
                case "move" -> {
                    JsonNode v = get(document, pointer(from(op)));
                    remove(document, pointer(from(op)));
                    put(document, path, v, true);
                }
                case "test" -> {
                    if (!get(document, path).equals(value(op))) {
                        throw new PatchException("test failed at \"" + op.get("path").asText() + "\"");
                    }
                }
                case "increment" -> {
                    JsonNode current = get(document, path);
                    JsonNode by = op.has("value") ? op.get("value") : JsonNodeFactory.instance.numberNode(1);
                    if (!current.isNumber() || !by.isNumber()) {
                        throw new PatchException("increment needs numbers at \"" + op.get("path").asText() + "\"");
                    }
                    JsonNode sum = current.isIntegralNumber() && by.isIntegralNumber()
                            ? JsonNodeFactory.instance.numberNode(current.longValue() + by.longValue())
                            : JsonNodeFactory.instance.numberNode(current.doubleValue() + by.doubleValue());
                    put(document, path, sum, false);
                }
                default -> throw new PatchException("unknown patch op \"" + op.get("op").asText() + "\"");
            }
        }
    }

    private static JsonNode value(JsonNode op) {
        if (!op.has("value")) {
            throw new PatchException("patch op \"" + op.get("op").asText() + "\" needs a \"value\"");
        }
        return op.get("value");
    }

    private static String from(JsonNode op) {
        if (!op.path("from").isTextual()) {
            throw new PatchException("patch op \"" + op.get("op").asText() + "\" needs a string \"from\"");
        }
        return op.get("from").asText();
    }

    static List<String> pointer(String p) {
        if (p.isEmpty()) {
            return List.of();
        }
        if (!p.startsWith("/")) {
            throw new PatchException("patch path \"" + p + "\" must start with /");
        }
        List<String> out = new ArrayList<>();
        for (String s : p.substring(1).split("/", -1)) {
            out.add(s.replace("~1", "/").replace("~0", "~"));
        }
        return out;
    }

    private static JsonNode get(JsonNode root, List<String> path) {
        JsonNode n = root;
        for (String s : path) {
            if (n.isObject() && n.has(s)) {
                n = n.get(s);
            } else if (n.isArray() && index(s, n.size() - 1) >= 0) {
                n = n.get(index(s, n.size() - 1));
            } else {
                throw new PatchException("path \"/" + String.join("/", path) + "\" does not exist");
            }
        }
        return n;
    }

    private static JsonNode parent(JsonNode root, List<String> path) {
        return get(root, path.subList(0, path.size() - 1));
    }

    private static void put(ObjectNode root, List<String> path, JsonNode value, boolean insert) {
        JsonNode parent = parent(root, path);
        String last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            if (insert && last.equals("-")) {
                a.add(value);
                return;
            }
            int i = index(last, insert ? a.size() : a.size() - 1);
            if (i < 0) {
                throw new PatchException("array index \"" + last + "\" is out of range");
            }
            if (insert) {
                a.insert(i, value);
            } else {
                a.set(i, value);
            }
        } else {
            throw new PatchException("path \"/" + String.join("/", path) + "\" is not inside an object or array");
        }
    }

    private static void remove(ObjectNode root, List<String> path) {
        JsonNode parent = parent(root, path);
        String last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode o && o.has(last)) {
            o.remove(last);
        } else if (parent instanceof ArrayNode a && index(last, a.size() - 1) >= 0) {
            a.remove(index(last, a.size() - 1));
        } else {
            throw new PatchException("path \"/" + String.join("/", path) + "\" does not exist");
        }
    }

    private static int index(String s, int max) {
        try {
            int i = Integer.parseInt(s);
            return i >= 0 && i <= max ? i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
