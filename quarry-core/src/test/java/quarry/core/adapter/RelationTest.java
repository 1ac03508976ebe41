package quarry.core.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelationTest {

    private final Relation orders = new Relation("db", "shop", "orders", RelationType.TABLE, RelationStyle.DBT_DEFAULT);

    @Test
    void rendersIncludedPartsQuotedByPolicy() {
        assertThat(orders.render()).isEqualTo("\"db\".\"shop\".\"orders\"");
        assertThat(orders.include(false, null, null).render()).isEqualTo("\"shop\".\"orders\"");
        assertThat(orders.quote(null, false, false).render()).isEqualTo("\"db\".shop.orders");
        assertThat(orders.withoutIdentifier().render()).isEqualTo("\"db\".\"shop\"");
        assertThat(new Relation(null, null, "__dbt__cte__x", RelationType.CTE, RelationStyle.DBT_DEFAULT).render())
                .isEqualTo("__dbt__cte__x");
    }

    @Test
    void quoteCharactersInsideNamesAreDoubled() {
        assertThat(new Relation(null, "a\"b", "c", RelationType.VIEW, RelationStyle.DBT_DEFAULT).render())
                .isEqualTo("\"a\"\"b\".\"c\"");
    }

    @Test
    void matchingComparesOnlyIncludedParts() {
        assertThat(orders.matches("db", "shop", "orders")).isTrue();
        assertThat(orders.matches("other", "shop", "orders")).isFalse();
        assertThat(orders.include(false, null, null).matches("other", "shop", "orders")).isTrue();
    }
}
