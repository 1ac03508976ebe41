package quarry.server.store;

import java.time.Instant;

/** A Rockset workspace. */
public record Workspace(String name, String description, Instant createdAt) {}
