package quarry.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import quarry.core.project.ProjectException;

class WarnErrorOptionsTest {

    @Test
    void allOrStarMakesEveryWarningAnErrorExceptTheOnesKeptAsWarnings() {
        WarnErrorOptions all = WarnErrorOptions.parse("{error: all, warn: [NothingToDo]}");
        assertThat(all.errors("LogTestResult")).isTrue();
        assertThat(all.errors("NothingToDo")).isFalse();
        assertThat(WarnErrorOptions.parse("{'include': '*'}").errors("Anything")).isTrue();
        assertThat(WarnErrorOptions.parse("{\"include\": \"all\", \"exclude\": [\"LogTestResult\"]}").errors("LogTestResult"))
                .isFalse();
    }

    @Test
    void aListNamesTheWarningsThatAreErrors() {
        WarnErrorOptions some = WarnErrorOptions.parse("{error: [LogTestResult], silence: [Deprecations]}");
        assertThat(some.errors("LogTestResult")).isTrue();
        assertThat(some.errors("NothingToDo")).isFalse();
    }

    @Test
    void theFlagMakesEveryWarningAnErrorAndNothingGivenNone() {
        assertThat(WarnErrorOptions.of(true, "{error: []}").errors("NothingToDo")).isTrue();
        assertThat(WarnErrorOptions.of(false, null).errors("LogTestResult")).isFalse();
        assertThat(WarnErrorOptions.parse("  ").errors("LogTestResult")).isFalse();
    }

    @Test
    void badOptionsAreClearErrors() {
        assertThatThrownBy(() -> WarnErrorOptions.parse("{errors: all}")).isInstanceOf(ProjectException.class)
                .hasMessageContaining("no key 'errors'");
        assertThatThrownBy(() -> WarnErrorOptions.parse("{error: al}")).isInstanceOf(ProjectException.class)
                .hasMessageContaining("'error' must be a list of event names, or 'all', not 'al'");
        assertThatThrownBy(() -> WarnErrorOptions.parse("{error: all, include: all}")).isInstanceOf(ProjectException.class)
                .hasMessageContaining("both 'error' and 'include'");
        assertThatThrownBy(() -> WarnErrorOptions.parse("{warn: all}")).isInstanceOf(ProjectException.class)
                .hasMessageContaining("'warn' cannot be 'all'");
        assertThatThrownBy(() -> WarnErrorOptions.parse("[all]")).isInstanceOf(ProjectException.class)
                .hasMessageContaining("must be a YAML mapping");
    }
}
