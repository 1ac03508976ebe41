package quarry.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** A JSON request body with getters that answer 400 INVALIDINPUT for a missing field or a wrong type. */
public record Body(ObjectNode json) {

    public String requireString(String field) {
        String s = optString(field);
        if (s == null) {
            throw ApiException.invalid("field \"" + field + "\" is required");
        }
        return s;
    }

    public String optString(String field) {
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw ApiException.invalid("field \"" + field + "\" must be a string");
        }
        return n.textValue();
    }

    public Long optLong(String field) {
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw ApiException.invalid("field \"" + field + "\" must be an integer");
        }
        return n.longValue();
    }

    public Boolean optBoolean(String field) {
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            throw ApiException.invalid("field \"" + field + "\" must be a boolean");
        }
        return n.booleanValue();
    }

    public Body optObject(String field) {
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!(n instanceof ObjectNode o)) {
            throw ApiException.invalid("field \"" + field + "\" must be an object");
        }
        return new Body(o);
    }

    public Body requireObject(String field) {
        Body b = optObject(field);
        if (b == null) {
            throw ApiException.invalid("field \"" + field + "\" is required");
        }
        return b;
    }

    public ArrayNode optArray(String field) {
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!(n instanceof ArrayNode a)) {
            throw ApiException.invalid("field \"" + field + "\" must be an array");
        }
        return a;
    }

    public ArrayNode requireArray(String field) {
        ArrayNode a = optArray(field);
        if (a == null) {
            throw ApiException.invalid("field \"" + field + "\" is required");
        }
        return a;
    }

    public List<String> optStrings(String field) {
        ArrayNode a = optArray(field);
        if (a == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : a) {
            if (!n.isTextual()) {
                throw ApiException.invalid("field \"" + field + "\" must be an array of strings");
            }
            out.add(n.textValue());
        }
        return out;
    }
}
