package quarry.core.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import quarry.core.artifacts.InvocationInfo;
import quarry.core.artifacts.ManifestWriter;
import quarry.core.compile.JinjaBinding;
import quarry.core.compile.RenderSettings;
import quarry.core.parse.ParseTimings;
import quarry.core.testing.TestProjects;

/** Parses a test project fully or partially (as {@code quarry parse} does) and gives its manifest.json, normalized. */
final class PartialParseHarness {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final InvocationInfo INFO = new InvocationInfo("00000000-0000-0000-0000-000000000000",
            Instant.parse("2026-01-01T00:00:00Z"), DbtVersion.REPORTED, "quarry_test", Map.of());

    /** The outcome of one parse: the manifest (or the error's message) and what was reused. */
    record Outcome(JsonNode manifest, String error, boolean partial, int reused, int parsed, int read) {
        String describe() {
            return error != null ? "error: " + error : "manifest";
        }
    }

    private PartialParseHarness() {}

    /** A parse that uses and then replaces the saved state in target/, as {@code quarry parse} does. */
    static Outcome partial(Path dir, Map<String, Object> vars, Map<String, String> env, String target) {
        return run(dir, vars, env, target, true);
    }

    /** A full parse that leaves the saved state alone. */
    static Outcome full(Path dir, Map<String, Object> vars, Map<String, String> env, String target) {
        return run(dir, vars, env, target, false);
    }

    private static Outcome run(Path dir, Map<String, Object> vars, Map<String, String> env, String target,
            boolean partial) {
        Session session;
        PartialParse.Plan plan;
        try {
            session = TestProjects.session(dir, vars, env, target);
            plan = partial ? PartialParse.planWhileParsing(session, "test") : PartialParse.full(session, "comparison");
            RenderSettings settings = ProjectParsing.renderSettings(session, ProjectParsing.flags("parse", false),
                    x -> { }, x -> { });
            JinjaBinding jinja = ProjectParsing.binding(session, settings);
            ParseResult result = ProjectParsing.parse(session, jinja, new ParseTimings(), plan.reuse());
            if (partial) {
                PartialParse.save(session, "test", plan).ifPresent(why -> {
                    throw new AssertionError("state not saved: " + why);
                });
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ManifestWriter(session.relationStyle()).write(out, result.manifest(), result.dag(), INFO, Map.of());
            return new Outcome(normalized(JSON.readTree(out.toByteArray())), null, plan.partial(), plan.reuse().reused(),
                    plan.reuse().parsed(), plan.reuse().read());
        } catch (quarry.core.QuarryException e) {
            return new Outcome(null, e.getMessage(), false, 0, 0, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode normalized(JsonNode manifest) {
        ((ObjectNode) manifest.get("metadata")).remove("generated_at");
        return manifest;
    }

    /** The first difference between two manifests, for a readable failure. */
    static String difference(JsonNode a, JsonNode b, String path) {
        if (a == null && b == null) {
            return null;
        }
        if (a == null || b == null) {
            return path + ": " + a + " vs " + b;
        }
        if (a.equals(b)) {
            return null;
        }
        if (a.isObject() && b.isObject()) {
            for (Iterator<String> it = a.fieldNames(); it.hasNext();) {
                String f = it.next();
                String d = difference(a.get(f), b.get(f), path + "." + f);
                if (d != null) {
                    return d;
                }
            }
            for (Iterator<String> it = b.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (!a.has(f)) {
                    return path + "." + f + ": only in the second";
                }
            }
        }
        return path + ": " + abbreviate(a) + " vs " + abbreviate(b);
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
