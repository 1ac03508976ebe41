package quarry.core.manifest;

import java.util.Locale;

/** dbt's resource types, as {@code resource_type} and unique-id prefixes spell them. */
public enum ResourceType {
    MODEL, SEED, SNAPSHOT, TEST, ANALYSIS, OPERATION, SOURCE, MACRO, DOC, EXPOSURE, UNIT_TEST;

    public String dbtName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ResourceType fromDbtName(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.equals("DATA_TEST")) {
            return TEST;
        }
        return valueOf(n);
    }
}
