package quarry.core.parse;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import quarry.core.SourceLocation;
import quarry.core.Suggestions;
import quarry.core.manifest.Node;
import quarry.core.manifest.RefCall;
import quarry.core.manifest.ResourceType;
import quarry.core.manifest.SourceDefinition;
import quarry.core.manifest.UnitTest;
import quarry.core.project.DbtProject;
import quarry.core.project.ProjectSet;

/**
 * Turns unit test {@link UnitTestParser.Spec}s into {@link UnitTest}s once the nodes are known: the
 * tested model must exist in the test's package (a versioned model gets one test per version, as
 * {@code versions: include/exclude} allows), each input must be one of the model's refs or sources
 * (an ephemeral one given as {@code format: sql}), and fixture files are read from the test paths'
 * {@code fixtures/} folders. Tests of disabled models, disabled tests and the tests of installed
 * packages are left out.
 */
public final class UnitTestLinker {

    private final ProjectSet projects;
    private final RefResolver resolver;
    private final Collection<Node> enabled;
    /** The enabled models by package and name, indexed on the first unit test (most projects have none). */
    private Map<String, List<Node>> modelsByName;
    private final Set<String> disabledModels;

    public UnitTestLinker(ProjectSet projects, RefResolver resolver, Collection<Node> enabled, Set<String> disabledModels) {
        this.projects = projects;
        this.resolver = resolver;
        this.disabledModels = disabledModels;
        this.enabled = enabled;
    }

    private Map<String, List<Node>> modelsByName() {
        if (modelsByName == null) {
            modelsByName = new LinkedHashMap<>();
            for (Node n : enabled) {
                if (n.resourceType() == ResourceType.MODEL) {
                    modelsByName.computeIfAbsent(n.packageName() + "/" + n.name(), k -> new ArrayList<>()).add(n);
                }
            }
        }
        return modelsByName;
    }

    /**
     * The enabled unit tests of the root project, by unique id. dbt unit-tests only the current
     * project's models, so the unit tests of installed packages are left out.
     */
    public Map<String, UnitTest> link(Map<String, List<Properties>> properties) {
        Map<String, UnitTest> out = new LinkedHashMap<>();
        String root = projects.root().name();
        properties.forEach((pkg, files) -> files.stream().filter(file -> pkg.equals(root)).forEach(file -> file.unitTests().forEach(spec -> {
            for (UnitTest test : link(pkg, file.file(), spec)) {
                UnitTest previous = out.put(test.uniqueId(), test);
                if (previous != null) {
                    throw new ParseException(spec.location(), "unit test '" + spec.name() + "' of model '" + spec.model()
                            + "' is also defined in " + previous.originalFilePath() + ":" + previous.line()
                            + "; rename one of them");
                }
            }
        })));
        return out;
    }

    private List<UnitTest> link(String pkg, String file, UnitTestParser.Spec spec) {
        if (Boolean.FALSE.equals(spec.config().get("enabled"))) {
            return List.of();
        }
        List<Node> models = modelsByName().get(pkg + "/" + spec.model());
        if (models == null) {
            if (disabledModels.contains(spec.model())) {
                return List.of();
            }
            List<String> names = modelsByName().keySet().stream().filter(k -> k.startsWith(pkg + "/"))
                    .map(k -> k.substring(pkg.length() + 1)).toList();
            throw new ParseException(spec.location(), "unit test '" + spec.name() + "' tests model '" + spec.model()
                    + "', which was not found in package '" + pkg + "'" + Suggestions.didYouMean(spec.model(), names));
        }
        List<UnitTest> tests = new ArrayList<>();
        boolean versioned = models.size() > 1 || models.get(0).version() != null;
        for (Node model : models) {
            if (versioned && !versionIncluded(spec, model.version())) {
                continue;
            }
            String name = versioned ? spec.name() + "_v" + model.version() : spec.name();
            List<UnitTest.Fixture> given = new ArrayList<>();
            for (UnitTestParser.FixtureSpec input : spec.given()) {
                given.add(fixture(pkg, spec, input, inputId(model, spec, input)));
            }
            List<String> fqn = new ArrayList<>(model.fqn());
            fqn.add(name);
            String path = file.contains("/") ? file.substring(file.indexOf('/') + 1) : file;
            tests.add(new UnitTest("unit_test." + pkg + "." + spec.model() + "." + name, pkg, name, spec.model(),
                    model.uniqueId(), model.version(), spec.description(), given,
                    fixture(pkg, spec, spec.expect(), null), spec.overrides(), spec.config(), spec.versions(), fqn, path,
                    file, spec.location().line()));
        }
        return tests;
    }

    private static boolean versionIncluded(UnitTestParser.Spec spec, String version) {
        Object include = spec.versions().get("include");
        Object exclude = spec.versions().get("exclude");
        if (include instanceof List<?> l && l.stream().noneMatch(v -> StaticSql.versionText(v).equals(version))) {
            return false;
        }
        return !(exclude instanceof List<?> l && l.stream().anyMatch(v -> StaticSql.versionText(v).equals(version)));
    }

