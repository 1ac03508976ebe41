package quarry.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import quarry.core.session.ParseResult;
import quarry.core.session.ParseState;
import quarry.core.session.PartialParse;
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
        CompletableFuture<ParseState> fingerprint;
        if (ParseState.savedIn(session.targetDir())) {
            ParseState state = ParseState.of(session);
            if (project.partialParse && state.matchesSaved(session.targetDir(), session)) {
                console.info("Nothing changed since the last parse; " + FOUND_UNCHANGED);
                return ExitCode.SUCCESS;
            }
            fingerprint = CompletableFuture.completedFuture(state);
        } else {
            // Nothing saved to compare with: the files are fingerprinted while the project parses,
            // on a thread of its own (the common pool's one worker on two cores parses).
            fingerprint = new CompletableFuture<>();
            CompletableFuture<ParseState> pending = fingerprint;
            Thread walker = new Thread(() -> {
                try {
                    pending.complete(ParseState.of(session));
                } catch (RuntimeException | Error e) {
                    pending.completeExceptionally(e);
                }
            }, "quarry-fingerprint");
            walker.setDaemon(true);
            walker.start();
        }
        ParseState.forget(session.targetDir());
        String version = new QuarryVersion().quarryVersion();
        // The saved state is read while the parse lists the project's files.
        PartialParse.Plan plan = project.partialParse ? PartialParse.planWhileParsing(session, version)
                : PartialParse.full(session, "partial parsing is off (--no-partial-parse)");
        // The state for the next partial parse is encoded as soon as every file is parsed, and
        // written while manifest.json is.
        PartialParse.Saving state = PartialParse.saveWhenParsed(session, version, plan);
        Parsing.Parsed parsed = Parsing.parseWith(session, console, plan.reuse());
        ParseResult result = parsed.result();
        if (!plan.partial() && project.partialParse) {
            console.info("Unable to do partial parsing because " + plan.fullReason() + ". Did a full parse.");
        }
        reportWarnings(session);
        long saveStart = System.nanoTime();
        CompletableFuture<Optional<String>> saving = CompletableFuture.supplyAsync(state::finish);
        Parsing.writeManifest(session, result, Map.of());
        parsed.timings().mark("write_manifest_elapsed");
        saving.join().ifPresent(why -> console.info("The parse state for partial parsing was not saved: " + why));
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("is_partial_parse", plan.partial());
        counts.put("files_reused", plan.reuse().reused());
        counts.put("files_parsed", plan.reuse().parsed());
        counts.put("files_read", plan.reuse().read());
        counts.put("save_state_with_manifest_elapsed", (System.nanoTime() - saveStart) / 1e9);
        Parsing.writePerfInfo(session, parsed, result.manifest().nodes().size(), counts);
        joined(fingerprint).save(session.targetDir(), session);
        Parsing.reportFound(console, result.manifest());
        return ExitCode.SUCCESS;
    }

    /** The fingerprint, with the walk's own error (not the future's wrapper) when it failed. */
    private static ParseState joined(CompletableFuture<ParseState> fingerprint) {
        try {
            return fingerprint.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
