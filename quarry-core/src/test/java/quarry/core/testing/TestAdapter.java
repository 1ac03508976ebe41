package quarry.core.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import quarry.core.SourceLocation;
import quarry.core.adapter.Adapter;
import quarry.core.adapter.AdapterConnection;
import quarry.core.adapter.Credentials;
import quarry.core.adapter.RelationStyle;
import quarry.core.project.ProjectException;

/** An adapter for engine tests: dbt's default relation style, type {@code quarry_test}, no connections. */
public final class TestAdapter implements Adapter {

    @Override
    public String type() {
        return "quarry_test";
    }

    @Override
    public Credentials credentials(Map<String, Object> fields) {
        Object schema = fields.get("schema");
        if (schema == null) {
            throw new ProjectException(SourceLocation.of("profiles.yml"), "the test profile needs a 'schema'");
        }
        String database = String.valueOf(fields.getOrDefault("database", "db"));
        String secret = fields.get("password") == null ? null : String.valueOf(fields.get("password"));
        return new Credentials() {
            @Override
            public String type() {
                return "quarry_test";
            }

            @Override
            public String database() {
                return database;
            }

            @Override
            public String schema() {
                return String.valueOf(schema);
            }

            @Override
            public Map<String, Object> targetFields() {
                Map<String, Object> out = new LinkedHashMap<>(fields);
                out.remove("password");
                return out;
            }

            @Override
            public Set<String> secrets() {
                return secret == null ? Set.of() : Set.of(secret);
            }
        };
    }

    @Override
    public RelationStyle relationStyle() {
        return RelationStyle.DBT_DEFAULT;
    }

    @Override
    public String quote(String identifier) {
        return "\"" + identifier + "\"";
    }

    @Override
    public AdapterConnection connect(Credentials credentials, java.nio.file.Path projectRoot) {
        throw new UnsupportedOperationException("the test adapter has no database");
    }
}
