package quarry.rockset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import quarry.core.adapter.Relation;
import quarry.core.adapter.RelationType;

class RocksetRelationTest {

    @Test
    void rendersWorkspaceAndNameQuotedWithoutTheDatabase() {
        Relation r = new Relation("db", "shop", "orders", RelationType.TABLE, RocksetRelation.STYLE);
        assertThat(r.render()).isEqualTo("\"shop\".\"orders\"");
        assertThat(RocksetRelation.of("my-ws", "events", RelationType.VIEW).render()).isEqualTo("\"my-ws\".\"events\"");
    }

    @Test
    void matchingIgnoresTheDatabase() {
        Relation r = new Relation("db", "shop", "orders", RelationType.TABLE, RocksetRelation.STYLE);
        assertThat(r.matches("other", "shop", "orders")).isTrue();
        assertThat(r.matches(null, "shop", "Orders")).isFalse();
    }

    @Test
    void columnsAreQuotedWithBackticks() {
        assertThat(new RocksetAdapter().quote("order id")).isEqualTo("`order id`");
    }
}
