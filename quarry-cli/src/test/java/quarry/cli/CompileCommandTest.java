package quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quarry compile} run twice on the same target folder: what it rewrites and what it leaves. */
class CompileCommandTest {

    @Test
    void compilingAgainRewritesChangedFilesAndLeavesUnchangedOnesAsTheyAre(@TempDir Path dir) throws Exception {
        try (CliProject project = new CliProject(dir, "recompile")) {
            project.write("models/a.sql", "select 1 as id\n");
            project.write("models/b.sql", "select id from {{ ref('a') }}\n");
            project.write("models/c.sql", "select id from {{ ref('b') }}\n");
            project.write("models/schema.yml", """
                    version: 2
                    models:
                      - name: a
                        columns:
                          - name: id
                            data_tests: [unique]
                    """);
            CliProject.Outcome first = project.quarry("compile");
            assertThat(first.exitCode()).as(first.all()).isZero();
            Path compiled = dir.resolve("target/compiled/proj/models");
            FileTime old = FileTime.fromMillis(1_000_000_000_000L);
            Files.setLastModifiedTime(compiled.resolve("b.sql"), old);
            // a file that was changed by hand, to the same length, is written again
            String c = Files.readString(compiled.resolve("c.sql"));
            Files.writeString(compiled.resolve("c.sql"), c.replace('s', 'x'));
            project.write("models/a.sql", "select 2 as id\n");

            CliProject.Outcome second = project.quarry("compile");

            assertThat(second.exitCode()).as(second.all()).isZero();
            assertThat(Files.readString(compiled.resolve("a.sql"))).isEqualTo("select 2 as id");
            assertThat(Files.readString(compiled.resolve("b.sql"))).isEqualTo("select id from \"recompile\".\"a\"");
            assertThat(Files.getLastModifiedTime(compiled.resolve("b.sql"))).isEqualTo(old);
            assertThat(Files.readString(compiled.resolve("c.sql"))).isEqualTo(c);
            assertThat(compiled.resolve("schema.yml/unique_a_id.sql")).exists();
        }
    }
}
