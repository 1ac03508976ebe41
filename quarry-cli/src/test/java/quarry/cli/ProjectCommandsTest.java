package quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** clean and deps, and how project errors reach the user. */
class ProjectCommandsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int quarry(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void cleanDeletesTheCleanTargetsOnly() throws Exception {
        Files.writeString(dir.resolve("dbt_project.yml"), "name: p\nclean-targets: [target, dbt_packages]\n");
        Files.createDirectories(dir.resolve("target/compiled"));
        Files.writeString(dir.resolve("target/compiled/x.sql"), "select 1");
        Files.createDirectories(dir.resolve("models"));
        assertThat(quarry("clean", "--project-dir", dir.toString())).isZero();
        assertThat(dir.resolve("target")).doesNotExist();
        assertThat(dir.resolve("models")).exists();
    }

    @Test
    void cleanRefusesToDeleteOutsideTheProject() throws Exception {
        Files.writeString(dir.resolve("dbt_project.yml"), "name: p\nclean-targets: [../elsewhere]\n");
        assertThat(quarry("clean", "--project-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("outside the project");
    }

    @Test
    void depsInstallsLocalPackagesAndExplainsRemoteOnes() throws Exception {
        Path pkg = Files.createDirectories(dir.resolve("pkg"));
        Files.writeString(pkg.resolve("dbt_project.yml"), "name: helpers\n");
        Files.createDirectories(pkg.resolve("macros"));
        Files.writeString(pkg.resolve("macros/m.sql"), "{% macro m() %}1{% endmacro %}");
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.writeString(root.resolve("dbt_project.yml"), "name: root\n");
        Files.writeString(root.resolve("packages.yml"), "packages:\n  - local: ../pkg\n");
        assertThat(quarry("deps", "--project-dir", root.toString())).as(err.toString()).isZero();
        assertThat(root.resolve("dbt_packages/helpers/macros/m.sql")).exists();

        Files.writeString(root.resolve("packages.yml"), "packages:\n  - git: file:///nonexistent/repo.git\n");
        assertThat(quarry("deps", "--project-dir", root.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("packages.yml:2").contains("cannot clone git package").doesNotContain("\tat ");
    }

    @Test
    void aMissingProfileIsAClearError() throws Exception {
        Files.writeString(dir.resolve("dbt_project.yml"), "name: p\nprofile: nowhere\n");
        Files.writeString(dir.resolve("profiles.yml"), "somewhere:\n  outputs:\n    dev: {type: rockset, workspace: w}\n");
        assertThat(quarry("parse", "--project-dir", dir.toString(), "--profiles-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("profile 'nowhere' not found").doesNotContain("\tat ");
    }
}
