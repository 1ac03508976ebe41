package quarry.core.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quarry.core.project.DbtProject;
import quarry.core.project.PackageInstaller;
import quarry.core.project.PackageSpec;
import quarry.core.testing.ExpectedFiles;
import quarry.core.testing.TestProjects;

/** A project with a local package installed by deps, whose dispatched macros the root project partly overrides. */
class LocalPackageProjectTest {

    @TempDir
    Path dir;

    private TestProjects.Parsed installAndParse() throws Exception {
        Path root = TestProjects.copy("with_package", dir.resolve("with_package"));
        TestProjects.copy("shared_macros", dir.resolve("shared_macros"));
        DbtProject project = TestProjects.session(root).root();
        assertThat(new PackageInstaller(PackageInstaller.offline()).install(project, PackageSpec.read(root)))
                .containsExactly("shared_macros");
        return TestProjects.parse(root);
    }

    @Test
    void depsCopiesTheLocalPackageIntoDbtPackages() throws Exception {
        installAndParse();
        assertThat(dir.resolve("with_package/dbt_packages/shared_macros/macros/money.sql")).exists();
        assertThat(Files.exists(dir.resolve("with_package/dbt_packages/shared_macros/dbt_project.yml"))).isTrue();
    }

    @Test
    void dispatchFollowsTheSearchOrderAndTheCompiledSqlMatches() throws Exception {
        ExpectedFiles.assertMatches("with_package", installAndParse().compileAll());
    }

    @Test
    void packageNodesTakeTheirOwnProjectConfigUnderTheRootProjects() throws Exception {
        var calendar = installAndParse().node("model.shared_macros.calendar");
        assertThat(calendar.materialized()).isEqualTo("table");
        assertThat(calendar.tags()).containsExactly("from_package");
    }

    @Test
    void remotePackagesWithoutNetworkAreAClearError() throws Exception {
        Path root = TestProjects.write(dir.resolve("remote"), java.util.Map.of(
                "dbt_project.yml", "name: r\nprofile: test\n",
                "packages.yml", "packages:\n  - package: dbt-labs/dbt_utils\n    version: 1.3.0\n"));
        DbtProject project = TestProjects.session(root).root();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PackageInstaller(PackageInstaller.offline())
                .install(project, PackageSpec.read(root)))
                .hasMessageStartingWith("packages.yml:2").hasMessageContaining("dbt-labs/dbt_utils");
    }
}
