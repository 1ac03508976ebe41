package quarry.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import quarry.core.run.EventLog;

/**
 * What a command prints, through the same {@link EventLog} formatting as a run's node events: with
 * {@code --log-format text} dbt-style {@code HH:MM:SS  message} lines (information on stdout,
 * warnings and errors on stderr) and results (ls lines, show tables, compiled SQL) as they are;
 * with {@code --log-format json} every line, results included, one JSON event on stdout.
 */
final class Console {

    private final PrintWriter raw;
    private final EventLog out;
    private final EventLog err;
    /** Results are printed whatever the level ({@code dbt -q ls} lists nodes). */
    private final EventLog results;
    private final EventLog.Format format;
    private final Optional<EventLog.Level> level;

    /** A console showing the events of {@code level} and above; empty: none (results are always shown). */
    Console(PrintWriter out, PrintWriter err, EventLog.Format format, Optional<EventLog.Level> level, String invocationId) {
        this.raw = out;
        this.format = format;
        this.level = level;
        this.out = log(out, format, level, invocationId);
        this.err = format == EventLog.Format.JSON ? this.out : log(err, format, level, invocationId);
        this.results = log(out, format, Optional.of(EventLog.Level.INFO), invocationId);
    }

    private static EventLog log(PrintWriter writer, EventLog.Format format, Optional<EventLog.Level> level,
            String invocationId) {
        return new EventLog(writer, format, level, Optional.empty(), invocationId, Clock.systemDefaultZone(), List.of());
    }

    /** The least level shown, for the run's own event log; empty: none. */
    Optional<EventLog.Level> level() {
        return level;
    }

    EventLog.Format format() {
        return format;
    }

    void info(String message) {
        info("Note", "Z050", message);
    }

    /** An information line that is one of dbt's named events (A001 MainReportVersion, W006 FoundStats, …). */
    void info(String event, String code, String message) {
        out.info(event, code, message);
    }

    void warn(String message) {
        err.warn("Note", "Z050", "[WARNING]: " + message);
    }

    void error(String message) {
        error("Note", "Z050", message);
    }

    void error(String event, String code, String message) {
        err.error(event, code, "[ERROR]: " + message);
    }

    /** A result printed as it is (ls output, inline compile), even when quiet; an event of its own in JSON. */
    void result(String text) {
        result("ListCmdOut", "Z049", text);
    }

    /** A result that is one of dbt's named events (Q041 ShowNode, Q042 CompiledNode). */
    void result(String event, String code, String text) {
        if (format == EventLog.Format.JSON) {
            results.emit(EventLog.Level.INFO, event, code, text, Map.of());
        } else {
            raw.println(text);
        }
    }

    void flush() {
        raw.flush();
    }
}
