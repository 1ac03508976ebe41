package quarry.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One endpoint: a method, a path pattern with {@code {vars}}, and what answers it. */
public record Route(String method, List<String> pattern, Handler handler) {

    /** Answers a matched request with a 200 JSON body, or throws an exception mapped to an error. */
    @FunctionalInterface
    public interface Handler {
        JsonNode handle(ApiRequest request);
    }

    public static Route of(String method, String pattern, Handler handler) {
        return new Route(method, List.of(pattern.substring(1).split("/")), handler);
    }

    /** The path variables when {@code segments} match this pattern. */
    public Optional<Map<String, String>> match(List<String> segments) {
        if (segments.size() != pattern.size()) {
            return Optional.empty();
        }
        Map<String, String> vars = new HashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String p = pattern.get(i);
            String s = segments.get(i);
            if (p.startsWith("{")) {
                if (s.isEmpty()) {
                    return Optional.empty();
                }
                vars.put(p.substring(1, p.length() - 1), s);
            } else if (!p.equals(s)) {
                return Optional.empty();
            }
        }
        return Optional.of(vars);
    }
}
