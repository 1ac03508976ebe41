package quarry.rockset;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a rockset profile's {@code api_server} points: an in-process quarry-server
 * ({@code embedded}, the default when the field is absent) or a remote endpoint. dbt-rockset
 * profiles give a bare host such as {@code api.usw2a1.rockset.com}, which means https; a full URL
 * such as {@code http://127.0.0.1:3030} is taken as written.
 */
public record ApiServer(URI uri) {

    public static final String EMBEDDED = "embedded";

    /** The embedded server, whose URL is only known once it has started. */
    public static ApiServer embedded() {
        return new ApiServer(null);
    }

    public static ApiServer parse(String value) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase(EMBEDDED)) {
            return embedded();
        }
        String trimmed = value.trim();
        String withScheme = trimmed.contains("://") ? trimmed : "https://" + trimmed;
        URI uri;
        try {
            uri = URI.create(withScheme);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("api_server '" + trimmed + "' is not a host or a URL", e);
        }
        String scheme = Objects.requireNonNullElse(uri.getScheme(), "").toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("api_server '" + trimmed
                    + "' must be a host (api.usw2a1.rockset.com), an http(s) URL, or 'embedded'");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        return new ApiServer(URI.create(scheme + "://" + uri.getRawAuthority() + path));
    }

    public boolean isEmbedded() {
        return uri == null;
    }

    @Override
    public String toString() {
        return isEmbedded() ? EMBEDDED : uri.toString();
    }
}
