package quarry.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import quarry.core.artifacts.CompiledNode;
import quarry.core.compile.JinjaBinding;
import quarry.core.compile.RenderSettings;
import quarry.core.parse.ParseReuse;
import quarry.core.parse.ParseTimings;
import quarry.core.artifacts.InvocationInfo;
import quarry.core.artifacts.ManifestWriter;
import quarry.core.manifest.Manifest;
import quarry.core.manifest.Node;
import quarry.core.manifest.ResourceType;
import quarry.core.session.DbtVersion;
import quarry.core.session.ParseResult;
import quarry.core.session.ProjectParsing;
import quarry.core.session.Session;

/** Parses the session's project (the step every project command starts with) and writes manifest.json. */
final class Parsing {

    private Parsing() {}

    static ParseResult parse(Session session, Console console) {
        return parseWith(session, console).result();
    }

    /** A parsed project with the Jinja binding that parsed it, which compile reuses. */
    record Parsed(ParseResult result, JinjaBinding jinja, ParseTimings timings) {}

    static Parsed parseWith(Session session, Console console) {
        return parseWith(session, console, ParseReuse.none(session.env().reads()));
    }

    /** Parses, reusing what the last parse left when {@code reuse} allows it. */
    static Parsed parseWith(Session session, Console console, ParseReuse reuse) {
        RenderSettings settings = ProjectParsing.renderSettings(session,
                ProjectParsing.flags(session.options().command(), false), console::info, console::result);
        JinjaBinding jinja = ProjectParsing.binding(session, settings);
        ParseTimings timings = new ParseTimings();
        return new Parsed(ProjectParsing.parse(session, jinja, timings, reuse), jinja, timings);
    }

    static void writeManifest(Session session, ParseResult result, Map<String, CompiledNode> compiled) {
        new ManifestWriter(session.relationStyle()).write(session.targetDir().resolve("manifest.json"),
                result.manifest(), result.dag(), invocation(session), compiled);
    }

    /** target/perf_info.json: the parse phases in seconds, as dbt's parse writes them. */
    static void writePerfInfo(Session session, Parsed parsed, long pathCount) {
        writePerfInfo(session, parsed, pathCount, Map.of());
    }

    /** perf_info.json with extra entries (partial parsing's counts of files reused and parsed). */
    static void writePerfInfo(Session session, Parsed parsed, long pathCount, Map<String, Object> extra) {
        java.util.Map<String, Object> info = new java.util.LinkedHashMap<>();
        info.put("path_count", pathCount);
        info.put("is_partial_parse_enabled", true);
        info.put("is_static_analysis_enabled", true);
        info.putAll(extra);
        info.putAll(parsed.timings().phases());
        try {
            java.nio.file.Files.createDirectories(session.targetDir());
            new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValue(session.targetDir().resolve("perf_info.json").toFile(), info);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static InvocationInfo invocation(Session session) {
        return new InvocationInfo(session.invocationId(), session.startedAt(), DbtVersion.REPORTED,
                session.adapter().type(), session.env().withPrefix("DBT_ENV_CUSTOM_ENV_"));
    }

    /** Prints the "Found ..." line as dbt's FoundStats event. */
    static void reportFound(Console console, Manifest manifest) {
        console.info("FoundStats", "W006", foundLine(manifest));
    }

    /** dbt's "Found 5 models, 3 seeds, 20 data tests, ..." line: only non-zero counts. */
    static String foundLine(Manifest manifest) {
        int[] byType = new int[ResourceType.values().length];
        for (Node n : manifest.nodes().values()) {
            byType[n.resourceType().ordinal()]++;
        }
        Map<ResourceType, Integer> counts = new EnumMap<>(ResourceType.class);
        for (ResourceType type : ResourceType.values()) {
            counts.put(type, byType[type.ordinal()]);
        }
        List<String> parts = new ArrayList<>();
        add(parts, counts.getOrDefault(ResourceType.MODEL, 0), "model", "models");
        add(parts, counts.getOrDefault(ResourceType.SNAPSHOT, 0), "snapshot", "snapshots");
        add(parts, counts.getOrDefault(ResourceType.ANALYSIS, 0), "analysis", "analyses");
        add(parts, counts.getOrDefault(ResourceType.SEED, 0), "seed", "seeds");
        add(parts, counts.getOrDefault(ResourceType.TEST, 0), "data test", "data tests");
        add(parts, manifest.sources().size(), "source", "sources");
        add(parts, manifest.exposures().size(), "exposure", "exposures");
        add(parts, manifest.macros().size(), "macro", "macros");
        add(parts, manifest.unitTests().size(), "unit test", "unit tests");
        return "Found " + (parts.isEmpty() ? "nothing" : String.join(", ", parts));
    }

    private static void add(List<String> parts, int count, String one, String many) {
        if (count > 0) {
            parts.add(count + " " + (count == 1 ? one : many));
        }
    }
}
