package quarry.server.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ResultColumnNamesTest {

    private static List<Optional<String>> names(String sql) {
        Statement.QueryStatement statement = (Statement.QueryStatement) RocksetSqlParser.parse(sql);
        return ResultColumnNames.of(((QueryBody.Select) statement.query().body()).items());
    }

    @Test
    void literalsAreNumberedFields() {
        assertThat(names("SELECT 1")).containsExactly(Optional.of("?field0"));
        assertThat(names("SELECT 1, 'a', 2 + 3")).containsExactly(
                Optional.of("?field0"), Optional.of("?field1"), Optional.of("?field2"));
    }

    @Test
    void callsAreNamedAfterTheFunctionInLowerCase() {
        assertThat(names("SELECT COUNT(*) FROM _events")).containsExactly(Optional.of("?count"));
        assertThat(names("SELECT _script.delay(2000)")).containsExactly(Optional.of("?delay"));
    }

    @Test
    void aliasesAndFieldNamesWin() {
        assertThat(names("SELECT 1 AS one, t.a, b.c.d, e[1].f, * FROM t")).containsExactly(
                Optional.of("one"), Optional.of("a"), Optional.of("d"), Optional.of("f"), Optional.empty());
    }

    @Test
    void unnamedCountingSkipsNamedColumns() {
        assertThat(names("SELECT a, 1, count(*), 2")).containsExactly(
                Optional.of("a"), Optional.of("?field0"), Optional.of("?count"), Optional.of("?field1"));
    }
}
