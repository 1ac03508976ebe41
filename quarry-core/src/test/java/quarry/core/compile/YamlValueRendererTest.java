package quarry.core.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import quarry.core.SourceLocation;
import quarry.core.project.EnvVars;

class YamlValueRendererTest {

    private final YamlValueRenderer renderer = new YamlValueRenderer(new EnvVars(Map.of("PORT", "5439", "ON", "true")),
            Map.of("flag", false, "list", List.of("a", "b")), null);
    private final SourceLocation where = new SourceLocation("profiles.yml", 4);

    @Test
    void oneExpressionKeepsItsNativeType() {
        assertThat(renderer.render("{{ var('flag') }}", where)).isEqualTo(false);
        assertThat(renderer.render("{{ var('list') }}", where)).isEqualTo(List.of("a", "b"));
        assertThat(renderer.render("{{ var('missing', 3) }}", where)).isEqualTo(3L);
    }

    @Test
    void envVarsAreTextUnlessAFilterConverts() {
        assertThat(renderer.render("{{ env_var('PORT') }}", where)).isEqualTo("5439");
        assertThat(renderer.render("{{ env_var('PORT') | as_number }}", where)).isEqualTo(5439L);
        assertThat(renderer.render("{{ env_var('ON') | as_bool }}", where)).isEqualTo(true);
        assertThat(renderer.render("host-{{ env_var('PORT') }}", where)).isEqualTo("host-5439");
    }

    @Test
    void aMissingEnvVarNamesTheFileAndLine() {
        assertThatThrownBy(() -> renderer.render("{{ env_var('NOPE') }}", where))
                .hasMessageStartingWith("profiles.yml:4").hasMessageContaining("'NOPE'");
    }
}
