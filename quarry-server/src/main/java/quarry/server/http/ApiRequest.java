package quarry.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** An authenticated request as the routes see it: method, path variables, query parameters, body. */
public record ApiRequest(String method, String path, Map<String, String> vars, Map<String, String> query,
        byte[] body, ObjectMapper mapper) {

    public String var(String name) {
        return vars.get(name);
    }

    /** The body as a JSON object; 400 when it is empty, not JSON, or not an object. */
    public Body json() {
        if (body.length == 0) {
            throw ApiException.invalid("the request body must be a JSON object");
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("the request body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiException.invalid("the request body cannot be read");
        }
        if (!(node instanceof ObjectNode o)) {
            throw ApiException.invalid("the request body must be a JSON object");
        }
        return new Body(o);
    }

    /** The body as a JSON object, or an empty one when the request has no body. */
    public Body jsonOrEmpty() {
        return body.length == 0 ? new Body(mapper.createObjectNode()) : json();
    }
}
