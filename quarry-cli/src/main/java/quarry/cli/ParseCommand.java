package quarry.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import quarry.core.session.ParseResult;
import quarry.core.session.ParseState;
import quarry.core.session.Session;

/** {@code quarry parse}: reads the project and writes target/manifest.json. */
@Command(name = "parse", mixinStandardHelpOptions = true, description = "Read the project and write target/manifest.json.")
final class ParseCommand extends ProjectCommand {

    static final String FOUND_UNCHANGED = "target/manifest.json is up to date.";

    @Override
    String commandName() {
        return "parse";
    }

    @Override
    int run(Session session) {
        ParseState state = ParseState.of(session);
        if (project.partialParse && state.matchesSaved(session.targetDir(), session)) {
            console.info("Nothing changed since the last parse; " + FOUND_UNCHANGED);
            return ExitCode.SUCCESS;
        }
        ParseState.forget(session.targetDir());
        Parsing.Parsed parsed = Parsing.parseWith(session, console);
        ParseResult result = parsed.result();
        reportWarnings(session);
        Parsing.writeManifest(session, result, Map.of());
        parsed.timings().mark("write_manifest_elapsed");
        Parsing.writePerfInfo(session, parsed, result.manifest().nodes().size());
        state.save(session.targetDir(), session);
        Parsing.reportFound(console, result.manifest());
        return ExitCode.SUCCESS;
    }
}
