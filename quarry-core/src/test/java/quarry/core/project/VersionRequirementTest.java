package quarry.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class VersionRequirementTest {

    @Test
    void aRangeGivenAsAListAcceptsVersionsInsideIt() {
        VersionRequirement range = VersionRequirement.parse(List.of(">=1.0.0", "<2.0.0"));
        assertThat(range.accepts("1.12.0")).isTrue();
        assertThat(range.accepts("1.0.0")).isTrue();
        assertThat(range.accepts("2.0.0")).isFalse();
        assertThat(range.accepts("0.21.1")).isFalse();
    }

    @Test
    void commasJoinComparisonsAndMissingPartsCountAsZero() {
        VersionRequirement range = VersionRequirement.parse(List.of(">=1.3, <1.8"));
        assertThat(range.accepts("1.3.0")).isTrue();
        assertThat(range.accepts("1.8.0")).isFalse();
    }

    @Test
    void aBareVersionMeansExactlyThatVersion() {
        assertThat(VersionRequirement.parse(List.of("1.12.0")).accepts("1.12.0")).isTrue();
        assertThat(VersionRequirement.parse(List.of("1.12.0")).accepts("1.12.1")).isFalse();
    }

    @Test
    void garbageIsRejectedWithTheOffendingText() {
        assertThatThrownBy(() -> VersionRequirement.parse(List.of(">=one")))
                .hasMessageContaining("'>=one'");
    }
}
