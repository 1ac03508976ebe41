package quarry.core.run;

/**
 * The invocation flags that change how nodes execute: {@code --full-refresh}, {@code --store-failures},
 * and how many failing rows of a test to show.
 */
public record RunFlags(boolean fullRefresh, boolean storeFailures, int failingRowsShown) {

    public static final RunFlags DEFAULT = new RunFlags(false, false, 5);
}
