package quarry.core.run;

/**
 * The invocation flags that change how nodes execute: {@code --full-refresh}, {@code --store-failures},
 * how many failing rows of a test to show, and which warnings are errors.
 */
public record RunFlags(boolean fullRefresh, boolean storeFailures, int failingRowsShown, WarnErrorOptions warnError) {

    public static final RunFlags DEFAULT = new RunFlags(false, false, 5, WarnErrorOptions.NONE);
}
