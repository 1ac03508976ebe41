package quarry.server.store;

/** A named pointer to a lambda version; {@code latest} is kept on the newest version by the store. */
public record LambdaTag(String tag, LambdaVersion version) {}
