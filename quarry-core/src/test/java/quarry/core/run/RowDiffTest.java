package quarry.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowDiffTest {

    private static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put((String) keyValues[i], keyValues[i + 1]);
        }
        return row;
    }

    @Test
    void sameRowsInAnyOrderAreEqualOnTheExpectedColumnsOnly() {
        List<List<Object>> actual = List.of(List.of(2L, "b", 9L), List.of(1L, "a", 8L));
        RowDiff.Outcome outcome = RowDiff.compare(List.of("id", "name", "ignored"), actual,
                List.of(row("id", 1, "name", "a"), row("id", 2, "name", "b")));
        assertThat(outcome.equal()).isTrue();
    }

    @Test
    void expectedColumnNamesMatchCaseInsensitively() {
        RowDiff.Outcome outcome = RowDiff.compare(List.of("ID", "Name"), List.of(List.of(1L, "a")),
                List.of(row("id", 1, "NAME", "a")));
        assertThat(outcome.equal()).isTrue();
    }

    @Test
    void valuesOfEveryTypeCompareByTheirCanonicalText() {
        List<Object> actualRow = Arrays.asList(1L, 1.5, true, "2024-01-02", "2024-01-02T03:04:05.000000Z", null);
        Map<String, Object> expected = row("i", "1", "f", 1.50, "b", "TRUE", "d", "2024-01-02", "ts", "2024-01-02 03:04:05", "n", null);
        assertThat(RowDiff.compare(List.of("i", "f", "b", "d", "ts", "n"), List.of(actualRow), List.of(expected)).equal()).isTrue();
    }

    @Test
    void rowCountsMatterAsInAMultiset() {
        RowDiff.Outcome outcome = RowDiff.compare(List.of("id"), List.of(List.of(1L), List.of(1L)), List.of(row("id", 1)));
        assertThat(outcome.equal()).isFalse();
        assertThat(outcome.table()).isEqualTo("@@  | id\n+++ | 1");
    }

    @Test
    void theDiffShowsRowsOnlyInActualAndOnlyInExpected() {
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("id", 3);
        nullName.put("name", null);
        RowDiff.Outcome outcome = RowDiff.compare(List.of("id", "name"),
                List.of(List.of(1L, "a"), List.of(2L, "b")), List.of(row("id", 1, "name", "a"), nullName));
        assertThat(outcome.equal()).isFalse();
        assertThat(outcome.differingRows()).isEqualTo(2);
        assertThat(outcome.table()).isEqualTo("""
                @@  | id | name
                +++ | 2  | b
                --- | 3  | NULL""");
    }

    @Test
    void anExpectedColumnTheResultLacksReadsAsNullAndIsNamedInTheDiff() {
        Map<String, Object> nullAmount = new HashMap<>();
        nullAmount.put("amount", null);
        assertThat(RowDiff.compare(List.of("id"), List.of(List.of(1L)), List.of(nullAmount)).equal()).isTrue();
        RowDiff.Outcome outcome = RowDiff.compare(List.of("id"), List.of(List.of(1L)), List.of(row("amount", 1)));
        assertThat(outcome.equal()).isFalse();
        assertThat(outcome.table()).endsWith("(not in the model's result, so read as null: amount; it returns id)");
    }
}
