package quarry.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quarry.core.compile.YamlValueRenderer;

class ProfileLoaderTest {

    @TempDir
    Path dir;

    private ProfileLoader loader(Map<String, String> env) {
        EnvVars vars = new EnvVars(env);
        return new ProfileLoader(vars, new YamlValueRenderer(vars, Map.of(), null));
    }

    private Path dirWithProfile(String name) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.writeString(d.resolve("profiles.yml"), "p: {outputs: {dev: {type: t}}}");
        return d;
    }

    @Test
    void searchesFlagThenEnvironmentThenCurrentDirectoryThenProjectThenHome() throws Exception {
        Path flag = dirWithProfile("flag");
        Path env = dirWithProfile("env");
        Path cwd = dirWithProfile("cwd");
        Path project = dirWithProfile("project");
        Path home = dir.resolve("home");
        assertThat(loader(Map.of("DBT_PROFILES_DIR", env.toString())).locate(Optional.of(flag), cwd, project, home))
                .isEqualTo(flag.resolve("profiles.yml"));
        assertThat(loader(Map.of("DBT_PROFILES_DIR", env.toString())).locate(Optional.empty(), cwd, project, home))
                .isEqualTo(env.resolve("profiles.yml"));
        assertThat(loader(Map.of()).locate(Optional.empty(), cwd, project, home)).isEqualTo(cwd.resolve("profiles.yml"));
        assertThat(loader(Map.of()).locate(Optional.empty(), dir.resolve("none"), project, home))
                .isEqualTo(project.resolve("profiles.yml"));
        assertThat(loader(Map.of()).locate(Optional.empty(), dir.resolve("none"), dir.resolve("none"), home))
                .isEqualTo(home.resolve(".dbt").resolve("profiles.yml"));
    }

    @Test
    void picksTheDefaultTargetOrTheFlagAndRendersEnvVars() throws Exception {
        Path file = dir.resolve("profiles.yml");
        Files.writeString(file, """
                shop:
                  target: dev
                  outputs:
                    dev: {type: rockset, workspace: dev_ws, api_key: "{{ env_var('KEY') }}", threads: 4}
                    prod: {type: rockset, workspace: "{{ env_var('PROD_WS', 'prod_ws') }}"}
                """);
        Target dev = loader(Map.of("KEY", "secret")).load(file, "shop", Optional.empty());
        assertThat(dev.name()).isEqualTo("dev");
        assertThat(dev.threads()).isEqualTo(4);
        assertThat(dev.fields()).containsEntry("api_key", "secret");
        Target prod = loader(Map.of("KEY", "k")).load(file, "shop", Optional.of("prod"));
        assertThat(prod.fields()).containsEntry("workspace", "prod_ws");
    }

    @Test
    void anUnknownTargetSuggestsTheClosest() throws Exception {
        Path file = dir.resolve("profiles.yml");
        Files.writeString(file, "shop:\n  target: dev\n  outputs:\n    dev: {type: t}\n    prod: {type: t}\n");
        assertThatThrownBy(() -> loader(Map.of()).load(file, "shop", Optional.of("prd")))
                .isInstanceOf(ProjectException.class).hasMessageContaining("did you mean 'prod'");
    }

    @Test
    void aMissingEnvVarWithoutDefaultIsAnErrorNamingTheLine() throws Exception {
        Path file = dir.resolve("profiles.yml");
        Files.writeString(file, "shop:\n  outputs:\n    default:\n      type: t\n      password: \"{{ env_var('PW') }}\"\n");
        assertThatThrownBy(() -> loader(Map.of()).load(file, "shop", Optional.empty()))
                .hasMessageContaining("profiles.yml:5").hasMessageContaining("'PW'");
    }
}
