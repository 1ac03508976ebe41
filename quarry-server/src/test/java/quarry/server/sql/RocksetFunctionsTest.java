package quarry.server.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class RocksetFunctionsTest {

    private final RocksetFunctions functions = RocksetFunctions.standard();

    private Expression.FunctionCall call(String sql) {
        Statement.QueryStatement statement = (Statement.QueryStatement) RocksetSqlParser.parse(sql);
        QueryBody.Select select = (QueryBody.Select) statement.query().body();
        return (Expression.FunctionCall) ((SelectItem.Single) select.items().get(0)).expression();
    }

    @Test
    void unknownFunctionFailsLikeRocksetWithPositionAndErrorId() {
        Expression.FunctionCall cout = call("SELECT COUT(*) FROM _events");
        assertThatThrownBy(() -> functions.resolve(cout))
                .isInstanceOfSatisfying(FunctionNotFoundException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Function `COUT` not found.");
                    assertThat(e.errorId()).isEqualTo("function_not_found");
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(8);
                });
    }

    @Test
    void functionNamesAreCaseInsensitive() {
        assertThat(functions.find("count")).isPresent();
        assertThat(functions.find("Date_Trunc")).isPresent();
        assertThat(functions.render(call("SELECT lower('A')"), List.of("'A'"))).isEqualTo("lower('A')");
    }

    @Test
    void wrongArgumentCountNamesTheExpectedArity() {
        assertThatThrownBy(() -> functions.resolve(call("SELECT SUBSTR('abc')")))
                .isInstanceOfSatisfying(InvalidFunctionCallException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Function `SUBSTR` expects 2 to 3 arguments, got 1.");
                    assertThat(e.errorId()).isEqualTo(InvalidFunctionCallException.INVALID_ARGUMENTS);
                    assertThat(e.column()).isEqualTo(8);
                });
        assertThatThrownBy(() -> functions.resolve(call("SELECT NULLIF(1)")))
                .hasMessage("Function `NULLIF` expects 2 arguments, got 1.");
        assertThatThrownBy(() -> functions.resolve(call("SELECT COALESCE()")))
                .hasMessage("Function `COALESCE` expects at least 1 argument, got 0.");
    }

    @Test
    void starDistinctAndOverAreOnlyAcceptedWhereTheyBelong() {
        assertThat(functions.render(call("SELECT COUNT(*) FROM t"), List.of())).isEqualTo("count(*)");
        assertThatThrownBy(() -> functions.resolve(call("SELECT SUM(*) FROM t")))
                .hasMessage("Function `SUM` does not accept `*`.");
        assertThatThrownBy(() -> functions.resolve(call("SELECT LOWER(DISTINCT x) FROM t")))
                .hasMessageContaining("DISTINCT is only allowed in aggregate functions");
        assertThatThrownBy(() -> functions.resolve(call("SELECT LOWER(x) OVER () FROM t")))
                .hasMessageContaining("cannot have OVER");
        assertThatThrownBy(() -> functions.resolve(call("SELECT ROW_NUMBER() FROM t")))
                .hasMessage("Window function `ROW_NUMBER` requires an OVER clause.");
        assertThat(functions.resolve(call("SELECT SUM(x) OVER (PARTITION BY y) FROM t")).isAggregate()).isTrue();
    }

    @Test
    void aggregatesAndWindowFunctionsAreClassified() {
        assertThat(functions.isAggregate("count")).isTrue();
        assertThat(functions.isAggregate("ARRAY_AGG")).isTrue();
        assertThat(functions.isAggregate("COUNT_IF")).isTrue();
        assertThat(functions.isAggregate("LOWER")).isFalse();
        assertThat(functions.isAggregate("NO_SUCH")).isFalse();
        assertThat(functions.isWindowFunction("row_number")).isTrue();
        assertThat(functions.isWindowFunction("SUM")).isFalse();
        assertThat(functions.isAggregateCall(call("SELECT SUM(x) FROM t"))).isTrue();
        assertThat(functions.isAggregateCall(call("SELECT SUM(x) OVER () FROM t"))).isFalse();
    }

    @Test
    void unsupportedRocksetFunctionsSayWhyInsteadOfNotFound() {
        assertThatThrownBy(() -> functions.resolve(call("SELECT ST_GEOGPOINT(1, 2)")))
                .isInstanceOfSatisfying(InvalidFunctionCallException.class, e -> {
                    assertThat(e.errorId()).isEqualTo(InvalidFunctionCallException.NOT_SUPPORTED);
                    assertThat(e.getMessage()).contains("ST_GEOGPOINT").contains("geography");
                });
    }

    @Test
    void timeUnitsMustBeKnown() {
        assertThatThrownBy(() -> functions.render(call("SELECT DATE_TRUNC('FORTNIGHT', x) FROM t"), List.of("'FORTNIGHT'", "x")))
                .isInstanceOfSatisfying(InvalidFunctionCallException.class,
                        e -> assertThat(e.column()).isEqualTo(19));
        assertThatThrownBy(() -> functions.render(call("SELECT DATE_ADD(u, 1, x) FROM t"), List.of("u", "1", "x")))
                .hasMessageContaining("unit as a string literal");
    }

    @Test
    void everyFunctionOfSpecSection58IsInTheCatalog() {
        Set<String> section58 = Set.of("TRY", "COALESCE", "NULLIF", "IF", "TYPEOF", "CURRENT_TIMESTAMP", "CURRENT_DATE",
                "CURRENT_DATETIME", "CURRENT_TIME", "DATE_TRUNC", "TIMESTAMP_MILLIS", "TIMESTAMP_MICROS", "UNIX_MILLIS",
                "PARSE_TIMESTAMP_ISO8601", "FORMAT_ISO8601", "JSON_PARSE", "JSON_FORMAT", "ELEMENT_AT", "ARRAY_CONTAINS",
                "ARRAY_LENGTH", "LENGTH", "ARRAY_AGG", "ARRAY_CONCAT", "ARRAY_DISTINCT", "LOWER", "UPPER", "CONCAT",
                "SUBSTR", "REGEXP_LIKE", "SPLIT", "TRIM", "COUNT", "SUM", "AVG", "MIN", "MAX", "COUNT_IF",
                "APPROX_DISTINCT", "SHA256", "MD5", "HASH", "VECTOR_ENFORCE");
        Set<String> supported = functions.all().stream().filter(FunctionDefinition::supported)
                .map(FunctionDefinition::name).collect(Collectors.toSet());
        assertThat(supported).containsAll(section58);
    }

    @Test
    void resultTypesAreKnownWhereTheyDoNotFollowTheArguments() {
        assertThat(functions.resultType("count")).contains(RocksetType.INT);
        assertThat(functions.resultType("ARRAY_AGG")).contains(RocksetType.ARRAY);
        assertThat(functions.resultType("CURRENT_TIMESTAMP")).contains(RocksetType.TIMESTAMP);
        assertThat(functions.resultType("TYPEOF")).contains(RocksetType.STRING);
        assertThat(functions.resultType("COALESCE")).isEmpty();
        assertThat(functions.resultType("DATE_TRUNC")).isEmpty();
    }

    @Test
    void rocksetTypeNamesAcceptTheirAliases() {
        assertThat(RocksetType.fromName("Double  Precision")).contains(RocksetType.FLOAT);
        assertThat(RocksetType.fromName("int64")).contains(RocksetType.INT);
        assertThat(RocksetType.fromName("VARCHAR")).contains(RocksetType.STRING);
        assertThat(RocksetType.fromName("null_type")).contains(RocksetType.NULL);
        assertThat(RocksetType.fromName("timestamp").map(RocksetType::duckDbType)).contains("TIMESTAMPTZ");
        assertThat(RocksetType.fromName("geography")).isEmpty();
    }
}
