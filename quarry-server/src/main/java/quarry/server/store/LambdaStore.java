package quarry.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.duckdb.DuckDBConnection;

/**
 * Query lambdas (spec §4.8): their versions and tags in the {@code meta} schema, and an immutable
 * in-memory snapshot swapped after each committed change. The {@code latest} tag is not stored:
 * it is always the newest remaining version.
 */
public final class LambdaStore {

    /** The tag Rockset maintains on the newest version. */
    public static final String LATEST = "latest";

    /** A lambda as the list endpoints show it. */
    public record Summary(String workspace, String name, List<LambdaVersion> versions) {
        public LambdaVersion latest() {
            return versions.get(0);
        }
    }

    private record Snapshot(Map<String, List<LambdaVersion>> versions, Map<String, Map<String, String>> tags) {}

    private final Database database;
    private final MetadataStore metadata;
    private final ObjectMapper mapper;
    private final SecureRandom random = new SecureRandom();
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

    public LambdaStore(Database database, MetadataStore metadata, ObjectMapper mapper) {
        this.database = Objects.requireNonNull(database);
        this.metadata = Objects.requireNonNull(metadata);
        this.mapper = Objects.requireNonNull(mapper);
        database.write(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS meta.lambda_version(workspace VARCHAR NOT NULL,"
                        + " name VARCHAR NOT NULL, version VARCHAR NOT NULL, seq BIGINT NOT NULL, description VARCHAR,"
                        + " query_sql VARCHAR NOT NULL, default_parameters VARCHAR NOT NULL,"
                        + " collections VARCHAR[] NOT NULL, created_at TIMESTAMPTZ NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS meta.lambda_tag(workspace VARCHAR NOT NULL,"
                        + " name VARCHAR NOT NULL, tag VARCHAR NOT NULL, version VARCHAR NOT NULL)");
            }
            reload(c);
            return null;
        });
    }

    // ---- reads

    public Optional<Summary> lambda(String ws, String name) {
        List<LambdaVersion> versions = snapshot.get().versions().get(key(ws, name));
        return versions == null ? Optional.empty() : Optional.of(new Summary(ws, name, versions));
    }

    public Summary requireLambda(String ws, String name) {
        metadata.requireWorkspace(ws);
        return lambda(ws, name).orElseThrow(() -> notFound(ws, name));
    }

    /** Every lambda, or those of one workspace, ordered by workspace and name. */
    public List<Summary> lambdas(String ws) {
        List<Summary> out = new ArrayList<>();
        new TreeMap<>(snapshot.get().versions()).forEach((k, versions) -> {
            LambdaVersion v = versions.get(0);
            if (ws == null || v.workspace().equals(ws)) {
                out.add(new Summary(v.workspace(), v.name(), versions));
            }
        });
        return out;
    }

    public LambdaVersion requireVersion(String ws, String name, String version) {
        return requireLambda(ws, name).versions().stream().filter(v -> v.version().equals(version)).findFirst()
                .orElseThrow(() -> new StoreException(StoreException.Kind.NOT_FOUND, "QUERY_NOT_FOUND",
                        "Query Lambda \"" + name + "\" (version \"" + version + "\") not found in workspace \"" + ws
                                + "\"."));
    }

    public LambdaTag requireTag(String ws, String name, String tag) {
        Summary lambda = requireLambda(ws, name);
        if (LATEST.equals(tag)) {
            return new LambdaTag(LATEST, lambda.latest());
        }
        String version = snapshot.get().tags().getOrDefault(key(ws, name), Map.of()).get(tag);
        if (version == null) {
            throw tagNotFound(ws, name, tag);
        }
        return new LambdaTag(tag, requireVersion(ws, name, version));
    }

    /** The tags of a lambda, {@code latest} first, then by name. */
    public List<LambdaTag> tags(String ws, String name) {
        Summary lambda = requireLambda(ws, name);
        List<LambdaTag> out = new ArrayList<>();
        out.add(new LambdaTag(LATEST, lambda.latest()));
        new TreeMap<>(snapshot.get().tags().getOrDefault(key(ws, name), Map.of()))
                .forEach((tag, version) -> out.add(new LambdaTag(tag, requireVersion(ws, name, version))));
        return out;
    }

    // ---- writes

    /** Creates a lambda with its first version; 409 when the name is taken in the workspace. */
    public LambdaVersion create(String ws, String name, String description, String sql,
            List<LambdaParameter> defaults, List<String> collections) {
        return database.write(c -> {
            metadata.requireWorkspace(ws);
            if (lambda(ws, name).isPresent()) {
                throw new StoreException(StoreException.Kind.ALREADY_EXISTS, "QUERY_LAMBDA_ALREADY_EXISTS",
                        "Query Lambda \"" + name + "\" already exists in workspace \"" + ws + "\".");
            }
            return insertVersion(c, ws, name, description, sql, defaults, collections);
        });
    }

    /** Adds a version; with {@code create} a missing lambda is created, otherwise it is a 404. */
    public LambdaVersion addVersion(String ws, String name, String description, String sql,
            List<LambdaParameter> defaults, List<String> collections, boolean create) {
        return database.write(c -> {
            metadata.requireWorkspace(ws);
            if (!create && lambda(ws, name).isEmpty()) {
                throw notFound(ws, name);
            }
            return insertVersion(c, ws, name, description, sql, defaults, collections);
        });
    }

    /** Points {@code tag} at {@code version}, creating or moving it. */
    public LambdaTag tag(String ws, String name, String tag, String version) {
        if (LATEST.equals(tag)) {
            throw new StoreException(StoreException.Kind.INVALID, "QUERY_LAMBDA_TAG_RESERVED",
                    "The tag \"latest\" is maintained automatically and cannot be set");
        }
        return database.write(c -> {
            LambdaVersion v = requireVersion(ws, name, version);
            deleteTag(c, ws, name, tag);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta.lambda_tag VALUES (?, ?, ?, ?)")) {
                bind(ps, ws, name, tag, version);
                ps.executeUpdate();
            }
            reload(c);
            return new LambdaTag(tag, v);
        });
    }

    public LambdaTag deleteTag(String ws, String name, String tag) {
        if (LATEST.equals(tag)) {
            throw new StoreException(StoreException.Kind.INVALID, "QUERY_LAMBDA_TAG_RESERVED",
                    "The tag \"latest\" is maintained automatically and cannot be deleted");
        }
        return database.write(c -> {
            LambdaTag t = requireTag(ws, name, tag);
            deleteTag(c, ws, name, tag);
            reload(c);
            return t;
        });
    }

    private static void deleteTag(DuckDBConnection c, String ws, String name, String tag) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM meta.lambda_tag WHERE workspace = ? AND name = ? AND tag = ?")) {
            bind(ps, ws, name, tag);
            ps.executeUpdate();
        }
    }

    /** Deletes one version and the tags on it; deleting the only version deletes the lambda. */
    public LambdaVersion deleteVersion(String ws, String name, String version) {
        return database.write(c -> {
            LambdaVersion v = requireVersion(ws, name, version);
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM meta.lambda_version WHERE workspace = ? AND name = ? AND version = ?")) {
                bind(ps, ws, name, version);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM meta.lambda_tag WHERE workspace = ? AND name = ? AND version = ?")) {
                bind(ps, ws, name, version);
                ps.executeUpdate();
            }
            reload(c);
            return v;
        });
    }

    /** Deletes a lambda with all its versions and tags; returns it as it was. */
    public Summary delete(String ws, String name) {
        return database.write(c -> {
            Summary s = requireLambda(ws, name);
            for (String table : List.of("meta.lambda_version", "meta.lambda_tag")) {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM " + table + " WHERE workspace = ? AND name = ?")) {
                    bind(ps, ws, name);
                    ps.executeUpdate();
                }
            }
            reload(c);
            return s;
        });
    }

    // ---- internals

    private LambdaVersion insertVersion(DuckDBConnection c, String ws, String name, String description, String sql,
            List<LambdaParameter> defaults, List<String> collections) throws SQLException {
        String version = newVersionId();
        long seq;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT coalesce(max(seq), 0) + 1 FROM meta.lambda_version")) {
            rs.next();
            seq = rs.getLong(1);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO meta.lambda_version VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, ws);
            ps.setString(2, name);
            ps.setString(3, version);
            ps.setLong(4, seq);
            ps.setString(5, description);
            ps.setString(6, sql);
            ps.setString(7, json(defaults));
            ps.setArray(8, c.createArrayOf("VARCHAR", collections.toArray()));
            ps.setTimestamp(9, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
            ps.executeUpdate();
        }
        reload(c);
        return requireVersion(ws, name, version);
    }

    private void reload(DuckDBConnection c) throws SQLException {
        Map<String, List<LambdaVersion>> versions = new HashMap<>();
        Map<String, Map<String, String>> tags = new HashMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT workspace, name, version, description, query_sql,"
                    + " default_parameters, collections, created_at FROM meta.lambda_version ORDER BY seq DESC")) {
                while (rs.next()) {
                    LambdaVersion v = new LambdaVersion(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), parameters(rs.getString(6)), strings(rs.getArray(7)),
                            instant(rs.getObject(8)));
                    versions.computeIfAbsent(key(v.workspace(), v.name()), k -> new ArrayList<>()).add(v);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT workspace, name, tag, version FROM meta.lambda_tag")) {
                while (rs.next()) {
                    tags.computeIfAbsent(key(rs.getString(1), rs.getString(2)), k -> new HashMap<>())
                            .put(rs.getString(3), rs.getString(4));
                }
            }
        }
        Map<String, List<LambdaVersion>> frozen = new HashMap<>();
        versions.forEach((k, list) -> frozen.put(k, List.copyOf(list)));
        Map<String, Map<String, String>> frozenTags = new HashMap<>();
        tags.forEach((k, m) -> frozenTags.put(k, Map.copyOf(m)));
        snapshot.set(new Snapshot(Map.copyOf(frozen), Map.copyOf(frozenTags)));
    }

    private String newVersionId() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private String json(List<LambdaParameter> parameters) {
        try {
            return mapper.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<LambdaParameter> parameters(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<LambdaParameter>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored lambda parameters are not valid JSON", e);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            out.add(String.valueOf(o));
        }
        return out;
    }

    private static Instant instant(Object o) {
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof Timestamp ts) {
            return ts.toInstant();
        }
        return o == null ? null : Instant.parse(o.toString());
    }

    private static void bind(PreparedStatement ps, String... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setString(i + 1, values[i]);
        }
    }

    private static String key(String ws, String name) {
        return ws + "." + name;
    }

    private static StoreException notFound(String ws, String name) {
        return new StoreException(StoreException.Kind.NOT_FOUND, "QUERY_NOT_FOUND",
                "Query Lambda \"" + name + "\" not found in workspace \"" + ws + "\".");
    }

    private static StoreException tagNotFound(String ws, String name, String tag) {
        return new StoreException(StoreException.Kind.NOT_FOUND, "QUERY_LAMBDA_TAG_NOT_FOUND",
                "Query Lambda \"" + name + "\" (tag \"" + tag + "\") not found in workspace \"" + ws + "\".");
    }
}
