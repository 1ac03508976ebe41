package quarry.cli;

import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** dbt-style console lines: {@code HH:MM:SS  message} on stdout, warnings and errors likewise on stderr. */
final class Console {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean quiet;

    Console(PrintWriter out, PrintWriter err, boolean quiet) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
    }

    void info(String message) {
        if (!quiet) {
            out.println(LocalTime.now().format(TIME) + "  " + message);
        }
    }

    void warn(String message) {
        err.println(LocalTime.now().format(TIME) + "  [WARNING]: " + message);
    }

    void error(String message) {
        err.println(LocalTime.now().format(TIME) + "  [ERROR]: " + message);
    }

    /** A result line printed as it is (ls output, inline compile), even when quiet. */
    void result(String line) {
        out.println(line);
    }

    void flush() {
        out.flush();
        err.flush();
    }
}
