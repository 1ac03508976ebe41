package quarry.core.artifacts;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import quarry.core.manifest.UnitTest;

/** A unit test as manifest.json's {@code unit_tests} section spells it (dbt's UnitTestDefinition). */
public final class UnitTestJson {

    private UnitTestJson() {}

    static void write(JsonGenerator g, UnitTest u) throws IOException {
        g.writeStartObject();
        g.writeStringField("model", u.model());
        g.writeArrayFieldStart("given");
        for (UnitTest.Fixture f : u.given()) {
            fixture(g, f, true);
        }
        g.writeEndArray();
        g.writeFieldName("expect");
        fixture(g, u.expect(), false);
        g.writeStringField("name", u.name());
        g.writeStringField("resource_type", "unit_test");
        g.writeStringField("package_name", u.packageName());
        g.writeStringField("path", u.path());
        g.writeStringField("original_file_path", u.originalFilePath());
        g.writeStringField("unique_id", u.uniqueId());
        ResourceJson.field(g, "fqn", u.fqn());
        g.writeStringField("description", u.description());
        if (u.overrides().isEmpty()) {
            g.writeNullField("overrides");
        } else {
            Map<String, Object> overrides = new LinkedHashMap<>();
            overrides.put("macros", u.overrides().macros());
            overrides.put("vars", u.overrides().vars());
            overrides.put("env_vars", u.overrides().envVars());
            ResourceJson.field(g, "overrides", overrides);
        }
        g.writeObjectFieldStart("depends_on");
        g.writeArrayFieldStart("macros");
        g.writeEndArray();
        ResourceJson.field(g, "nodes", List.of(u.modelUniqueId()));
        g.writeEndObject();
        ResourceJson.field(g, "config", u.config());
        g.writeStringField("checksum", checksum(u));
        g.writeNullField("schema");
        g.writeNumberField("created_at", 0);
        ResourceJson.field(g, "versions", u.versions().isEmpty() ? null : u.versions());
        g.writeStringField("version", u.version());
        g.writeEndObject();
    }

    private static void fixture(JsonGenerator g, UnitTest.Fixture f, boolean input) throws IOException {
        g.writeStartObject();
        if (input) {
            g.writeStringField("input", f.input());
        }
        ResourceJson.field(g, "rows", f.rawRows());
        g.writeStringField("format", f.format().dbtName());
        g.writeStringField("fixture", f.fixture());
        g.writeEndObject();
    }

    /** The checksum manifest.json shows for a unit test: a digest of its id, given and expected rows, and overrides. */
    public static String checksum(UnitTest u) {
        return quarry.core.parse.Hashing.sha256((u.uniqueId() + "\n" + u.given() + "\n" + u.expect() + "\n"
                + u.overrides()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
