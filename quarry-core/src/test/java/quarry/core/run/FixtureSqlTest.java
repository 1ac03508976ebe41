package quarry.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import quarry.core.adapter.Column;

class FixtureSqlTest {

    private static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put((String) keyValues[i], keyValues[i + 1]);
        }
        return row;
    }

    @Test
    void rowsBecomeUnionedSelectsTypedFromTheirLiterals() {
        String sql = FixtureSql.of(List.of(row("id", 1, "amount", 2.5, "ok", true, "day", "2024-01-02",
                "at", "2024-01-02 03:04:05", "name", "it's", "select", null)), List.of(), false);
        assertThat(sql).isEqualTo("SELECT 1 AS \"id\", 2.5 AS \"amount\", TRUE AS \"ok\", DATE '2024-01-02' AS \"day\","
                + " TIMESTAMP '2024-01-02 03:04:05' AS \"at\", 'it''s' AS \"name\", NULL AS \"select\"");
    }

    @Test
    void columnsMissingFromARowAreNull() {
        String sql = FixtureSql.of(List.of(row("id", 1), row("id", 2, "name", "b")), List.of(), false);
        assertThat(sql).isEqualTo("SELECT 1 AS \"id\", NULL AS \"name\"\nUNION ALL\nSELECT 2 AS \"id\", 'b' AS \"name\"");
    }

    @Test
    void csvTextIsTypedLikeLiterals() {
        String sql = FixtureSql.of(List.of(row("id", "1", "f", "1.5", "b", "true", "s", "x")), List.of(), true);
        assertThat(sql).isEqualTo("SELECT 1 AS \"id\", 1.5 AS \"f\", TRUE AS \"b\", 'x' AS \"s\"");
    }

    @Test
    void anExistingRelationGivesEveryColumnAndItsType() {
        List<Column> columns = List.of(new Column("id", "int"), new Column("name", "string"), new Column("day", "date"),
                new Column("extra", "int/string"), new Column("obj", "object"));
        String sql = FixtureSql.of(List.of(row("ID", "7", "day", "2024-01-02")), columns, false);
        assertThat(sql).isEqualTo("SELECT CAST('7' AS int) AS \"id\", CAST(NULL AS string) AS \"name\","
                + " CAST('2024-01-02' AS date) AS \"day\", CAST(NULL AS int) AS \"extra\", NULL AS \"obj\"");
    }

    @Test
    void noRowsGiveAnEmptyQueryWithTheColumns() {
        String sql = FixtureSql.of(List.of(), List.of(new Column("id", "int")), false);
        assertThat(sql).isEqualTo("SELECT CAST(NULL AS int) AS \"id\" FROM (SELECT 1 AS one) AS dbt_empty WHERE 1 = 0");
    }

    @Test
    void aColumnTheRelationLacksIsAnError() {
        assertThatThrownBy(() -> FixtureSql.of(List.of(row("nope", 1)), List.of(new Column("id", "int")), false))
                .hasMessageContaining("column 'nope' of the given rows is not a column of the input's relation (id)");
    }
}
