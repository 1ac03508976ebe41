package quarry.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityNameTest {

    @Test
    void acceptsAlphanumericNamesWithDashesAndUnderscores() {
        assertThat(EntityName.problem("Collection", "orders")).isEmpty();
        assertThat(EntityName.problem("Collection", "go-sql_driver2")).isEmpty();
        assertThat(EntityName.problem("Workspace", "9lives")).isEmpty();
        assertThat(EntityName.problem("Workspace", "a".repeat(100))).isEmpty();
    }

    @Test
    void rejectsEmptyLeadingPunctuationOtherCharactersAndLongNames() {
        assertThat(EntityName.problem("Collection", "")).hasValueSatisfying(m -> assertThat(m).contains("empty"));
        assertThat(EntityName.problem("Collection", "_hidden")).hasValueSatisfying(m -> assertThat(m).contains("\"_hidden\""));
        assertThat(EntityName.problem("Collection", "a.b")).isPresent();
        assertThat(EntityName.problem("Collection", "a b")).isPresent();
        assertThat(EntityName.problem("Workspace", "a".repeat(101)))
                .hasValueSatisfying(m -> assertThat(m).contains("longer than 100"));
    }
}
