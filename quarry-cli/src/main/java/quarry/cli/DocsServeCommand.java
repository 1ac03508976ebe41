package quarry.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import quarry.core.project.ProjectException;
import quarry.core.session.Session;

/**
 * {@code quarry docs serve}: serves the target folder (index.html, manifest.json, catalog.json) over
 * HTTP on {@code --host} (default 127.0.0.1) and {@code --port} (default 8080) until Ctrl-C.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the documentation site of target/.")
final class DocsServeCommand extends ProjectCommand {

    @Option(names = "--port", description = "Port to serve on (default 8080; 0 picks a free one).")
    int port = 8080;

    @Option(names = "--host", description = "Address to serve on (default 127.0.0.1).")
    String host = "127.0.0.1";

    @Option(names = "--browser", negatable = true, description = "Accepted for dbt compatibility; no browser is opened.")
    boolean browser;

    @Override
    String commandName() {
        return "serve";
    }

    @Override
    int run(Session session) throws Exception {
        Path target = session.targetDir();
        if (!Files.isRegularFile(target.resolve("index.html"))) {
            throw new ProjectException(quarry.core.SourceLocation.of(session.root().root().relativize(target).toString()),
                    "no index.html here: run `quarry docs generate` first");
        }
        try (DocsServer server = DocsServer.start(target, host, port)) {
            String url = "http://" + host + ":" + server.port();
            console.info("Serving docs at " + url);
            console.info("To access from your browser, navigate to: " + url);
            console.info("Press Ctrl+C to exit.");
            console.flush();
            new CountDownLatch(1).await();
        }
        return ExitCode.SUCCESS;
    }
}
