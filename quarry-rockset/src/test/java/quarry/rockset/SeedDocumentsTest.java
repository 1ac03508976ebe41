package quarry.rockset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import quarry.core.seed.SeedTable;

class SeedDocumentsTest {

    @Test
    void valuesKeepTheirTypesAndDatesUseExtendedJson() {
        SeedTable table = SeedTable.parse("seeds/t.csv",
                "id,amount,whole,day,at,flag,name,missing\n1,1.5,3,2020-01-01,2020-01-01 10:00:00,true,ann,\n"
                        + "2,2,4,2020-01-02,2020-01-02T10:00:00Z,false,bob,\n", Map.of());
        List<List<ObjectNode>> batches = SeedDocuments.batches(table);
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).get(0).toString()).isEqualTo("{\"id\":1,\"amount\":1.5,\"whole\":3,"
                + "\"day\":{\"__rockset_type\":\"date\",\"value\":\"2020-01-01\"},"
                + "\"at\":{\"__rockset_type\":\"datetime\",\"value\":\"2020-01-01T10:00:00\"},"
                + "\"flag\":true,\"name\":\"ann\",\"missing\":null}");
        assertThat(batches.get(0).get(1).get("amount").isDouble()).isTrue();
        assertThat(batches.get(0).get(1).toString()).contains("\"amount\":2.0");
    }

    @Test
    void rowsAreSplitByCountAndBySize() {
        StringBuilder csv = new StringBuilder("id,text\n");
        for (int i = 0; i < 10; i++) {
            csv.append(i).append(",").append("x".repeat(100)).append("\n");
        }
        SeedTable table = SeedTable.parse("seeds/b.csv", csv.toString(), Map.of());
        assertThat(SeedDocuments.batches(table, 4, 1_000_000)).extracting(List::size).containsExactly(4, 4, 2);
        assertThat(SeedDocuments.batches(table, 100, 250)).extracting(List::size).containsExactly(2, 2, 2, 2, 2);
    }
}
