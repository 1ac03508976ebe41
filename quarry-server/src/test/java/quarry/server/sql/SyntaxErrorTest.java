package quarry.server.sql;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyntaxErrorTest {

    private static void assertSyntaxError(String sql, int line, int column, String message) {
        assertThatThrownBy(() -> RocksetSqlParser.parse(sql))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.line()).as("line").isEqualTo(line);
                    assertThat(e.column()).as("column").isEqualTo(column);
                    assertThat(e.errorId()).isEqualTo("syntax_error");
                    assertThat(e.getStackTrace()).as("user errors carry no stack trace").isEmpty();
                });
    }

    @Test
    void missingExpressionPointsAtTheKeywordFound() {
        assertSyntaxError("SELECT FROM t", 1, 8, "Syntax error: Unexpected 'FROM', expected an expression.");
    }

    @Test
    void truncatedStatementPointsAtTheEnd() {
        assertSyntaxError("SELECT a FROM", 1, 14, "Syntax error: Unexpected end of input, expected a collection name.");
        assertSyntaxError("SELECT (1 + 2", 1, 14, "Syntax error: Unexpected end of input, expected ')'.");
    }

    @Test
    void positionsCountLinesAndColumnsAfterLineBreaks() {
        assertSyntaxError("SELECT a,\n  , b FROM t", 2, 3, "Syntax error: Unexpected ',', expected an expression.");
        assertSyntaxError("/* dbt */\nselect *\nfrom t\nwhere x = = 1", 4, 11,
                "Syntax error: Unexpected '=', expected an expression.");
    }

    @Test
    void misspelledStatementKeyword() {
        assertSyntaxError("SELEC 1", 1, 1, "Syntax error: Unexpected 'SELEC', expected SELECT, WITH, INSERT INTO or DESCRIBE.");
    }

    @Test
    void trailingGarbageIsRejected() {
        assertSyntaxError("SELECT * FROM t LIMIT 1 garbage", 1, 25,
                "Syntax error: Unexpected 'garbage', expected end of statement.");
        assertSyntaxError("SELECT 1; SELECT 2", 1, 11, "Syntax error: Unexpected 'SELECT', expected end of statement.");
    }

    @Test
    void unterminatedLiteralsPointAtTheirStart() {
        assertSyntaxError("SELECT 'abc", 1, 8, "Syntax error: String literal is not terminated");
        assertSyntaxError("SELECT \"abc FROM t", 1, 8, "Syntax error: Quoted identifier is not terminated");
        assertSyntaxError("SELECT 1 /* comment", 1, 10, "Syntax error: comment is not terminated");
    }

    @Test
    void strayCharacterIsNamed() {
        assertSyntaxError("SELECT 1 # 2", 1, 10, "Syntax error: unexpected character '#'");
    }

    @Test
    void reservedWordsNeedQuotesAsNames() {
        assertSyntaxError("SELECT select FROM t", 1, 8, "Syntax error: Unexpected 'select', expected an expression.");
        assertSyntaxError("SELECT * FROM order", 1, 15,
                "Syntax error: Unexpected 'order', expected a collection name (order is a reserved word: quote it as \"order\").");
        RocksetSqlParser.parse("SELECT \"select\" FROM \"order\"");
    }

    @Test
    void joinWithoutConditionIsRejected() {
        assertSyntaxError("SELECT * FROM a JOIN b WHERE x = 1", 1, 24, "Syntax error: Unexpected 'WHERE', expected ON or USING.");
    }

    @Test
    void insertNeedsAQuery() {
        assertSyntaxError("INSERT INTO t VALUES (1)", 1, 15, "Syntax error: Unexpected 'VALUES', expected SELECT.");
        assertSyntaxError("INSERT t SELECT 1", 1, 8, "Syntax error: Unexpected 't', expected INTO.");
    }

    @Test
    void castNeedsAType() {
        assertSyntaxError("SELECT CAST(x AS)", 1, 17, "Syntax error: Unexpected ')', expected a type name.");
    }

    @Test
    void describeDepthMustBeANumber() {
        assertThatThrownBy(() -> RocksetSqlParser.parse("DESCRIBE t OPTION(max_field_depth='deep')"))
                .isInstanceOf(SqlSyntaxException.class).hasMessageContaining("max_field_depth");
    }

    @Test
    void javascriptUdfBlocksAreRejectedAtTheirStart() {
        assertSyntaxError("script {{{ export function f(x) { return x; } }}} SELECT _script.f(1)", 1, 1,
                "Syntax error: Unexpected 'script', expected SELECT, WITH, INSERT INTO or DESCRIBE.");
    }

    @Test
    void emptyStatementIsRejected() {
        assertSyntaxError("  -- nothing\n", 2, 1, "Syntax error: Unexpected end of input, expected a statement.");
    }

    @Test
    void unknownIntervalUnitIsRejected() {
        assertSyntaxError("SELECT INTERVAL 1 FORTNIGHT", 1, 19,
                "Syntax error: Unexpected 'FORTNIGHT', expected an interval unit such as DAY or HOUR.");
    }

    @Test
    void hugeTypeParametersAreRejected() {
        assertSyntaxError("SELECT CAST(x AS varchar(99999999999999999999))", 1, 26,
                "Syntax error: Unexpected '99999999999999999999', expected a smaller number.");
    }
}
