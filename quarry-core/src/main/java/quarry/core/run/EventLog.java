package quarry.core.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a command's events go, as dbt sends them: to the console as text lines prefixed with the
 * time ({@code HH:MM:SS  }) or, with {@code --log-format json}, as one JSON object per line
 * ({@code {"info": {name, code, msg, level, ts, invocation_id, thread, pid}, "data": {...}}}); and
 * always, with debug events too, to {@code logs/dbt.log}. Every known secret is masked before an
 * event is written anywhere.
 */
public final class EventLog implements AutoCloseable {

    /** The console format: dbt's {@code --log-format} {@code text} or {@code json}. */
    public enum Format {
        TEXT,
        JSON
    }

    /** dbt's event levels. */
    public enum Level {
        DEBUG,
        INFO,
        WARN,
        ERROR
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CONSOLE_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
    private static final String MASK = "*****";

    private final PrintWriter console;
    private final Format format;
    /** The least level the console shows; null: none (dbt's {@code --log-level none}). */
    private final Level consoleLevel;
    private final BufferedWriter file;
    private final String invocationId;
    private final Clock clock;
    private final List<String> secrets;
    private final long pid = ProcessHandle.current().pid();

    public EventLog(PrintWriter console, Format format, boolean debugToConsole, Optional<Path> logFile,
            String invocationId, Clock clock, List<String> secrets) {
        this(console, format, Optional.of(debugToConsole ? Level.DEBUG : Level.INFO), logFile, invocationId, clock,
                secrets);
    }

    /**
     * A log whose console shows the events of {@code consoleLevel} and above (empty: none, as
     * {@code --log-level none}); the log file, when given, gets every event.
     */
    public EventLog(PrintWriter console, Format format, Optional<Level> consoleLevel, Optional<Path> logFile,
            String invocationId, Clock clock, List<String> secrets) {
        this.console = Objects.requireNonNull(console, "console");
        this.format = Objects.requireNonNull(format, "format");
        this.consoleLevel = consoleLevel.orElse(null);
        this.invocationId = Objects.requireNonNull(invocationId, "invocationId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 4).toList();
        this.file = logFile.map(EventLog::open).orElse(null);
    }

    private static BufferedWriter open(Path path) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            return Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the log file " + path + ": " + e.getMessage(), e);
        }
    }

    public void info(String name, String code, String message) {
        emit(Level.INFO, name, code, message, Map.of());
    }

    public void warn(String name, String code, String message) {
        emit(Level.WARN, name, code, message, Map.of());
    }

    public void error(String name, String code, String message) {
        emit(Level.ERROR, name, code, message, Map.of());
    }

    public void debug(String name, String code, String message) {
        emit(Level.DEBUG, name, code, message, Map.of());
    }

    /** Writes one event; {@code data} holds the event's fields for the JSON format. */
    public synchronized void emit(Level level, String name, String code, String message, Map<String, ?> data) {
        String text = mask(message);
        ZonedDateTime now = ZonedDateTime.now(clock);
        if (shows(level)) {
            if (format == Format.JSON) {
                console.println(mask(json(level, name, code, text, data, now)));
            } else {
                console.println(text.isEmpty() ? "" : now.withZoneSameInstant(ZoneId.systemDefault()).format(CONSOLE_TIME) + "  " + text);
            }
            console.flush();
        }
        if (file != null) {
            try {
                file.write(now.format(FILE_TIME) + " [" + String.format(Locale.ROOT, "%-5s", level.name().toLowerCase(Locale.ROOT))
                        + "] [" + Thread.currentThread().getName() + "]: " + text);
                file.newLine();
                file.flush();
            } catch (IOException e) {
                // the log file is a copy of what the console shows; losing it must not fail the run
            }
        }
    }

    /** Whether the console shows events of this level. */
    public boolean shows(Level level) {
        return consoleLevel != null && level.compareTo(consoleLevel) >= 0;
    }

    private String json(Level level, String name, String code, String message, Map<String, ?> data, ZonedDateTime now) {
        ObjectNode event = JSON.createObjectNode();
        ObjectNode info = event.putObject("info");
        info.put("name", name).put("code", code).put("msg", message)
                .put("level", level.name().toLowerCase(Locale.ROOT))
                .put("invocation_id", invocationId).put("pid", pid)
                .put("thread", Thread.currentThread().getName())
                .put("ts", now.format(DateTimeFormatter.ISO_INSTANT));
        event.set("data", JSON.valueToTree(data));
        return event.toString();
    }

    /** Replaces every known secret in {@code text}. */
    public String mask(String text) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    @Override
    public synchronized void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // nothing left to report it to
            }
        }
    }
}
