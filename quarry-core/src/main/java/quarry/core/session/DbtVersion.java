package quarry.core.session;

/** The dbt version Quarry reports to projects ({@code require-dbt-version}, {@code dbt_version}, manifests). */
public final class DbtVersion {

    /** dbt 1.12 is the newest version whose projects Quarry reads. */
    public static final String REPORTED = "1.12.0";

    private DbtVersion() {}
}
