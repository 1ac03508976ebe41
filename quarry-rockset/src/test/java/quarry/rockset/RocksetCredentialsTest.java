package quarry.rockset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import quarry.core.project.ProjectException;

class RocksetCredentialsTest {

    @Test
    void workspaceKeyAndServerAreRead() {
        RocksetCredentials c = RocksetCredentials.from(Map.of("type", "rockset", "workspace", "shop",
                "api_key", "k-123", "api_server", "api.usw2a1.rockset.com", "threads", 4));
        assertThat(c.schema()).isEqualTo("shop");
        assertThat(c.apiServer().uri()).hasToString("https://api.usw2a1.rockset.com");
        assertThat(c.database()).isEqualTo("db");
        assertThat(c.threads()).isEqualTo(4);
    }

    @Test
    void schemaIsAnAliasOfWorkspaceAndEmbeddedIsTheDefault() {
        RocksetCredentials c = RocksetCredentials.from(Map.of("type", "rockset", "schema", "ws"));
        assertThat(c.workspace()).isEqualTo("ws");
        assertThat(c.apiServer().isEmbedded()).isTrue();
    }

    @Test
    void theApiKeyNeverShowsInTargetFieldsOrText() {
        RocksetCredentials c = RocksetCredentials.from(Map.of("type", "rockset", "workspace", "ws", "api_key", "sekret"));
        assertThat(c.targetFields()).doesNotContainKey("api_key").doesNotContainValue("sekret");
        assertThat(c.toString()).doesNotContain("sekret");
        assertThat(c.secrets()).containsExactly("sekret");
    }

    @Test
    void badProfilesAreErrorsNamingTheField() {
        assertThatThrownBy(() -> RocksetCredentials.from(Map.of("type", "rockset")))
                .isInstanceOf(ProjectException.class).hasMessageContaining("'workspace'");
        assertThatThrownBy(() -> RocksetCredentials.from(Map.of("type", "rockset", "workspace", "ws",
                "api_server", "api.usw2a1.rockset.com"))).hasMessageContaining("'api_key'");
        assertThatThrownBy(() -> RocksetCredentials.from(Map.of("type", "rockset", "worksapce", "ws")))
                .hasMessageContaining("did you mean 'workspace'");
        assertThatThrownBy(() -> RocksetCredentials.from(Map.of("type", "rockset", "workspace", "bad name!")))
                .hasMessageContaining("letters, digits");
    }
}
