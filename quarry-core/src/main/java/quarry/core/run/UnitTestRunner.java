package quarry.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import quarry.core.adapter.AdapterConnection;
import quarry.core.adapter.Column;
import quarry.core.adapter.QueryResult;
import quarry.core.adapter.Relation;
import quarry.core.adapter.RelationStyle;
import quarry.core.adapter.RelationType;
import quarry.core.manifest.Manifest;
import quarry.core.manifest.Node;
import quarry.core.manifest.SourceDefinition;
import quarry.core.manifest.UnitTest;

/**
 * Runs one dbt unit test on the adapter: each given input becomes a fixture query (typed by the
 * input relation's columns when it exists), the model's SQL is rendered reading those fixtures,
 * the result is fetched and compared with the expected rows. PASS when both hold the same rows;
 * FAIL with dbt's diff table (rows only in actual {@code +++}, only in expected {@code ---}).
 */
final class UnitTestRunner {

    private final Manifest manifest;
    private final NodeCompiler compiler;
    private final AdapterConnection connection;
    private final Path targetDir;

    UnitTestRunner(Manifest manifest, NodeCompiler compiler, AdapterConnection connection, Path targetDir) {
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.compiler = Objects.requireNonNull(compiler, "compiler");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.targetDir = Objects.requireNonNull(targetDir, "targetDir");
    }

    NodeResult run(UnitTest test) {
        Instant compileStart = Instant.now();
        Node model = manifest.node(test.modelUniqueId()).orElseThrow(() -> new IllegalStateException(
                "unit test " + test.uniqueId() + " tests " + test.modelUniqueId() + ", which is not in the manifest"));
        Map<String, String> inputs = new LinkedHashMap<>();
        for (UnitTest.Fixture given : test.given()) {
            inputs.put(given.inputUniqueId(), fixtureQuery(given, test));
        }
        String sql = compiler.compileUnitTest(model, inputs, test.overrides());
        write(test, sql);
        Instant compileEnd = Instant.now();
        QueryResult actual = connection.execute(sql, true);
        List<Map<String, Object>> expected = expectedRows(test);
        RowDiff.Outcome outcome;
        try {
            outcome = RowDiff.compare(actual.columnNames(), actual.rows(), expected);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(test.originalFilePath() + ":" + test.line() + ": unit test '" + test.name()
                    + "': " + e.getMessage(), e);
        }
        Instant end = Instant.now();
        NodeResult.Status status = outcome.equal() ? NodeResult.Status.PASS : NodeResult.Status.FAIL;
        String message = outcome.equal() ? "" : "actual differs from expected:\n\n" + outcome.table();
        return new NodeResult(test.uniqueId(), status, message,
                Optional.of(new NodeResult.Timing("compile", compileStart, compileEnd)),
                Optional.of(new NodeResult.Timing("execute", compileEnd, end)), Thread.currentThread().getName(),
                java.time.Duration.between(compileStart, end).toNanos() / 1e9, NodeResult.AdapterResponse.NONE,
                Optional.of(outcome.equal() ? 0L : 1L), Optional.of(sql), Optional.empty());
    }

    /** The query standing for one input: its SQL as given, or its rows typed by the input relation's columns. */
    private String fixtureQuery(UnitTest.Fixture given, UnitTest test) {
        if (given.format() == UnitTest.Format.SQL) {
            return given.sql();
        }
        try {
            return FixtureSql.of(given.rows(), existingColumns(given.inputUniqueId()), given.format() == UnitTest.Format.CSV);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(test.originalFilePath() + ":" + test.line() + ": unit test '" + test.name()
                    + "', input " + given.input() + ": " + e.getMessage(), e);
        }
    }

    private List<Map<String, Object>> expectedRows(UnitTest test) {
        UnitTest.Fixture expect = test.expect();
        if (expect.format() != UnitTest.Format.SQL) {
            return expect.rows();
        }
        QueryResult rows = connection.execute(expect.sql(), true);
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (List<Object> row : rows.rows()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < rows.columnNames().size(); i++) {
                values.put(rows.columnNames().get(i), row.get(i));
            }
            out.add(values);
        }
        return out;
    }

    /** The columns of the relation an input stands for, if it exists (dbt reads them the same way). */
    private List<Column> existingColumns(String uniqueId) {
        String database;
        String schema;
        String identifier;
        Optional<Node> node = manifest.node(uniqueId);
        SourceDefinition source = manifest.sources().get(uniqueId);
        if (node.isPresent()) {
            database = node.get().database();
            schema = node.get().schema();
            identifier = node.get().alias();
        } else if (source != null) {
            database = source.database();
            schema = source.schema();
            identifier = source.identifier();
        } else {
            return List.of();
        }
        if (schema == null || identifier == null
                || connection.getRelation(database, schema, identifier).isEmpty()) {
            return List.of();
        }
        return connection.getColumnsInRelation(new Relation(database, schema, identifier, RelationType.TABLE,
                RelationStyle.DBT_DEFAULT));
    }

    private void write(UnitTest test, String sql) {
        Path file = targetDir.resolve("compiled").resolve(test.packageName()).resolve(test.originalFilePath())
                .resolve(test.model()).resolve(test.name() + ".sql");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, sql, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