    /** The unique id an input stands for, checked against the model's own refs and sources. */
    private String inputId(Node model, UnitTestParser.Spec spec, UnitTestParser.FixtureSpec input) {
        if (input.input().equals("this")) {
            return model.uniqueId();
        }
        Literals.Call call = Literals.call(input.input());
        String what = "unit test '" + spec.name() + "': input " + input.input();
        String id;
        boolean ephemeral = false;
        try {
            if (call.function().equals("ref")) {
                Node target = resolver.resolveRef(model, refCall(call, input));
                id = target.uniqueId();
                ephemeral = target.isEphemeral();
            } else {
                if (call.args().size() != 2) {
                    throw new ParseException(input.location(), what + " must name a source and a table: source('raw', 'orders')");
                }
                SourceDefinition source = resolver.resolveSource(model, String.valueOf(call.args().get(0)),
                        String.valueOf(call.args().get(1)));
                id = source.uniqueId();
            }
        } catch (ParseException e) {
            if (e.location().map(l -> l.equals(input.location())).orElse(false)) {
                throw e;
            }
            throw new ParseException(input.location(), what + ": " + e.getMessage().replaceFirst("^[^:]*(:\\d+)?: ", ""));
        }
        if (!model.dependsOnNodes().contains(id)) {
            throw new ParseException(input.location(), what + " is not among the refs and sources of model '"
                    + model.name() + "' (it depends on " + (model.dependsOnNodes().isEmpty() ? "nothing"
                            : String.join(", ", model.dependsOnNodes())) + ")");
        }
        if (ephemeral && input.format() != UnitTest.Format.SQL) {
            throw new ParseException(input.location(), what + " is an ephemeral model; give its rows with format: sql");
        }
        return id;
    }

    private static RefCall refCall(Literals.Call call, UnitTestParser.FixtureSpec input) {
        List<Object> args = call.args();
        Object v = call.kwargs().containsKey("v") ? call.kwargs().get("v") : call.kwargs().get("version");
        String version = v == null ? null : StaticSql.versionText(v);
        if (args.size() == 1) {
            return new RefCall(String.valueOf(args.get(0)), null, version);
        }
        if (args.size() == 2) {
            return new RefCall(String.valueOf(args.get(1)), String.valueOf(args.get(0)), version);
        }
        throw new ParseException(input.location(), "input " + input.input() + " must be ref('model') or ref('package', 'model')");
    }

    private UnitTest.Fixture fixture(String pkg, UnitTestParser.Spec spec, UnitTestParser.FixtureSpec f, String inputId) {
        String text = f.rows() instanceof String s ? s : null;
        if (f.fixture() != null) {
            text = readFixture(pkg, spec, f);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        String sql = null;
        switch (f.format()) {
            case DICT -> {
                if (f.rows() instanceof List<?> list) {
                    for (Object row : list) {
                        Map<String, Object> copy = new LinkedHashMap<>();
                        ((Map<?, ?>) row).forEach((k, v) -> copy.put(String.valueOf(k), v));
                        rows.add(copy);
                    }
                }
            }
            case CSV -> rows.addAll(csvRows(text, f, spec));
            case SQL -> sql = text;
            default -> throw new IllegalStateException(f.format().name());
        }
        return new UnitTest.Fixture(f.input(), inputId, f.format(), f.rows(), f.fixture(), rows, sql);
    }

    private static List<Map<String, Object>> csvRows(String text, UnitTestParser.FixtureSpec f, UnitTestParser.Spec spec) {
        List<Map<String, Object>> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).build();
        try (CSVParser parser = CSVParser.parse(new StringReader(text.strip()), format)) {
            List<String> header = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                if (record.size() != header.size()) {
                    throw new ParseException(f.location(), "unit test '" + spec.name() + "': CSV row "
                            + record.getRecordNumber() + " has " + record.size() + " values for " + header.size() + " columns");
                }
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String value = record.get(i);
                    row.put(header.get(i), value.isEmpty() ? null : value);
                }
                rows.add(row);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new ParseException(f.location(), "unit test '" + spec.name() + "': rows are not valid CSV: " + e.getMessage());
        }
        return rows;
    }

    /** A fixture file: {@code <test path>/fixtures/**}{@code /<name>.csv} (or {@code .sql}) of the test's package. */
    private String readFixture(String pkg, UnitTestParser.Spec spec, UnitTestParser.FixtureSpec f) {
        DbtProject project = projects.project(pkg);
        String fileName = f.fixture() + "." + f.format().dbtName();
        for (String testPath : project.testPaths()) {
            Path dir = project.root().resolve(testPath).resolve("fixtures");
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                Optional<Path> found = files.filter(p -> p.getFileName().toString().equals(fileName)).sorted().findFirst();
                if (found.isPresent()) {
                    return Files.readString(found.get(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new ParseException(f.location(), "cannot read fixture '" + f.fixture() + "': " + e.getMessage());
            }
        }
        throw new ParseException(new SourceLocation(f.location().file(), f.location().line()), "unit test '" + spec.name()
                + "': fixture '" + f.fixture() + "' not found; put " + fileName + " under "
                + project.testPaths().stream().map(p -> p + "/fixtures/").reduce((a, b) -> a + " or " + b).orElse("tests/fixtures/"));
    }
}
