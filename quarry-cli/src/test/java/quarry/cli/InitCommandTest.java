package quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int quarry(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aNewProjectParsesAsItIsWithItsOwnProfile(@TempDir Path dir) throws Exception {
        assertThat(quarry("init", "starter", "--project-dir", dir.toString())).isZero();
        Path root = dir.resolve("starter");
        assertThat(root.resolve("profiles.yml")).content().contains("starter:", "type: rockset", "api_server: embedded");
        assertThat(Files.isDirectory(root.resolve("seeds"))).isTrue();
        assertThat(quarry("parse", "--project-dir", root.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Found 2 models, 4 data tests");
    }

    @Test
    void anExistingFolderOrABadNameIsRefused(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("taken"));
        assertThat(quarry("init", "taken", "--project-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("already exists");
        assertThat(quarry("init", "my-project", "--project-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("not a valid project name");
        assertThat(quarry("init", "noprofile", "--skip-profile-setup", "--project-dir", dir.toString())).isZero();
        assertThat(dir.resolve("noprofile/profiles.yml")).doesNotExist();
    }
}
