package quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DbtEnvironmentTest {

    @Test
    void dbtVariablesGiveFlagsTheirDefaultsAndTheCommandLineWins() {
        CommandLine top = QuarryCommand.commandLine(new String[] {"run"});
        top.setDefaultValueProvider(new DbtEnvironment(Map.of("DBT_TARGET", "prod", "DBT_FULL_REFRESH", "1",
                "DBT_INDIRECT_SELECTION", "cautious", "DBT_DEFER", "no")));
        CommandLine.ParseResult parsed = top.parseArgs("run", "--threads", "3");
        RunCommand run = (RunCommand) parsed.subcommand().commandSpec().userObject();
        assertThat(run.project.target).isEqualTo("prod");
        assertThat(run.fullRefresh).isTrue();
        assertThat(run.selection.indirectSelection).isEqualTo("cautious");
        assertThat(run.selection.state.defer).isFalse();

        CommandLine again = QuarryCommand.commandLine(new String[] {"run"});
        again.setDefaultValueProvider(new DbtEnvironment(Map.of("DBT_TARGET", "prod")));
        RunCommand overridden = (RunCommand) again.parseArgs("run", "--target", "dev").subcommand().commandSpec()
                .userObject();
        assertThat(overridden.project.target).isEqualTo("dev");
    }

    @Test
    void aDotEnvFileIsReadAsShellsWriteIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".env"), """
                # comment
                DBT_TARGET=prod
                export ROCKSET_API_KEY='se cret'
                QUOTED="a=b"
                TRAILING=value # note

                not a line
                """);
        assertThat(DbtEnvironment.dotEnv(dir.resolve(".env"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "DBT_TARGET", "prod", "ROCKSET_API_KEY", "se cret", "QUOTED", "a=b", "TRAILING", "value"));
        assertThat(DbtEnvironment.dotEnv(dir.resolve("missing.env"))).isEmpty();
    }
}
