package quarry.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quarry.core.Diagnostics;
import quarry.core.compile.YamlValueRenderer;
import quarry.core.testing.TestProjects;

class FileDiscoveryTest {

    @Test
    void findsFilesInEveryFolderInPathOrderLeavingOutDotFoldersAndIgnoredFiles(@TempDir Path dir) {
        TestProjects.write(dir, Map.of(
                "dbt_project.yml", "name: p\nprofile: test\n",
                "models/top.sql", "select 1",
                "models/b/inner.sql", "select 1",
                "models/a/deep/deeper.sql", "select 1",
                "models/a/props.yml", "version: 2\n",
                "models/.hidden/skipped.sql", "select 1",
                "models/a/ignored.sql", "select 1",
                "seeds/s.csv", "id\n1\n"));
        DbtProject project = new DbtProjectLoader(new YamlValueRenderer(new EnvVars(Map.of()), Map.of(), null),
                new Diagnostics()).load(dir);
        List<String> found = FileDiscovery.discover(project, DbtIgnore.parse(List.of("models/a/ignored.sql"))).stream()
                .map(f -> f.kind() + " " + f.originalFilePath()).toList();
        assertThat(found).containsExactly("MODEL models/a/deep/deeper.sql", "MODEL models/b/inner.sql",
                "MODEL models/top.sql", "SEED seeds/s.csv", "PROPERTIES models/a/props.yml");
    }
}
