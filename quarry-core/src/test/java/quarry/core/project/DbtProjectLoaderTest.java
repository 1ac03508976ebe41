package quarry.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quarry.core.Diagnostics;
import quarry.core.compile.YamlValueRenderer;
import quarry.core.testing.TestProjects;

class DbtProjectLoaderTest {

    @TempDir
    Path dir;

    private final Diagnostics diagnostics = new Diagnostics();

    private DbtProject load(String yaml, Map<String, String> env) {
        TestProjects.write(dir, Map.of("dbt_project.yml", yaml));
        return new DbtProjectLoader(new YamlValueRenderer(new EnvVars(env), Map.of(), null), diagnostics).load(dir);
    }

    @Test
    void readsEveryPathKeyWithDbtDefaults() {
        DbtProject p = load("name: shop\nprofile: shop\n", Map.of());
        assertThat(p.modelPaths()).containsExactly("models");
        assertThat(p.seedPaths()).containsExactly("seeds");
        assertThat(p.macroPaths()).containsExactly("macros");
        assertThat(p.targetPath()).isEqualTo("target");
        assertThat(p.cleanTargets()).containsExactly("target");
        assertThat(p.packagesInstallPath()).isEqualTo("dbt_packages");
    }

    @Test
    void acceptsLegacyPathNamesAndTestsAsDataTests() {
        DbtProject p = load("""
                name: legacy
                source-paths: [src]
                data-paths: [data]
                tests:
                  +severity: warn
                """, Map.of());
        assertThat(p.modelPaths()).containsExactly("src");
        assertThat(p.seedPaths()).containsExactly("data");
        assertThat(p.configTree("data_tests")).containsEntry("+severity", "warn");
    }

    @Test
    void unknownKeyWarnsWithDidYouMeanAndLine() {
        load("name: shop\nmodel-path: [models]\n", Map.of());
        assertThat(diagnostics.warnings()).singleElement().asString()
                .contains("dbt_project.yml:2").contains("'model-path'").contains("did you mean 'model-paths'");
    }

    @Test
    void rendersEnvVarsButLeavesHooksForLater() {
        DbtProject p = load("""
                name: shop
                profile: "{{ env_var('PROFILE_NAME', 'fallback') }}"
                on-run-start: ["{{ log('hi') }}"]
                models:
                  shop:
                    +enabled: "{{ env_var('ENABLED', 'true') | as_bool }}"
                """, Map.of("PROFILE_NAME", "from_env"));
        assertThat(p.profile()).isEqualTo("from_env");
        assertThat(p.onRunStart()).containsExactly("{{ log('hi') }}");
        @SuppressWarnings("unchecked")
        Map<String, Object> shop = (Map<String, Object>) p.configTree("models").get("shop");
        assertThat(shop.get("+enabled")).isEqualTo(true);
    }

    @Test
    void readsDispatchRequireVersionAndVarsFile() {
        TestProjects.write(dir, Map.of("vars.yml", "vars:\n  region: eu\n"));
        DbtProject p = load("""
                name: shop
                require-dbt-version: [">=1.0.0", "<2.0.0"]
                vars: {region: us, currency: usd}
                dispatch:
                  - macro_namespace: dbt_utils
                    search_order: [shop, dbt_utils]
                """, Map.of());
        assertThat(p.requireDbtVersion()).hasValueSatisfying(r -> assertThat(r.accepts("1.12.0")).isTrue());
        assertThat(p.searchOrder("dbt_utils")).hasValue(java.util.List.of("shop", "dbt_utils"));
        assertThat(p.vars()).containsEntry("region", "eu").containsEntry("currency", "usd");
    }

    @Test
    void aBadProjectNameIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> load("version: 1\nname: 1shop\n", Map.of()))
                .isInstanceOf(ProjectException.class).hasMessageContaining("dbt_project.yml:2");
    }

    @Test
    void yamlSyntaxErrorsNameFileAndLine() {
        assertThatThrownBy(() -> load("name: shop\nmodels:\n  - [unclosed\n", Map.of()))
                .isInstanceOf(ProjectException.class).hasMessageStartingWith("dbt_project.yml:");
    }
}
