package quarry.core.manifest;

/** A {@code {% docs name %}} block, used by {@code doc('name')} in descriptions. */
public record DocBlock(String uniqueId, String packageName, String name, String path, String originalFilePath,
        String blockContents) {}
