package quarry.rockset;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import quarry.core.SourceLocation;
import quarry.core.Suggestions;
import quarry.core.adapter.Credentials;
import quarry.core.project.ProjectException;

/**
 * A {@code type: rockset} profile output, validated: the {@code workspace} models are built in
 * (dbt's {@code schema}, which is accepted as an alias), the {@code api_key}, the {@code api_server}
 * ({@code embedded} when absent), and dbt-rockset's optional {@code vi_rrn} and {@code run_async_iis}.
 * Rockset has no databases; {@code database} is accepted and ignored, as dbt-rockset did.
 */
public record RocksetCredentials(String workspace, Optional<String> apiKey, ApiServer apiServer, String database,
        Optional<String> viRrn, boolean runAsyncIis, int threads, Optional<String> dataDir, long queryTimeoutMs,
        int retries) implements Credentials {

    static final String TYPE = "rockset";
    static final String DEFAULT_DATABASE = "db";

    private static final Set<String> KNOWN = Set.of("type", "workspace", "schema", "database", "api_key", "api_server",
            "vi_rrn", "run_async_iis", "threads", "user", "retries", "connect_timeout", "data_dir", "query_timeout_ms");

    /** The default limit of one query (INSERT INTO included): Rockset's 30-minute async maximum. */
    static final long DEFAULT_QUERY_TIMEOUT_MS = 1_800_000;
    static final int DEFAULT_RETRIES = 5;

    public RocksetCredentials {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(apiServer, "apiServer");
        Objects.requireNonNull(viRrn, "viRrn");
        Objects.requireNonNull(dataDir, "dataDir");
        database = database == null ? DEFAULT_DATABASE : database;
    }

    /** Validates a profile output; errors name the field (never the key's value). */
    public static RocksetCredentials from(Map<String, Object> fields) {
        SourceLocation where = SourceLocation.of("profiles.yml");
        for (String key : fields.keySet()) {
            if (!KNOWN.contains(key)) {
                Optional<String> close = Suggestions.closest(key, KNOWN);
                if (close.isPresent()) {
                    throw new ProjectException(where, "unknown rockset profile field '" + key + "'; did you mean '"
                            + close.get() + "'?");
                }
            }
        }
        Object type = fields.get("type");
        if (type != null && !TYPE.equals(type)) {
            throw new ProjectException(where, "profile type is '" + type + "', not 'rockset'");
        }
        Object ws = fields.get("workspace") != null ? fields.get("workspace") : fields.get("schema");
        if (fields.get("workspace") != null && fields.get("schema") != null
                && !String.valueOf(fields.get("workspace")).equals(String.valueOf(fields.get("schema")))) {
            throw new ProjectException(where, "the rockset profile sets both 'workspace' and 'schema' (its alias) to"
                    + " different values; keep only 'workspace'");
        }
        if (ws == null || String.valueOf(ws).isBlank()) {
            throw new ProjectException(where, "the rockset profile needs a 'workspace' (where models are built)");
        }
        String workspace = String.valueOf(ws).strip();
        if (!workspace.matches("[A-Za-z0-9_\\-]+") || workspace.length() > 100) {
            throw new ProjectException(where, "workspace '" + workspace
                    + "' may use only letters, digits, '_' and '-' (at most 100 characters)");
        }
        ApiServer server;
        try {
            server = ApiServer.parse(fields.get("api_server") == null ? null : String.valueOf(fields.get("api_server")));
        } catch (IllegalArgumentException e) {
            throw new ProjectException(where, e.getMessage());
        }
        Object key = fields.get("api_key");
        Optional<String> apiKey = key == null || String.valueOf(key).isBlank() ? Optional.empty()
                : Optional.of(String.valueOf(key).strip());
        if (apiKey.isEmpty() && !server.isEmbedded()) {
            throw new ProjectException(where, "the rockset profile needs an 'api_key' for api_server " + server
                    + "; set api_key: \"{{ env_var('ROCKSET_API_KEY') }}\"");
        }
        Object async = fields.get("run_async_iis");
        boolean runAsync = async != null && (async instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(async)));
        int threads = 1;
        if (fields.get("threads") != null) {
            try {
                threads = Integer.parseInt(String.valueOf(fields.get("threads")).strip());
            } catch (NumberFormatException e) {
                throw new ProjectException(where, "threads must be a whole number");
            }
        }
        Object vi = fields.get("vi_rrn");
        Object db = fields.get("database");
        Object dir = fields.get("data_dir");
        long queryTimeoutMs = wholeNumber(fields, "query_timeout_ms", DEFAULT_QUERY_TIMEOUT_MS, where);
        int retries = (int) wholeNumber(fields, "retries", DEFAULT_RETRIES, where);
        return new RocksetCredentials(workspace, apiKey, server, db == null ? null : String.valueOf(db),
                vi == null ? Optional.empty() : Optional.of(String.valueOf(vi)), runAsync, threads,
                dir == null || String.valueOf(dir).isBlank() ? Optional.empty() : Optional.of(String.valueOf(dir).strip()),
                queryTimeoutMs, retries);
    }

    private static long wholeNumber(Map<String, Object> fields, String name, long fallback, SourceLocation where) {
        Object value = fields.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(String.valueOf(value).strip());
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new ProjectException(where, name + " must be a whole number of at least 0, not '" + value + "'");
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String schema() {
        return workspace;
    }

    @Override
    public Map<String, Object> targetFields() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", TYPE);
        out.put("workspace", workspace);
        out.put("schema", workspace);
        out.put("database", database);
        out.put("api_server", apiServer.toString());
        viRrn.ifPresent(v -> out.put("vi_rrn", v));
        out.put("run_async_iis", runAsyncIis);
        out.put("threads", threads);
        dataDir.ifPresent(d -> out.put("data_dir", d));
        out.put("query_timeout_ms", queryTimeoutMs);
        out.put("retries", retries);
        return out;
    }

    @Override
    public Set<String> secrets() {
        return apiKey.map(Set::of).orElse(Set.of());
    }

    /** The fields {@code quarry debug} prints: the key masked, and for {@code embedded} the data dir it uses. */
    @Override
    public Map<String, Object> describe(java.nio.file.Path projectRoot) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("workspace", workspace);
        out.put("api_server", apiServer.isEmbedded()
                ? ApiServer.EMBEDDED + " (quarry-server in this process, data dir " + embeddedDataDir(projectRoot) + ")"
                : apiServer.toString());
        out.put("api_key", apiKey.isPresent() ? "****" : apiServer.isEmbedded() ? "none (the embedded server makes one)" : "none");
        viRrn.ifPresent(v -> out.put("vi_rrn", v));
        out.put("run_async_iis", runAsyncIis);
        out.put("threads", threads);
        out.put("query_timeout_ms", queryTimeoutMs);
        out.put("retries", retries);
        return out;
    }

    /** Where {@code api_server: embedded} keeps its data: {@code data_dir}, else {@code <project>/.quarry/rockset}. */
    public java.nio.file.Path embeddedDataDir(java.nio.file.Path projectRoot) {
        return dataDir.map(projectRoot::resolve).orElse(projectRoot.resolve(".quarry").resolve("rockset"))
                .toAbsolutePath().normalize();
    }

    /** Never shows the API key. */
    @Override
    public String toString() {
        return "RocksetCredentials[workspace=" + workspace + ", api_server=" + apiServer
                + ", api_key=" + (apiKey.isPresent() ? "****" : "none") + "]";
    }
}
