package quarry.core.adapter;

/** Which of a relation's three parts a policy covers: dbt's quote policy and include policy. */
public record RelationPolicy(boolean database, boolean schema, boolean identifier) {

    public static final RelationPolicy ALL = new RelationPolicy(true, true, true);
    public static final RelationPolicy NONE = new RelationPolicy(false, false, false);

    public RelationPolicy with(String part, boolean value) {
        return switch (part) {
            case "database" -> new RelationPolicy(value, schema, identifier);
            case "schema" -> new RelationPolicy(database, value, identifier);
            case "identifier" -> new RelationPolicy(database, schema, value);
            default -> throw new IllegalArgumentException("unknown relation part '" + part + "'");
        };
    }
}
