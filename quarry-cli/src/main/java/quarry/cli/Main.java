package quarry.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code quarry} command: builds the command tree and maps the outcome to an exit code. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        WarmUp.start();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one invocation with the given output streams and returns its exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = QuarryCommand.commandLine(args);
        commandLine.setDefaultValueProvider(DbtEnvironment.current());
        // `-s a --frobnicate` is an unknown option, not a third selector that selects nothing
        commandLine.setUnmatchedOptionsAllowedAsOptionParameters(false);
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(GlobalFlags.afterCommand(args, commandLine));
    }
}
