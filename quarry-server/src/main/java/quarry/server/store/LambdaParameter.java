package quarry.server.store;

/** A default parameter of a query lambda: {@code value} is always a string on the wire (spec §4.7.1). */
public record LambdaParameter(String name, String type, String value) {}
