package quarry.cli;

/** dbt's exit codes: 0 success, 1 the command ran but something failed, 2 the command could not run. */
final class ExitCode {
    static final int SUCCESS = 0;
    static final int FAILURE = 1;
    static final int ERROR = 2;

    private ExitCode() {}
}
