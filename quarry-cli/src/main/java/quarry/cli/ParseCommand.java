package quarry.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import quarry.core.session.ParseResult;
import quarry.core.session.Session;

/** {@code quarry parse}: reads the project and writes target/manifest.json. */
@Command(name = "parse", mixinStandardHelpOptions = true, description = "Read the project and write target/manifest.json.")
final class ParseCommand extends ProjectCommand {

    @Override
    String commandName() {
        return "parse";
    }

    @Override
    int run(Session session) {
        ParseResult result = Parsing.parse(session, console);
        reportWarnings(session);
        Parsing.writeManifest(session, result, Map.of());
        console.info(Parsing.foundLine(result.manifest()));
        return ExitCode.SUCCESS;
    }
}
