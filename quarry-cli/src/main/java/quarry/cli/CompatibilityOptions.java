package quarry.cli;

import picocli.CommandLine.Option;

/**
 * dbt flags that scripts and orchestrators pass and that change nothing in Quarry: accepted so
 * that a dbt command line runs as it is (docs/commands.md lists them). Hidden from --help.
 */
final class CompatibilityOptions {

    @Option(names = "--use-colors", negatable = true, hidden = true)
    boolean useColors;

    @Option(names = "--use-colors-file", negatable = true, hidden = true)
    boolean useColorsFile;

    @Option(names = "--printer-width", hidden = true)
    Integer printerWidth;

    @Option(names = "--version-check", negatable = true, hidden = true)
    boolean versionCheck;

    @Option(names = "--send-anonymous-usage-stats", negatable = true, hidden = true)
    boolean sendAnonymousUsageStats;

    @Option(names = {"--static-parser", "--use-experimental-parser"}, negatable = true, hidden = true)
    boolean staticParser;

    @Option(names = {"--populate-cache", "--cache-selected-only", "--introspect", "--write-json", "--print",
        "--show-resource-report", "--partial-parse-file-diff"}, negatable = true, hidden = true)
    boolean accepted;

    @Option(names = {"--log-level-file", "--log-format-file", "--log-file-max-bytes", "--record-timing-info", "-r",
        "--partial-parse-file-path"}, hidden = true)
    String ignored;
}
