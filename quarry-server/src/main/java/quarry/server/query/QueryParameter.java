package quarry.server.query;

/** One entry of {@code sql.parameters}: {@code name} is null for the JDBC driver's positional ones. */
public record QueryParameter(String name, String type, String value) {}
