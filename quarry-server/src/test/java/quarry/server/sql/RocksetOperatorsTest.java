package quarry.server.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RocksetOperatorsTest {

    @Test
    void divisionUsesDuckDbIntegerDivisionOperator() {
        assertThat(RocksetOperators.binary(Expression.BinaryOperator.DIVIDE, "a", "b")).isEqualTo("(a // b)");
        assertThat(RocksetOperators.binary(Expression.BinaryOperator.NOT_EQUAL, "a", "b")).isEqualTo("(a <> b)");
        assertThat(RocksetOperators.binary(Expression.BinaryOperator.CONCAT, "a", "b")).isEqualTo("(a || b)");
    }

    @Test
    void castToAnUnknownTypeNamesTheTypeAndItsPosition() {
        Expression.Cast cast = (Expression.Cast) RocksetSqlParser.parseExpression("CAST(x AS widget)");
        assertThatThrownBy(() -> RocksetOperators.cast("x", cast.type(), false))
                .isInstanceOfSatisfying(InvalidFunctionCallException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Unknown type `widget` in CAST.");
                    assertThat(e.column()).isEqualTo(11);
                });
    }

    @Test
    void castsMapRocksetTypeNamesToDuckDbTypes() {
        Expression.Cast cast = (Expression.Cast) RocksetSqlParser.parseExpression("TRY_CAST(x AS timestamp)");
        assertThat(RocksetOperators.cast("x", cast.type(), cast.safe())).isEqualTo("TRY_CAST(x AS TIMESTAMPTZ)");
        Expression.Cast datetime = (Expression.Cast) RocksetSqlParser.parseExpression("x::datetime");
        assertThat(RocksetOperators.cast("x", datetime.type(), datetime.safe())).isEqualTo("CAST(x AS TIMESTAMP)");
    }

    @Test
    void compoundIntervalsAreRefusedClearly() {
        Expression.IntervalLiteral interval = (Expression.IntervalLiteral) RocksetSqlParser.parseExpression(
                "INTERVAL '1:30' HOUR TO MINUTE");
        assertThatThrownBy(() -> RocksetOperators.literal(interval))
                .isInstanceOfSatisfying(InvalidFunctionCallException.class,
                        e -> assertThat(e.errorId()).isEqualTo(InvalidFunctionCallException.NOT_SUPPORTED));
        Expression.IntervalLiteral bad = (Expression.IntervalLiteral) RocksetSqlParser.parseExpression("INTERVAL 'x' DAY");
        assertThatThrownBy(() -> RocksetOperators.literal(bad)).isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("invalid interval value 'x'");
    }

    @Test
    void literalsKeepRocksetTypes() {
        assertThat(RocksetOperators.literal((Expression.Literal) RocksetSqlParser.parseExpression("42")))
                .isEqualTo("CAST(42 AS BIGINT)");
        assertThat(RocksetOperators.literal((Expression.Literal) RocksetSqlParser.parseExpression("2.5")))
                .isEqualTo("CAST(2.5 AS DOUBLE)");
        assertThat(RocksetOperators.literal((Expression.Literal) RocksetSqlParser.parseExpression("'it''s'")))
                .isEqualTo("'it''s'");
        assertThat(RocksetOperators.literal((Expression.Literal) RocksetSqlParser.parseExpression("TIMESTAMP '2020-01-01'")))
                .isEqualTo("CAST('2020-01-01' AS TIMESTAMPTZ)");
        assertThat(RocksetOperators.literal((Expression.Literal) RocksetSqlParser.parseExpression("UNDEFINED")))
                .isEqualTo("NULL");
    }

    @Test
    void identifiersAreQuotedWithTheirCaseAndQuotes() {
        assertThat(RocksetOperators.identifier("Na\"me")).isEqualTo("\"Na\"\"me\"");
    }

    @Test
    void duckDbTypesReadAsRocksetTypeNames() {
        assertThat(RocksetOperators.rocksetTypeOf("BIGINT")).contains("int");
        assertThat(RocksetOperators.rocksetTypeOf("DECIMAL(18,3)")).contains("float");
        assertThat(RocksetOperators.rocksetTypeOf("VARCHAR[]")).contains("array");
        assertThat(RocksetOperators.rocksetTypeOf("STRUCT(a INTEGER)")).contains("object");
        assertThat(RocksetOperators.rocksetTypeOf("TIMESTAMP WITH TIME ZONE")).contains("timestamp");
        assertThat(RocksetOperators.rocksetTypeOf("TIMESTAMP")).contains("datetime");
        assertThat(RocksetOperators.rocksetTypeOf("JSON")).isEmpty();
    }
}
