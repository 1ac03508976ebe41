package quarry.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import quarry.server.http.QuarryServer;
import quarry.server.http.ServerConfig;

/**
 * A dbt project in a temporary folder whose profile points at a real quarry-server on loopback,
 * and a way to run {@code quarry} commands on it as a user would (output captured).
 */
final class CliProject implements AutoCloseable {

    static final String KEY = "cliProjectTestKey-0123456789abcdef";

    /** What one command printed and returned. */
    record Outcome(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private final QuarryServer server;
    private final Path root;

    CliProject(Path root, String workspace) {
        this.root = root;
        this.server = QuarryServer.start(ServerConfig.defaults().withMemoryKey(KEY)
                .withLog(new PrintStream(OutputStream.nullOutputStream())));
        write("dbt_project.yml", """
                name: proj
                version: "1.0"
                config-version: 2
                profile: proj
                """);
        write("profiles.yml", """
                proj:
                  target: dev
                  outputs:
                    dev:
                      type: rockset
                      workspace: %s
                      api_server: %s
                      api_key: %s
                      threads: 2
                """.formatted(workspace, server.url(), KEY));
    }

    Path root() {
        return root;
    }

    QuarryServer server() {
        return server;
    }

    CliProject write(String relative, String text) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    String read(String relative) {
        try {
            return Files.readString(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Outcome quarry(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--project-dir");
        all.add(root.toString());
        all.add("--profiles-dir");
        all.add(root.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    @Override
    public void close() {
        server.close();
    }
}
