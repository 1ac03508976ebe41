package quarry.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private static final String KEY = "s3cr3tKeyAbCdEfGhIjKlMnOpQrStUvWxYz0123456789";

    @TempDir
    Path dir;

    @Test
    void textLinesGoToTheConsoleWithTheTimeAndDebugOnlyToTheFile() throws Exception {
        StringWriter out = new StringWriter();
        Path file = dir.resolve("logs/dbt.log");
        try (EventLog log = new EventLog(new PrintWriter(out), EventLog.Format.TEXT, false, Optional.of(file),
                "inv-1", CLOCK, List.of())) {
            log.info("MainReportVersion", "A001", "Running with quarry");
            log.debug("SQLQuery", "E016", "select 1");
        }
        assertThat(out.toString()).matches("\\d\\d:\\d\\d:\\d\\d  Running with quarry\\R");
        assertThat(Files.readString(file)).contains("[info ]", "Running with quarry", "[debug]", "select 1");
    }

    @Test
    void jsonLinesCarryDbtsEventFields() throws Exception {
        StringWriter out = new StringWriter();
        try (EventLog log = new EventLog(new PrintWriter(out), EventLog.Format.JSON, false, Optional.empty(),
                "inv-2", CLOCK, List.of())) {
            log.emit(EventLog.Level.INFO, "LogModelResult", "Q012", "1 of 1 OK", Map.of("status", "success"));
        }
        JsonNode event = new ObjectMapper().readTree(out.toString());
        assertThat(event.at("/info/name").asText()).isEqualTo("LogModelResult");
        assertThat(event.at("/info/code").asText()).isEqualTo("Q012");
        assertThat(event.at("/info/invocation_id").asText()).isEqualTo("inv-2");
        assertThat(event.at("/info/ts").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(event.at("/data/status").asText()).isEqualTo("success");
    }

    @Test
    void secretsAreMaskedOnTheConsoleInJsonAndInTheFile() throws Exception {
        StringWriter out = new StringWriter();
        Path file = dir.resolve("dbt.log");
        try (EventLog log = new EventLog(new PrintWriter(out), EventLog.Format.JSON, true, Optional.of(file),
                "inv-3", CLOCK, List.of(KEY))) {
            log.emit(EventLog.Level.ERROR, "Error", "Z000", "bad key " + KEY, Map.of("key", KEY));
        }
        assertThat(out.toString()).doesNotContain(KEY).contains("*****");
        assertThat(Files.readString(file)).doesNotContain(KEY).contains("bad key *****");
    }
}
