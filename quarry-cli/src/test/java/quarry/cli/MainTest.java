package quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int quarry(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void versionNamesQuarryAndTheDbtVersionItReads() {
        assertThat(quarry("--version")).isZero();
        assertThat(out.toString())
                .containsPattern("quarry \\d+\\.\\d+\\.\\d+")
                .contains("dbt 1.x, up to 1.12");
    }

    @Test
    void helpListsEveryDbtCommandAndServer() {
        assertThat(quarry("--help")).isZero();
        assertThat(out.toString()).contains(
                "debug", "parse", "compile", "ls", "seed", "run", "test", "build", "snapshot",
                "show", "run-operation", "docs", "clean", "retry", "server");
    }

    @Test
    void aGroupCommandWithoutItsSubcommandShowsItsUsageAndExitsTwo() {
        assertThat(quarry("docs")).isEqualTo(2);
        assertThat(err.toString()).contains("generate", "serve");
    }

    @Test
    void aCommandsHelpAndOptionsBeforeItWorkWhenOnlyThatCommandIsBuilt() {
        assertThat(quarry("--no-partial-parse", "parse", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: quarry parse", "--project-dir");
        assertThat(QuarryCommand.commandLine(new String[] {"parse", "--help"}).getSubcommands()).containsOnlyKeys("parse");
        java.util.Set<String> all = QuarryCommand.commandLine().getSubcommands().keySet();
        assertThat(all).contains("parse", "run", "server", "docs");
        assertThat(QuarryCommand.commandLine(new String[] {"--help"}).getSubcommands().keySet()).isEqualTo(all);
        assertThat(QuarryCommand.commandLine(new String[] {"frobnicate", "parse"}).getSubcommands().keySet())
                .isEqualTo(all);
    }

    @Test
    void aGroupCommandsSubcommandIsFoundWhenOnlyTheGroupIsBuilt() {
        assertThat(quarry("docs", "generate", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: quarry docs generate");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(quarry("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("frobnicate");
    }

    @Test
    void dbtsGlobalFlagsBeforeTheCommandMoveAfterItWithTheirValues() {
        picocli.CommandLine top = QuarryCommand.commandLine(new String[] {"--target", "prod", "docs", "generate"});
        assertThat(top.getSubcommands()).containsOnlyKeys("docs");
        assertThat(GlobalFlags.afterCommand(new String[] {"-q", "--log-format", "json", "--target=prod", "docs",
            "generate", "--no-compile"}, top))
                .containsExactly("docs", "generate", "-q", "--log-format", "json", "--target=prod", "--no-compile");
        picocli.CommandLine run = QuarryCommand.commandLine(new String[] {"--no-use-colors", "run"});
        assertThat(GlobalFlags.afterCommand(new String[] {"--version", "--no-use-colors", "--printer-width", "80",
            "run", "-s", "x"}, run))
                .containsExactly("--version", "run", "--no-use-colors", "--printer-width", "80", "-s", "x");
        assertThat(GlobalFlags.afterCommand(new String[] {"run", "-q"}, run)).containsExactly("run", "-q");
    }

    @Test
    void flagsBeforeACommandAreReadAsItsOwn() {
        assertThat(quarry("--debug", "--log-level", "warn", "parse", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: quarry parse", "--log-level", "--log-path");
        assertThat(quarry("--frobnicate", "parse")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--frobnicate'");
    }
}
