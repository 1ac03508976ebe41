package quarry.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import quarry.server.query.QueryException;
import quarry.server.store.InvalidDocumentException;
import quarry.server.store.StoreException;

/**
 * The one Jetty handler of the server: reads the body (at most 10 MiB), checks the API key,
 * routes, maps every failure to Rockset's error shape once, and logs one line per request
 * (method, path, status, milliseconds; never the key).
 */
final class ApiHandler extends Handler.Abstract {

    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** Oversized bodies up to this size are read to their end before the 413 (see tooLarge). */
    private static final long DRAIN_LIMIT_BYTES = 64L * 1024 * 1024;

    private final List<Route> routes;
    private final Predicate<String> keyCheck;
    private final ObjectMapper mapper;
    private final PrintStream log;

    ApiHandler(List<Route> routes, Predicate<String> keyCheck, ObjectMapper mapper, PrintStream log) {
        this.routes = List.copyOf(routes);
        this.keyCheck = keyCheck;
        this.mapper = mapper;
        this.log = log;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        String path = request.getHttpURI().getPath();
        int status;
        byte[] out;
        String problem = null;
        try {
            JsonNode body = dispatch(request, method, path);
            status = 200;
            out = mapper.writeValueAsBytes(body);
        } catch (ApiException e) {
            status = e.status();
            out = errorBody(e);
        } catch (StoreException e) {
            ApiException api = fromStore(e);
            status = api.status();
            out = errorBody(api);
        } catch (QueryException e) {
            ApiException api = QueryErrors.toApi(e);
            status = api.status();
            out = errorBody(api);
        } catch (InvalidDocumentException e) {
            status = 400;
            out = errorBody(new ApiException(400, "INVALIDINPUT", e.getMessage()));
        } catch (RuntimeException | IOException | Error e) {
            status = 500;
            String traceId = UUID.randomUUID().toString();
            problem = "trace_id=" + traceId + " " + String.valueOf(e).replace('\n', ' ');
            out = errorBody(new ApiException(500, "INTERNALERROR", "INTERNAL_ERROR",
                    "Internal error; see the server log for trace_id " + traceId, null, null, null, null));
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        long ms = (System.nanoTime() - start) / 1_000_000;
        log.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + method + " " + path + " " + status + " " + ms
                + "ms" + (problem == null ? "" : " " + problem));
        response.write(true, ByteBuffer.wrap(out), callback);
        return true;
    }

    private JsonNode dispatch(Request request, String method, String path) throws IOException {
        if ("/".equals(path) && "GET".equals(method)) {
            ObjectNode hello = mapper.createObjectNode();
            hello.put("message", "GO ROCKSET!");
            return hello;
        }
        if (!authenticated(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
            throw new ApiException(401, "AUTHEXCEPTION", "AUTHENTICATION_FAILED",
                    "Authentication failed: invalid API key", null, null, null, null);
        }
        byte[] body = readBody(request);
        List<String> segments = segments(path);
        boolean pathKnown = false;
        for (Route route : routes) {
            Optional<Map<String, String>> vars = route.match(segments);
            if (vars.isEmpty()) {
                continue;
            }
            pathKnown = true;
            if (!route.method().equals(method)) {
                continue;
            }
            return route.handler().handle(new ApiRequest(method, path, vars.get(), query(request), body, mapper));
        }
        if (pathKnown) {
            throw new ApiException(405, "METHODNOTALLOWED", "Method " + method + " is not allowed on " + path);
        }
        throw new ApiException(404, "NOTFOUND", "ROUTE_NOT_FOUND", "No such endpoint: " + method + " " + path,
                null, null, null, null);
    }

    private boolean authenticated(String header) {
        if (header == null) {
            return false;
        }
        String h = header.trim();
        int space = h.indexOf(' ');
        if (space <= 0) {
            return false;
        }
        return h.substring(0, space).equalsIgnoreCase("apikey") && keyCheck.test(h.substring(space + 1).trim());
    }

    private static byte[] readBody(Request request) throws IOException {
        long declared = request.getLength();
        try (InputStream in = Content.Source.asInputStream(request)) {
            if (declared > MAX_BODY_BYTES) {
                throw tooLarge(in, declared);
            }
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw tooLarge(in, declared);
            }
            return bytes;
        }
    }

    /**
     * The 413 for an oversized body. A body of moderate size is read to its end first: answering
     * while the client is still sending makes many clients see a broken pipe instead of the 413.
     */
    private static ApiException tooLarge(InputStream in, long declared) {
        if (declared <= DRAIN_LIMIT_BYTES) {
            byte[] buffer = new byte[64 * 1024];
            try {
                long drained = 0;
                for (int n = in.read(buffer); n >= 0 && drained < DRAIN_LIMIT_BYTES; n = in.read(buffer)) {
                    drained += n;
                }
            } catch (IOException ignored) {
                // the client went away; the answer is the same
            }
        }
        return tooLarge();
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "CONTENTTOOLARGE", "PAYLOAD_TOO_LARGE",
                "Payload size exceeds limit of 10,485,760 bytes", null, null, null, null);
    }

    private static Map<String, String> query(Request request) {
        Map<String, String> out = new HashMap<>();
        Fields fields = Request.extractQueryParameters(request);
        for (Fields.Field f : fields) {
            out.put(f.getName(), f.getValue());
        }
        return out;
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        for (String s : p.split("/", -1)) {
            out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static ApiException fromStore(StoreException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> new ApiException(404, "NOTFOUND", e.messageKey(), e.getMessage(), null, null, null, null);
            case ALREADY_EXISTS -> new ApiException(409, "ALREADYEXISTS", e.messageKey(), e.getMessage(), null, null,
                    null, null);
            case DEPENDENT -> new ApiException(409, "DEPENDENTRESOURCES", e.messageKey(), e.getMessage(), null, null,
                    null, null);
            case CONFLICT -> new ApiException(409, "CONFLICT", e.messageKey(), e.getMessage(), null, null, null, null);
            case INVALID -> new ApiException(400, "INVALIDINPUT", e.messageKey(), e.getMessage(), null, null, null,
                    null);
        };
    }

    private byte[] errorBody(ApiException e) {
        ObjectNode n = mapper.createObjectNode();
        n.put("message", e.getMessage());
        n.put("message_key", e.messageKey());
        n.put("type", e.type());
        n.put("line", e.line());
        n.put("column", e.column());
        n.put("trace_id", UUID.randomUUID().toString());
        n.put("error_id", e.errorId());
        n.put("query_id", e.queryId());
        n.putNull("internal_errors");
        try {
            return mapper.writeValueAsBytes(n);
        } catch (IOException ex) {
            return "{\"message\":\"error\",\"type\":\"INTERNALERROR\"}".getBytes(StandardCharsets.UTF_8);
        }
    }
}
