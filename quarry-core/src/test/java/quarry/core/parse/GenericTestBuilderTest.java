package quarry.core.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import quarry.core.SourceLocation;

class GenericTestBuilderTest {

    private static final SourceLocation HERE = new SourceLocation("models/schema.yml", 3);
    private static final GenericTestBuilder.Target ORDERS = new GenericTestBuilder.Target("orders", null, null);

    @Test
    void namesFollowDbtAndIdsHashNameAndArguments() {
        var unique = GenericTestBuilder.build("unique", new GenericTestBuilder.Target("customers", null, null),
                "customer_id", "jaffle_shop", HERE);
        assertThat(unique.name()).isEqualTo("unique_customers_customer_id");
        // the id dbt gives this test in the classic jaffle_shop project
        assertThat(unique.uniqueId()).isEqualTo("test.jaffle_shop.unique_customers_customer_id.c5af1ff4b1");
        assertThat(unique.rawCode()).isEqualTo("{{ test_unique(**_dbt_generic_test_kwargs) }}");
        assertThat(unique.kwargs()).containsEntry("model", "{{ get_where_subquery(ref('customers')) }}");
    }

    @Test
    void argumentsAreSortedFlattenedAndCleaned() {
        var rel = GenericTestBuilder.build(Map.of("relationships", Map.of("to", "ref('customers')", "field", "customer_id")),
                ORDERS, "customer_id", "jaffle_shop", HERE);
        assertThat(rel.name()).isEqualTo("relationships_orders_customer_id__customer_id__ref_customers_");
        var accepted = GenericTestBuilder.build(Map.of("accepted_values",
                Map.of("values", List.of("placed", "shipped", "completed", "return_pending", "returned"))),
                ORDERS, "status", "jaffle_shop", HERE);
        assertThat(accepted.name()).isEqualTo(
                "accepted_values_orders_status__placed__shipped__completed__return_pending__returned");
        // 64 characters or more: the first 30 characters of "<test>_<model>" and the md5 of the full name
        assertThat(accepted.fileName()).isEqualTo("accepted_values_orders_" + Hashing.md5(accepted.name()));
        assertThat(accepted.config()).containsEntry("alias", accepted.fileName());
    }

    @Test
    void argumentsKeyConfigAndTopLevelConfigKeysAreSeparated() {
        var t = GenericTestBuilder.build(Map.of("accepted_values", Map.of(
                "arguments", Map.of("values", List.of("a", "b")),
                "config", Map.of("where", "x > 1"),
                "severity", "warn")), ORDERS, "status", "p", HERE);
        assertThat(t.kwargs()).containsKeys("values", "column_name", "model").doesNotContainKeys("arguments", "config");
        assertThat(t.config()).containsEntry("where", "x > 1").containsEntry("severity", "warn");
        assertThat(t.rawCode()).contains("{{ config(severity=\"warn\",where=\"x > 1\") }}");
    }

    @Test
    void sourceTestsArePrefixedAndNamespacedTestsUseThePackage() {
        var t = GenericTestBuilder.build("dbt_utils.not_empty_string", new GenericTestBuilder.Target("orders", "raw", null),
                "id", "shop", HERE);
        assertThat(t.name()).isEqualTo("dbt_utils_source_not_empty_string_raw_orders_id");
        assertThat(t.rawCode()).startsWith("{{ dbt_utils.test_not_empty_string(");
        assertThat(t.kwargs()).containsEntry("model", "{{ get_where_subquery(source('raw', 'orders')) }}");
    }

    @Test
    void aCustomNameReplacesTheSyntheticOne() {
        var t = GenericTestBuilder.build(Map.of("unique", Map.of("name", "orders_are_unique")), ORDERS, "id", "p", HERE);
        assertThat(t.name()).isEqualTo("orders_are_unique");
        assertThat(t.uniqueId()).startsWith("test.p.orders_are_unique.");
    }

    @Test
    void aTestEntryWithTwoKeysIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> GenericTestBuilder.build(Map.of("unique", Map.of(), "not_null", Map.of()), ORDERS,
                "id", "p", HERE)).hasMessageStartingWith("models/schema.yml:3");
    }
}
