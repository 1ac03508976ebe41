package quarry.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DbtIgnoreTest {

    @Test
    void matchesGitignoreStylePatterns() {
        DbtIgnore ignore = DbtIgnore.parse(List.of("# comment", "models/scratch/", "*.tmp.sql", "/seeds/big.csv",
                "**/old_*", "!models/keep/old_one.sql"));
        assertThat(ignore.ignores("models/scratch/a.sql")).isTrue();
        assertThat(ignore.ignores("models/x.tmp.sql")).isTrue();
        assertThat(ignore.ignores("seeds/big.csv")).isTrue();
        assertThat(ignore.ignores("other/seeds/big.csv")).isFalse();
        assertThat(ignore.ignores("models/a/old_model.sql")).isTrue();
        assertThat(ignore.ignores("models/keep/old_one.sql")).isFalse();
        assertThat(ignore.ignores("models/orders.sql")).isFalse();
    }
}
