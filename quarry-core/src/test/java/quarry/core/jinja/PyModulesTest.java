package quarry.core.jinja;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class PyModulesTest {
    private final Clock clock = Clock.fixed(Instant.parse("2024-07-01T12:30:00Z"), ZoneOffset.UTC);
    private final JinjaEnvironment env = JinjaEnvironment.standard();

    private String render(String template) {
        Context ctx = env.newContext()
                .set("modules", new PyModules(clock))
                .set("run_started_at", PyModules.datetime(ZonedDateTime.now(clock)));
        return env.parse("t", template).render(ctx);
    }

    @Test
    void runStartedAtIsAnAwareUtcDatetime() {
        assertThat(render("{{ run_started_at }}|{{ run_started_at.strftime('%Y%m%d') }}|{{ run_started_at.isoformat() }}"))
                .isEqualTo("2024-07-01 12:30:00+00:00|20240701|2024-07-01T12:30:00+00:00");
    }

    @Test
    void nowAndTodayReadTheClock() {
        assertThat(render("{{ modules.datetime.datetime.now() }}|{{ modules.datetime.date.today() }}"
                + "|{{ modules.datetime.datetime.utcnow().hour }}"))
                .isEqualTo("2024-07-01 12:30:00|2024-07-01|12");
    }

    @Test
    void pytzConvertsBetweenZones() {
        assertThat(render("{{ run_started_at.astimezone(modules.pytz.timezone('America/New_York')) }}"
                + "|{{ modules.pytz.timezone('Europe/Paris').localize(modules.datetime.datetime(2024, 1, 1)) }}"
                + "|{{ modules.pytz.utc }}"))
                .isEqualTo("2024-07-01 08:30:00-04:00|2024-01-01 00:00:00+01:00|UTC");
    }
}
