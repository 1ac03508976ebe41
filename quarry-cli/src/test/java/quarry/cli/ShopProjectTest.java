package quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples/shop project through the quarry command: parse, compile against the committed
 * expected SQL, ls in every output format. Artifacts go to a temporary target path.
 */
class ShopProjectTest {

    private static final Path EXAMPLE = Path.of("../examples/shop").toAbsolutePath().normalize();
    private static final Path EXPECTED = Path.of("src/test/resources/expected/shop");

    @TempDir
    Path target;

    /** A copy of examples/shop without any state of earlier runs, so no test writes into the example. */
    @TempDir
    Path shop;

    @org.junit.jupiter.api.BeforeEach
    void copyTheExample() throws IOException {
        try (Stream<Path> files = Files.walk(EXAMPLE)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path relative = EXAMPLE.relativize(from);
                String top = relative.getNameCount() == 0 ? "" : relative.getName(0).toString();
                if (top.equals(".quarry") || top.equals("target") || top.equals("logs")) {
                    continue;
                }
                Path to = shop.resolve(relative.toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int quarry(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--project-dir";
        all[args.length + 1] = shop.toString();
        all[args.length + 2] = "--target-path";
        all[args.length + 3] = target.toString();
        return Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void parseWritesAManifestWithEveryNode() throws IOException {
        assertThat(quarry("parse")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Found 7 models, 1 snapshot, 1 analysis, 3 seeds, 20 data tests");
        JsonNode manifest = new ObjectMapper().readTree(target.resolve("manifest.json").toFile());
        assertThat(manifest.at("/metadata/dbt_schema_version").asText()).endsWith("manifest/v12.json");
        assertThat(manifest.at("/nodes/model.shop.orders/relation_name").asText()).isEqualTo("\"shop\".\"orders\"");
        assertThat(manifest.at("/nodes/seed.shop.raw_orders/schema").asText()).isEqualTo("shop_raw");
        assertThat(manifest.at("/child_map/model.shop.orders").size()).isGreaterThan(3);
        assertThat(manifest.toString()).doesNotContain("shop-embedded-key");
    }

    @Test
    void compiledSqlMatchesTheExpectedFiles() throws IOException {
        assertThat(quarry("compile")).as(err.toString()).isZero();
        Map<String, String> actual = files(target.resolve("compiled"));
        if (Boolean.getBoolean("quarry.updateExpected")) {
            for (Map.Entry<String, String> e : actual.entrySet()) {
                Path f = EXPECTED.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue());
            }
        }
        assertThat(actual).isEqualTo(files(EXPECTED));
    }

    @Test
    void compilingOneNodePrintsItsSql() {
        assertThat(quarry("compile", "--select", "stg_payments")).isZero();
        assertThat(out.toString()).contains("Compiled node 'stg_payments' is:")
                .contains("ROUND(CAST(amount AS float) / 100, 2) as amount");
    }

    @Test
    void inlineSqlIsCompiledWithRefs() {
        assertThat(quarry("compile", "--inline", "select count(*) from {{ ref('orders') }}")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("select count(*) from \"shop\".\"orders\"");
    }

    @Test
    void lsListsSelectorsNamesPathsAndJson() {
        assertThat(quarry("ls", "--select", "+customers", "--resource-type", "model")).isZero();
        assertThat(out.toString().lines()).containsExactly("shop.marts.customers", "shop.marts.int_order_payments",
                "shop.marts.orders", "shop.staging.stg_customers", "shop.staging.stg_orders", "shop.staging.stg_payments");
        out.getBuffer().setLength(0);
        assertThat(quarry("ls", "-s", "tag:staging", "--output", "path", "--resource-type", "model")).isZero();
        assertThat(out.toString().lines()).containsExactly("models/staging/stg_customers.sql",
                "models/staging/stg_orders.sql", "models/staging/stg_payments.sql");
        out.getBuffer().setLength(0);
        assertThat(quarry("ls", "-s", "orders", "--output", "json", "--output-keys", "name", "resource_type")).isZero();
        assertThat(out.toString()).contains("{\"name\":\"orders\",\"resource_type\":\"model\"}");
        out.getBuffer().setLength(0);
        assertThat(quarry("ls", "--resource-type", "test", "--output", "name", "-s", "stg_orders")).isZero();
        assertThat(out.toString().lines()).hasSize(3);
    }

    @Test
    void theUnitTestOfOrdersIsInTheManifestAndListed() throws IOException {
        assertThat(quarry("parse")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("1 unit test");
        JsonNode unitTest = new ObjectMapper().readTree(target.resolve("manifest.json").toFile())
                .at("/unit_tests/unit_test.shop.orders.orders_without_payments_have_zero_amounts");
        assertThat(unitTest.path("model").asText()).isEqualTo("orders");
        assertThat(unitTest.at("/depends_on/nodes/0").asText()).isEqualTo("model.shop.orders");
        out.getBuffer().setLength(0);
        assertThat(quarry("ls", "--resource-type", "unit_test")).isZero();
        assertThat(out.toString().lines())
                .containsExactly("unit_test:shop.marts.orders.orders_without_payments_have_zero_amounts");
        out.getBuffer().setLength(0);
        assertThat(quarry("ls", "-s", "orders", "--exclude-resource-type", "unit_test", "test")).isZero();
        assertThat(out.toString().lines()).containsExactly("shop.marts.orders");
    }

    @Test
    void aBadSelectorIsAnErrorWithoutAStackTrace() {
        assertThat(quarry("ls", "-s", "tags:staging")).isEqualTo(2);
        assertThat(err.toString()).contains("did you mean 'tag'").doesNotContain("\tat ");
    }

    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString().replace('\\', '/'), Files.readString(f));
            }
        }
        return out;
    }
}
