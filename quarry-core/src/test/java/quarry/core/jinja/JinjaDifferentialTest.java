package quarry.core.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Renders the corpus {@code differential/cases.txt} with Quarry and compares each result byte for
 * byte with Python's Jinja2 configured as dbt configures it: against the committed
 * {@code expected.json} always, and against a live Python run when one is available (found via
 * {@code QUARRY_PYTHON}, then {@code python3}, then {@code /usr/bin/python3}, the first with Jinja2
 * 3.1 or later; Python runs once for the whole corpus). For cases where Jinja2 fails, Quarry must
 * fail too, with a line number.
 */
class JinjaDifferentialTest {
    private static final String DIR = "/quarry/core/jinja/differential/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Jinja2 as dbt configures it, with dbt's {@code modules} (datetime, re) as render.py has them. */
    private final JinjaEnvironment env = JinjaEnvironment.builder()
            .global("modules", new PyModules(java.time.Clock.systemUTC()))
            .build();

    /** Hand-written cases, then cases generate.py produced at random (fixed seeds). */
    private static final List<String[]> CORPORA = List.of(
            new String[] {"cases.txt", "expected.json"},
            new String[] {"generated-cases.txt", "generated-expected.json"});

    @TestFactory
    Stream<DynamicTest> quarryMatchesCommittedJinja2Output() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] corpus : CORPORA) {
            Map<String, String> cases = cases(corpus[0]);
            JsonNode expected;
            try (InputStream in = JinjaDifferentialTest.class.getResourceAsStream(DIR + corpus[1])) {
                expected = JSON.readTree(in);
            }
            assertThat(expected.size()).as(corpus[1] + " covers " + corpus[0] + "; regenerate it (docs/jinja.md)")
                    .isEqualTo(cases.size());
            cases.forEach((name, template) -> tests.add(DynamicTest.dynamicTest(name,
                    () -> check(name, template, expected.get(name)))));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> quarryMatchesLiveJinja2() throws Exception {
        String python = findPython();
        Assumptions.assumeTrue(python != null,
                "no Python with jinja2 >= 3.1 found (tried $QUARRY_PYTHON, python3, /usr/bin/python3): "
                        + "live differential comparison skipped; expected.json still checks the corpus");
        JsonNode live = runPython(python);
        Map<String, String> cases = new LinkedHashMap<>();
        for (String[] corpus : CORPORA) {
            cases.putAll(cases(corpus[0]));
        }
        return cases.entrySet().stream().map(c -> DynamicTest.dynamicTest(c.getKey(),
                () -> check(c.getKey(), c.getValue(), live.get(c.getKey()))));
    }

    private void check(String name, String template, JsonNode expected) {
        assertThat(expected).as("no Jinja2 result for case " + name).isNotNull();
        String actual;
        try {
            actual = env.parse(name, template).render(Map.of());
        } catch (JinjaException e) {
            if (expected.has("error")) {
                assertThat(e.line()).as("Quarry's error has a line: " + e.getMessage()).isPositive();
                return;
            }
            fail("Jinja2 rendered " + expected.get("output") + " but Quarry failed: " + e.getMessage(), e);
            return;
        }
        if (expected.has("error")) {
            fail("Jinja2 failed with " + expected.get("error").asText() + " but Quarry rendered " + quote(actual));
        }
        assertThat(actual).isEqualTo(expected.get("output").asText());
    }

    private static String quote(String s) {
        return "\"" + s.replace("\n", "\\n") + "\"";
    }

    /** Cases in file order: a line {@code === name} starts one; its template runs to the next such line. */
    static Map<String, String> cases(String file) throws IOException {
        String text;
        try (InputStream in = JinjaDifferentialTest.class.getResourceAsStream(DIR + file)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> cases = new LinkedHashMap<>();
        String name = null;
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("=== ")) {
                if (name != null) {
                    cases.put(name, String.join("\n", lines));
                }
                name = line.substring(4).strip();
                lines.clear();
            } else if (name != null) {
                lines.add(line);
            }
        }
        if (name != null) {
            cases.put(name, String.join("\n", lines));
        }
        return cases;
    }

    private static String findPython() {
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv("QUARRY_PYTHON");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.add("python3");
        candidates.add("/usr/bin/python3");
        for (String candidate : candidates) {
            try {
                // the corpus's expected output is Jinja2 3.1's; older versions differ in details
                Process p = new ProcessBuilder(candidate, "-c",
                        "import sys, jinja2; sys.exit(0 if tuple(map(int, jinja2.__version__.split('.')[:2])) >= (3, 1) else 1)")
                        .redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException e) {
                // not installed: try the next candidate
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private static JsonNode runPython(String python) throws Exception {
        Path dir = Files.createTempDirectory("quarry-jinja-diff");
        try {
            List<String> command = new ArrayList<>(List.of(python, dir.resolve("render.py").toString()));
            for (String[] corpus : CORPORA) {
                command.add(dir.resolve(corpus[0]).toString());
            }
            for (String file : List.of("render.py", "cases.txt", "generated-cases.txt")) {
                try (InputStream in = JinjaDifferentialTest.class.getResourceAsStream(DIR + file)) {
                    Files.write(dir.resolve(file), in.readAllBytes());
                }
            }
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                fail(python + " render.py failed with exit code " + p.exitValue());
            }
            return JSON.readTree(out);
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }
}
