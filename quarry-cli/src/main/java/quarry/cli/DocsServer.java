package quarry.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The static file server of {@code quarry docs serve}: GET and HEAD of the files under one folder
 * (the target folder), {@code /} meaning {@code index.html}; nothing outside the folder is served.
 * Uses the JDK's own HTTP server, as the site is three files.
 */
final class DocsServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "json", "application/json", "js", "text/javascript", "css", "text/css", "svg", "image/svg+xml",
            "png", "image/png");

    private final HttpServer server;

    private DocsServer(HttpServer server) {
        this.server = server;
    }

    static DocsServer start(Path folder, String host, int port) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                serve(root, exchange);
            }
        });
        server.start();
        return new DocsServer(server);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void serve(Path root, HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            reply(exchange, 405, "text/plain", "only GET and HEAD are served\n".getBytes(StandardCharsets.UTF_8), method);
            return;
        }
        String path = exchange.getRequestURI().getPath();
        Path file = root.resolve(path.equals("/") ? "index.html" : path.substring(1)).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            reply(exchange, 404, "text/plain", ("not found: " + path + "\n").getBytes(StandardCharsets.UTF_8), method);
            return;
        }
        String name = file.getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        reply(exchange, 200, TYPES.getOrDefault(extension, "application/octet-stream"), Files.readAllBytes(file), method);
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body, String method) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (method.equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
