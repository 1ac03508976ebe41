package quarry.server.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Renders Rockset expressions through the catalog and runs them on a real in-memory DuckDB. */
class FunctionsOnDuckDbTest {

    private static Connection duckDb;
    private final ScalarExpressionRenderer renderer = new ScalarExpressionRenderer(RocksetFunctions.standard());

    @BeforeAll
    static void open() throws SQLException {
        duckDb = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = duckDb.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("CREATE TABLE t AS SELECT * FROM (VALUES (1, 'a', 2.5), (2, 'b', NULL), (3, 'a', 4.0))"
                    + " v(x, s, f)");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        duckDb.close();
    }

    /** The value of a Rockset expression, as text. */
    private String eval(String rocksetExpression) {
        return query("SELECT " + renderer.render(RocksetSqlParser.parseExpression(rocksetExpression)));
    }

    /** The value of a Rockset aggregate over table t(x int, s string, f float). */
    private String aggregate(String rocksetExpression) {
        return query("SELECT " + renderer.render(RocksetSqlParser.parseExpression(rocksetExpression)) + " FROM t");
    }

    private static String query(String sql) {
        try (Statement statement = duckDb.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as("a row for %s", sql).isTrue();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new AssertionError("DuckDB rejected " + sql + ": " + e.getMessage(), e);
        }
    }

    @Test
    void typeofAnswersRocksetTypeNames() {
        assertThat(eval("TYPEOF(1)")).isEqualTo("int");
        assertThat(eval("TYPEOF(1.5)")).isEqualTo("float");
        assertThat(eval("TYPEOF('a')")).isEqualTo("string");
        assertThat(eval("TYPEOF(true)")).isEqualTo("bool");
        assertThat(eval("TYPEOF(null)")).isEqualTo("null");
        assertThat(eval("TYPEOF([1, 2])")).isEqualTo("array");
        assertThat(eval("TYPEOF(JSON_PARSE('{\"a\": 1}'))")).isEqualTo("object");
        assertThat(eval("TYPEOF(JSON_PARSE('\"x\"'))")).isEqualTo("string");
        assertThat(eval("TYPEOF(JSON_PARSE('null'))")).isEqualTo("null");
        assertThat(eval("TYPEOF(DATE '2020-01-01')")).isEqualTo("date");
        assertThat(eval("TYPEOF(DATETIME '2020-01-01 10:00:00')")).isEqualTo("datetime");
        assertThat(eval("TYPEOF(TIME '10:00:00')")).isEqualTo("time");
        assertThat(eval("TYPEOF(CURRENT_TIMESTAMP)")).isEqualTo("timestamp");
        assertThat(eval("TYPEOF(SHA256('a'))")).isEqualTo("bytes");
    }

    @Test
    void integerDivisionStaysIntegralUnlessAFloatIsInvolved() {
        assertThat(eval("7 / 2")).isEqualTo("3");
        assertThat(eval("-7 / 2")).isEqualTo("-3");
        assertThat(eval("7.0 / 2")).isEqualTo("3.5");
        assertThat(eval("7 % 3")).isEqualTo("1");
        assertThat(eval("TYPEOF(7 / 2)")).isEqualTo("int");
        assertThat(eval("3000000000 * 3")).isEqualTo("9000000000");
    }

    @Test
    void arraysAreOneBased() {
        assertThat(eval("[10, 20, 30][1]")).isEqualTo("10");
        assertThat(eval("ELEMENT_AT([10, 20, 30], 3)")).isEqualTo("30");
        assertThat(eval("ELEMENT_AT([10, 20, 30], 4)")).isNull();
        assertThat(eval("ARRAY_CONTAINS([1, 2], 2)")).isEqualTo("true");
        assertThat(eval("ARRAY_LENGTH([1, 2, 3])")).isEqualTo("3");
        assertThat(eval("CARDINALITY([1])")).isEqualTo("1");
        assertThat(eval("LENGTH([1, 2])")).isEqualTo("2");
        assertThat(eval("ARRAY_CONCAT([1], [2], [3])")).isEqualTo("[1, 2, 3]");
        assertThat(eval("ARRAY_DISTINCT([3, 1, 3, 2, 1])")).isEqualTo("[3, 1, 2]");
        assertThat(eval("ARRAY_POSITION([5, 6], 6)")).isEqualTo("2");
        assertThat(eval("ARRAY_POSITION([5, 6], 7)")).isEqualTo("0");
        assertThat(eval("ARRAY_REMOVE([1, 2, 1], 1)")).isEqualTo("[2]");
        assertThat(eval("ARRAY_REMOVE([5, null, 1], 1)")).isEqualTo("[5, NULL]");
        assertThat(eval("ARRAY_POSITION([5, null, 5], null)")).isEqualTo("2");
        assertThat(eval("ARRAY_LAST_POSITION([5, null, 5], 5)")).isEqualTo("3");
        assertThat(eval("ARRAY_LAST_POSITION([5, null, 5], 7)")).isEqualTo("0");
        assertThat(eval("ARRAY_CREATE(1, 2, null)")).isEqualTo("[1, 2, NULL]");
        assertThat(eval("SLICE([1, 2, 3, 4, 5], 2, 3)")).isEqualTo("[2, 3, 4]");
        assertThat(eval("SLICE([1, 2, 3, 4, 5], -2)")).isEqualTo("[4, 5]");
        assertThat(eval("SLICE([1, 2, 3, 4, 5], -3, 2)")).isEqualTo("[3, 4]");
    }

    @Test
    void stringFunctionsKeepRocksetNullRules() {
        assertThat(eval("CONCAT('a', 'b', 'c')")).isEqualTo("abc");
        assertThat(eval("CONCAT('a', null)")).isNull();
        assertThat(eval("'a' || 'b'")).isEqualTo("ab");
        assertThat(eval("LOWER('AbC') || UPPER('x')")).isEqualTo("abcX");
        assertThat(eval("LENGTH('héllo')")).isEqualTo("5");
        assertThat(eval("SUBSTR('hello', 2, 3)")).isEqualTo("ell");
        assertThat(eval("SUBSTR('hello', 2)")).isEqualTo("ello");
        assertThat(eval("TRIM('  x  ')")).isEqualTo("x");
        assertThat(eval("REPLACE('aXbX', 'X', '-')")).isEqualTo("a-b-");
        assertThat(eval("REPLACE('aXbX', 'X')")).isEqualTo("ab");
        assertThat(eval("REGEXP_LIKE('abc', 'b')")).isEqualTo("true");
        assertThat(eval("REGEXP_LIKE('abc', '^b')")).isEqualTo("false");
        assertThat(eval("REGEXP_EXTRACT('abc', 'x')")).isNull();
        assertThat(eval("REGEXP_EXTRACT('a1b22', '[0-9]+')")).isEqualTo("1");
        assertThat(eval("REGEXP_REPLACE('a1b2', '[0-9]', '#')")).isEqualTo("a#b#");
        assertThat(eval("SPLIT('a,b,,c', ',')")).isEqualTo("[a, b, '', c]");
        assertThat(eval("STRPOS('hello', 'l')")).isEqualTo("3");
    }

    @Test
    void conditionalsAndTry() {
        assertThat(eval("COALESCE(null, 2, 3)")).isEqualTo("2");
        assertThat(eval("NULLIF(1, 1)")).isNull();
        assertThat(eval("IF(1 > 2, 'yes', 'no')")).isEqualTo("no");
        assertThat(eval("IF(1 < 2, 'yes')")).isEqualTo("yes");
        assertThat(eval("TRY(CAST('x' AS int))")).isNull();
        assertThat(eval("TRY_CAST('42' AS integer)")).isEqualTo("42");
        assertThat(eval("CAST('2.5' AS double precision)")).isEqualTo("2.5");
        assertThat(eval("CAST(1 AS string)")).isEqualTo("1");
    }

    @Test
    void mathFunctionsReturnFloatsAndPropagateNulls() {
        assertThat(eval("FLOOR(2)")).isEqualTo("2.0");
        assertThat(eval("CEIL(2.4)")).isEqualTo("3.0");
        assertThat(eval("ROUND(2.5)")).isEqualTo("3.0");
        assertThat(eval("ROUND(-2.5)")).isEqualTo("-3.0");
        assertThat(eval("ROUND(1.2345, 2)")).isEqualTo("1.23");
        assertThat(eval("ABS(-5)")).isEqualTo("5");
        assertThat(eval("TYPEOF(ABS(-5))")).isEqualTo("int");
        assertThat(eval("POW(2, 10)")).isEqualTo("1024.0");
        assertThat(eval("SQRT(16)")).isEqualTo("4.0");
        assertThat(eval("MOD(-7, 2)")).isEqualTo("-1");
        assertThat(eval("GREATEST(1, 2, 3)")).isEqualTo("3");
        assertThat(eval("GREATEST(1, null, 3)")).isNull();
        assertThat(eval("LEAST(4, 2)")).isEqualTo("2");
    }

    @Test
    void hashesAreBytesShownByToHex() {
        assertThat(eval("TO_HEX(SHA256('abc'))"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(eval("TO_HEX(MD5('abc'))")).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(eval("HASH('a') = HASH('a')")).isEqualTo("true");
        assertThat(eval("HASH('a') >= 0")).isEqualTo("true");
    }

    @Test
    void jsonRoundTrips() {
        assertThat(eval("JSON_FORMAT('a')")).isEqualTo("\"a\"");
        assertThat(eval("JSON_FORMAT([1, 2])")).isEqualTo("[1,2]");
        assertThat(eval("JSON_FORMAT(null)")).isEqualTo("null");
        assertThat(eval("JSON_FORMAT(JSON_PARSE('{\"a\":[1,true]}'))")).isEqualTo("{\"a\":[1,true]}");
    }

    @Test
    void dateTruncTakesTheUnitFirstAndHonoursTimeZones() {
        assertThat(eval("DATE_TRUNC('MONTH', DATE '2020-03-07')")).isEqualTo("2020-03-01");
        assertThat(eval("FORMAT_ISO8601(DATE_TRUNC('DAY', TIMESTAMP '2020-03-07T05:06:07Z'))"))
                .isEqualTo("2020-03-07T00:00:00.000000Z");
        assertThat(eval("FORMAT_ISO8601(DATE_TRUNC('DAY', TIMESTAMP '2020-03-07T05:06:07Z', 'America/Los_Angeles'))"))
                .isEqualTo("2020-03-06T08:00:00.000000Z");
        assertThat(eval("DATE_TRUNC('hour', DATETIME '2020-03-07 05:06:07')")).startsWith("2020-03-07 05:00:00");
    }

    @Test
    void dateDiffCountsWholeUnitsFromStartToEnd() {
        assertThat(eval("DATE_DIFF('DAY', DATETIME '2020-01-01 12:00:00', DATETIME '2020-01-02 11:00:00')")).isEqualTo("0");
        assertThat(eval("DATE_DIFF('DAY', DATE '2020-01-01', DATE '2020-03-01')")).isEqualTo("60");
        assertThat(eval("DATE_DIFF('MONTH', DATE '2020-03-01', DATE '2020-01-01')")).isEqualTo("-2");
        assertThat(eval("DATE_ADD('DAY', 3, DATE '2020-01-30')")).startsWith("2020-02-02");
        assertThat(eval("DATE_ADD('QUARTER', 1, DATE '2020-01-30')")).startsWith("2020-04-30");
        assertThat(eval("DATE_SUB('WEEK', 1, DATE '2020-01-08')")).startsWith("2020-01-01");
    }

    @Test
    void epochConversionsAreUtcInstants() {
        assertThat(eval("FORMAT_ISO8601(TIMESTAMP_MILLIS(1680632196642))")).isEqualTo("2023-04-04T18:16:36.642000Z");
        assertThat(eval("UNIX_MILLIS(TIMESTAMP '2023-04-04T18:16:36.642Z')")).isEqualTo("1680632196642");
        assertThat(eval("UNIX_MICROS(TIMESTAMP_MICROS(1680632196642123))")).isEqualTo("1680632196642123");
        assertThat(eval("UNIX_SECONDS(TIMESTAMP_SECONDS(86400))")).isEqualTo("86400");
        assertThat(eval("UNIX_MILLIS(PARSE_TIMESTAMP_ISO8601('2020-01-01T00:00:00Z'))")).isEqualTo("1577836800000");
        assertThat(eval("UNIX_MILLIS(PARSE_TIMESTAMP_ISO8601('2020-01-01T02:00:00+02:00'))")).isEqualTo("1577836800000");
        assertThat(eval("FORMAT_TIMESTAMP('%Y/%m/%d %H', TIMESTAMP '2020-01-01T00:00:00Z', 'America/New_York')"))
                .isEqualTo("2019/12/31 19");
    }

    @Test
    void currentValuesHaveRocksetTypes() {
        assertThat(eval("TYPEOF(CURRENT_DATE())")).isEqualTo("date");
        assertThat(eval("TYPEOF(CURRENT_DATETIME())")).isEqualTo("datetime");
        assertThat(eval("TYPEOF(CURRENT_TIME())")).isEqualTo("time");
        assertThat(eval("TYPEOF(CURRENT_TIMESTAMP())")).isEqualTo("timestamp");
        assertThat(eval("CURRENT_DATE('America/Los_Angeles') <= CURRENT_DATE('Asia/Tokyo')")).isEqualTo("true");
    }

    @Test
    void extractUsesRocksetPartMeanings() {
        assertThat(eval("EXTRACT(YEAR FROM DATE '2024-01-07')")).isEqualTo("2024");
        assertThat(eval("EXTRACT(DAYOFWEEK FROM DATE '2024-01-07')")).isEqualTo("1");
        assertThat(eval("EXTRACT(DAYOFWEEK FROM DATE '2024-01-13')")).isEqualTo("7");
        assertThat(eval("EXTRACT(MICROSECOND FROM DATETIME '2020-01-01 00:00:05.123456')")).isEqualTo("123456");
        assertThat(eval("EXTRACT(MILLISECOND FROM DATETIME '2020-01-01 00:00:05.123456')")).isEqualTo("123");
        assertThat(eval("EXTRACT(HOUR FROM TIMESTAMP '2020-01-01T05:00:00Z')")).isEqualTo("5");
        assertThatThrownBy(() -> eval("EXTRACT(FORTNIGHT FROM DATE '2024-01-07')"))
                .isInstanceOf(InvalidFunctionCallException.class).hasMessageContaining("FORTNIGHT");
    }

    @Test
    void atTimeZoneConvertsBetweenTimestampAndDatetime() {
        assertThat(eval("TIMESTAMP '2020-01-01T00:00:00Z' AT TIME ZONE 'America/Los_Angeles'"))
                .startsWith("2019-12-31 16:00:00");
        assertThat(eval("TYPEOF(DATETIME '2020-01-01 00:00:00' AT TIME ZONE 'Europe/Paris')")).isEqualTo("timestamp");
        assertThat(eval("FORMAT_ISO8601(DATETIME '2020-01-01 00:00:00' AT TIME ZONE 'Europe/Paris')"))
                .isEqualTo("2019-12-31T23:00:00.000000Z");
    }

    @Test
    void convertTimezoneTakesTheFormDbtPackagesWrite() {
        assertThat(eval("CONVERT_TIMEZONE('UTC', 'America/Los_Angeles', TIMESTAMP '2020-01-01T00:00:00Z')"))
                .startsWith("2019-12-31 16:00:00");
        assertThat(eval("CONVERT_TIMEZONE('Europe/Paris', 'UTC', DATETIME '2020-06-01 12:00:00')"))
                .startsWith("2020-06-01 10:00:00");
        assertThat(eval("CONVERT_TIMEZONE('Asia/Tokyo', TIMESTAMP '2020-01-01T00:00:00Z')")).startsWith("2020-01-01 09:00:00");
        assertThat(eval("TYPEOF(CONVERT_TIMEZONE('UTC', 'Asia/Tokyo', CURRENT_TIMESTAMP()))")).isEqualTo("datetime");
    }

    @Test
    void toCharTakesPostgresTemplatesWithNamesInTheCaseWritten() {
        assertThat(eval("TO_CHAR(DATE '2021-03-07', 'Dy')")).isEqualTo("Sun");
        assertThat(eval("TO_CHAR(DATE '2021-03-07', 'Day')")).isEqualTo("Sunday");
        assertThat(eval("TO_CHAR(DATE '2021-03-07', 'FMDAY')")).isEqualTo("SUNDAY");
        assertThat(eval("TO_CHAR(DATE '2021-03-07', 'mon')")).isEqualTo("mar");
        assertThat(eval("TO_CHAR(DATE '2021-03-07', 'Month')")).isEqualTo("March");
        assertThat(eval("TO_CHAR(DATETIME '2021-03-07 15:04:05', 'YYYY-MM-DD HH24:MI:SS')"))
                .isEqualTo("2021-03-07 15:04:05");
        assertThat(eval("TO_CHAR(DATETIME '2021-03-07 15:04:05', 'HH12 am \"on\" D, DDD, Q')"))
                .isEqualTo("03 pm on 1, 066, 1");
        assertThat(eval("TO_CHAR('2021-12-31', 'YY/MM')")).isEqualTo("21/12");
        assertThat(eval("TO_CHAR(DATE '2021-03-07', 'IW')")).isEqualTo("09");
    }

    @Test
    void isoWeekIsAnAliasOfWeekWhoseWeeksStartOnMonday() {
        assertThat(eval("DATE_TRUNC('isoweek', DATE '2021-03-07')")).isEqualTo(eval("DATE_TRUNC('WEEK', DATE '2021-03-07')"))
                .startsWith("2021-03-01");
        assertThat(eval("DATE_PART('isoweek', DATE '2021-01-03')")).isEqualTo("53");
        assertThat(eval("FORMAT_ISO8601(TO_TIMESTAMP(1623076520))")).isEqualTo("2021-06-07T14:35:20.000000Z");
    }

    @Test
    void toCharNeedsALiteralTemplate() {
        assertThatThrownBy(() -> eval("TO_CHAR(DATE '2021-03-07', CONCAT('Y', 'YYY'))"))
                .hasMessageContaining("TO_CHAR needs its template as a string literal");
    }

    @Test
    void numericCastsAreFloatsRoundedToTheirScale() {
        assertThat(eval("CAST(1234 AS numeric(16, 2)) / 100")).isEqualTo("12.34");
        assertThat(eval("CAST(12.345 AS decimal(10, 2))")).isEqualTo("12.35");
        assertThat(eval("12.5::NUMERIC(4)")).isEqualTo("13.0");
        assertThat(eval("TYPEOF(CAST(1 AS numeric))")).isEqualTo("float");
        assertThat(eval("TRY_CAST('x' AS decimal(5, 1))")).isNull();
        assertThatThrownBy(() -> eval("CAST(1 AS widget)")).isInstanceOf(InvalidFunctionCallException.class)
                .hasMessage("Unknown type `widget` in CAST.");
    }

    @Test
    void regexpInstrFindsTheFirstMatchAsSnowflakeDoes() {
        assertThat(eval("REGEXP_INSTR('abc123', '[0-9]+')")).isEqualTo("4");
        assertThat(eval("REGEXP_INSTR('aba', 'a$')")).isEqualTo("3");
        assertThat(eval("REGEXP_INSTR('12345', '^\\d{5}', 1, 1)")).isEqualTo("1");
        assertThat(eval("REGEXP_INSTR('abcabc', 'b', 3)")).isEqualTo("5");
        assertThat(eval("REGEXP_INSTR('abc', 'z')")).isEqualTo("0");
        assertThat(eval("REGEXP_INSTR(null, 'z')")).isNull();
        assertThatThrownBy(() -> eval("REGEXP_INSTR('abc', 'b', 1, 2)")).isInstanceOf(InvalidFunctionCallException.class);
    }

    @Test
    void datePartHasPostgresMeanings() {
        assertThat(eval("DATE_PART('month', DATE '2020-03-15')")).isEqualTo("3");
        assertThat(eval("DATE_PART('day_of_week', DATE '2024-01-07')")).isEqualTo("0");
        assertThat(eval("DATE_PART('dayofyear', '2020-02-01')")).isEqualTo("32");
        assertThatThrownBy(() -> eval("DATE_PART('fortnight', DATE '2020-01-01')"))
                .isInstanceOf(InvalidFunctionCallException.class).hasMessageContaining("fortnight");
    }

    @Test
    void dateFunctionsReadStringLiteralsAsDatetimes() {
        assertThat(eval("DATE_DIFF('DAY', '2018-01-01', '2018-01-10')")).isEqualTo("9");
        assertThat(eval("DATE_ADD('DAY', 2, '2018-01-01')")).startsWith("2018-01-03");
    }

    @Test
    void anIntervalAmountMayBeAnExpressionInParentheses() {
        assertThat(eval("DATE '2020-01-01' + INTERVAL (2 + 1) DAY")).startsWith("2020-01-04");
        assertThat(eval("DATE '2020-03-31' + INTERVAL (-1) MONTH")).startsWith("2020-02-29");
    }

    @Test
    void intervalsAddToTimes() {
        assertThat(eval("DATE '2020-01-31' + INTERVAL 1 DAY")).startsWith("2020-02-01");
        assertThat(eval("FORMAT_ISO8601(TIMESTAMP '2020-01-01T00:00:00Z' - INTERVAL '2' HOUR)"))
                .isEqualTo("2019-12-31T22:00:00.000000Z");
        assertThat(eval("DATE '2020-01-01' + INTERVAL 1 QUARTER")).startsWith("2020-04-01");
    }

    @Test
    void constructorsBuildDatesAndTimes() {
        assertThat(eval("DATE(2018, 1, 2)")).isEqualTo("2018-01-02");
        assertThat(eval("TIME(9, 30, 45)")).isEqualTo("09:30:45");
        assertThat(eval("DATE(TIMESTAMP '2020-01-01T05:00:00Z', 'America/Los_Angeles')")).isEqualTo("2019-12-31");
    }

    @Test
    void aggregatesRenderWithDistinctAndOrder() {
        assertThat(aggregate("COUNT(*)")).isEqualTo("3");
        assertThat(aggregate("COUNT(f)")).isEqualTo("2");
        assertThat(aggregate("COUNT(DISTINCT s)")).isEqualTo("2");
        assertThat(aggregate("SUM(x)")).isEqualTo("6");
        assertThat(aggregate("AVG(x)")).isEqualTo("2.0");
        assertThat(aggregate("COUNT_IF(x > 1)")).isEqualTo("2");
        assertThat(aggregate("TYPEOF(COUNT_IF(x > 1))")).isEqualTo("int");
        assertThat(aggregate("APPROX_DISTINCT(s)")).isEqualTo("2");
        assertThat(aggregate("ARRAY_AGG(x ORDER BY x DESC)")).isEqualTo("[3, 2, 1]");
        assertThat(aggregate("MAX_BY(s, x)")).isEqualTo("a");
        assertThat(aggregate("BOOL_AND(x > 0)")).isEqualTo("true");
        assertThat(aggregate("MIN(s) || MAX(s)")).isEqualTo("ab");
    }

    @Test
    void vectorEnforceChecksTheLength() {
        assertThat(eval("VECTOR_ENFORCE([1.0, 2.0], 2, 'float')")).isEqualTo("[1.0, 2.0]");
        assertThatThrownBy(() -> eval("VECTOR_ENFORCE([1.0], 2, 'float')"))
                .hasMessageContaining("does not have 2 elements");
        assertThat(eval("COSINE_SIM([1.0, 0.0], [1.0, 0.0])")).isEqualTo("1.0");
    }

    @Test
    void isoFormattingInAZoneCarriesItsOffset() {
        assertThat(eval("FORMAT_ISO8601(TIMESTAMP '2020-01-01T12:00:00Z', 'America/Los_Angeles')"))
                .isEqualTo("2020-01-01T04:00:00.000000-08:00");
        assertThat(eval("FORMAT_ISO8601(TIMESTAMP '2020-07-01T12:00:00Z', 'Asia/Kolkata')"))
                .isEqualTo("2020-07-01T17:30:00.000000+05:30");
    }

    @Test
    void intervalConstructorsAndDurations() {
        assertThat(eval("FORMAT_ISO8601(TIMESTAMP '2020-01-02T00:00:00Z' - HOURS(36))")).isEqualTo("2019-12-31T12:00:00.000000Z");
        assertThat(eval("FORMAT_ISO8601(TIMESTAMP '2020-01-01T00:00:00Z' + DAYS(2) + MINUTES(3))"))
                .isEqualTo("2020-01-03T00:03:00.000000Z");
        assertThat(eval("DATE '2020-01-31' + MONTHS(1)")).startsWith("2020-02-29");
        assertThat(eval("DURATION_SECONDS(TIMESTAMP '2020-01-01T00:01:30.5Z' - TIMESTAMP '2020-01-01T00:00:00Z')"))
                .isEqualTo("90");
        assertThat(eval("DURATION_MILLIS(SECONDS(1.5))")).isEqualTo("1500");
    }

    @Test
    void formatTruncAndRocksetStyleStringFormatting() {
        assertThat(eval("FORMAT('%{}%', 'x')")).isEqualTo("%x%");
        assertThat(eval("FORMAT('{}-{}', 1, 'a')")).isEqualTo("1-a");
        assertThat(eval("TRUNC(2.789, 1)")).isEqualTo("2.7");
        assertThat(eval("TRUNCATE(-2.6)")).isEqualTo("-2.0");
    }

    @Test
    void splitWithALimitKeepsTheRestInTheLastElement() {
        assertThat(eval("SPLIT('a,b,c,d', ',', 2)")).isEqualTo("[a, 'b,c,d']");
        assertThat(eval("SPLIT('a,b', ',', 5)")).isEqualTo("[a, b]");
        assertThat(eval("ELEMENT_AT(SPLIT('first line' || CHR(10) || 'rest' || CHR(10) || 'more', CHR(10), 2), 1)"))
                .isEqualTo("first line");
        assertThat(eval("SPLIT_PART('a-b-c', '-', 2)")).isEqualTo("b");
    }

    @Test
    void scalarTestAndDateParsing() {
        assertThat(eval("IS_SCALAR(1)")).isEqualTo("true");
        assertThat(eval("IS_SCALAR('x')")).isEqualTo("true");
        assertThat(eval("IS_SCALAR([1])")).isEqualTo("false");
        assertThat(eval("IS_SCALAR(JSON_PARSE('{\"a\": 1}'))")).isEqualTo("false");
        assertThat(eval("TYPEOF(DATE_PARSE('2024-03-05', '%Y-%m-%d'))")).isEqualTo("datetime");
        assertThat(eval("DATE_PARSE('2024-03-05', '%Y-%m-%d')")).startsWith("2024-03-05 00:00:00");
    }

    @Test
    void integerArgumentsFitDuckDbFunctionsTakingInteger() {
        assertThat(eval("LPAD('7', 3, '0')")).isEqualTo("007");
        assertThat(eval("RPAD('7', 3, '0')")).isEqualTo("700");
        assertThat(eval("REGEXP_EXTRACT('a1', '([a-z])([0-9])', 2)")).isEqualTo("1");
        assertThat(eval("CHR(65)")).isEqualTo("A");
        assertThat(eval("ROUND(2.567, 1)")).isEqualTo("2.6");
        assertThat(eval("DATE(2020, 2, 29)")).isEqualTo("2020-02-29");
        assertThat(eval("SUBSTR('abcdef', 2, 2)")).isEqualTo("bc");
        assertThat(eval("ELEMENT_AT(SEQUENCE(1, 5), 5)")).isEqualTo("5");
    }

    @Test
    void theRestOfTheCatalogBindsAndComputesOnDuckDb() {
        assertThat(eval("ROUND(ACOS(1) + ASIN(0) + ATAN(0) + ATAN2(0, 1) + SIN(0) + TAN(0) + COS(0), 6)")).isEqualTo("1.0");
        assertThat(eval("CBRT(27) + CEILING(0.2) + EXP(0) + LN(1) + LOG10(100) + LOG2(8)")).isEqualTo("10.0");
        assertThat(eval("ROUND(DEGREES(PI()) + RADIANS(180) - PI())")).isEqualTo("180.0");
        assertThat(eval("POWER(3, 2) + SIGN(-4)")).isEqualTo("8.0");
        assertThat(eval("IS_NAN(1.0) OR IS_INFINITE(1.0) OR NOT IS_FINITE(1.0)")).isEqualTo("false");
        assertThat(eval("RAND() < 1 AND RANDOM() >= 0")).isEqualTo("true");
        assertThat(eval("ARRAY_FLATTEN([[1], [2, 3]])")).isEqualTo("[1, 2, 3]");
        assertThat(eval("ARRAY_JOIN(['a', 'b'], '-')")).isEqualTo("a-b");
        assertThat(eval("ARRAY_MAX([1, 5, 2]) * 10 + ARRAY_MIN([4, 3])")).isEqualTo("53");
        assertThat(eval("ARRAY_REVERSE([1, 2])")).isEqualTo("[2, 1]");
        assertThat(eval("ARRAY_SORT([3, 1, 2])")).isEqualTo("[1, 2, 3]");
        assertThat(eval("DOT_PRODUCT([1.0, 2.0], [3.0, 4.0]) + EUCLIDEAN_DIST([0.0, 0.0], [3.0, 4.0])")).isEqualTo("16.0");
        assertThat(eval("KEYS(JSON_PARSE('{\"a\": 1, \"b\": 2}'))")).isEqualTo("[a, b]");
        assertThat(eval("REGEXP_EXTRACT_ALL('a1b22', '[0-9]+')")).isEqualTo("[1, 22]");
        assertThat(eval("REVERSE('abc') || LTRIM('  x') || RTRIM('y  ') || SUBSTRING('hello', 2, 1)")).isEqualTo("cbaxye");
        assertThat(eval("STARTS_WITH('hello', 'he')")).isEqualTo("true");
        assertThat(eval("TO_HEX(SHA1('a'))")).isEqualTo("86f7e437faa5a7fce15d1ddcb9eaeaea377667b8");
        assertThat(eval("TO_BASE64(FROM_HEX('6162'))")).isEqualTo("YWI=");
        assertThat(eval("TO_HEX(FROM_BASE64('YWI='))")).isEqualTo("6162");
        assertThat(eval("DURATION_MICROS(MICROSECONDS(7) + MILLISECONDS(1))")).isEqualTo("1007");
        assertThat(eval("DATE '2020-01-31' + YEARS(1)")).startsWith("2021-01-31");
        assertThat(eval("FORMAT_DATE('%d/%m/%Y', DATE '2020-01-31')")).isEqualTo("31/01/2020");
        assertThat(eval("FORMAT_DATETIME('%H:%M', DATETIME '2020-01-31 10:20:00')")).isEqualTo("10:20");
        assertThat(eval("FORMAT_TIME('%H-%M', TIME '10:20:00')")).isEqualTo("10-20");
        assertThat(eval("PARSE_DATE('%d/%m/%Y', '31/01/2020')")).isEqualTo("2020-01-31");
        assertThat(eval("TYPEOF(PARSE_DATETIME('%d/%m/%Y %H', '31/01/2020 10'))")).isEqualTo("datetime");
        assertThat(eval("UNIX_MILLIS(PARSE_TIMESTAMP('%d/%m/%Y %H', '31/01/2020 10', 'Europe/Paris'))"))
                .isEqualTo("1580461200000");
        assertThat(eval("PARSE_DATETIME_ISO8601('2020-01-31T10:20:00')")).startsWith("2020-01-31 10:20:00");
        assertThat(eval("PARSE_DATE_ISO8601('2020-01-31')")).isEqualTo("2020-01-31");
        assertThat(eval("PARSE_TIME_ISO8601('10:20:30')")).isEqualTo("10:20:30");
        assertThat(eval("DATETIME(TIMESTAMP '2020-01-01T00:00:00Z', 'Asia/Tokyo')")).startsWith("2020-01-01 09:00:00");
    }

    @Test
    void moreAggregatesComputeOnDuckDb() {
        assertThat(aggregate("ANY_VALUE(x) > 0 AND ARBITRARY(x) > 0 AND BOOL_OR(x = 2) AND EVERY(x > 0)")).isEqualTo("true");
        assertThat(aggregate("MIN_BY(s, x)")).isEqualTo("a");
        assertThat(aggregate("APPROX_PERCENTILE(x, 0.5)")).isEqualTo("2");
        assertThat(aggregate("STDDEV(x) = STDDEV_SAMP(x)")).isEqualTo("true");
        assertThat(aggregate("ROUND(STDDEV_POP(x) * STDDEV_POP(x), 6) = ROUND(VAR_POP(x), 6)")).isEqualTo("true");
        assertThat(aggregate("VARIANCE(x) = VAR_SAMP(x)")).isEqualTo("true");
    }

    @Test
    void windowFunctionsComputeOnDuckDb() {
        // t holds (1, 'a'), (2, 'b'), (3, 'a'); every value listed in x order
        assertThat(column("ROW_NUMBER() OVER (ORDER BY x)")).containsExactly("1", "2", "3");
        assertThat(column("RANK() OVER (ORDER BY s)")).containsExactly("1", "3", "1");
        assertThat(column("DENSE_RANK() OVER (ORDER BY s)")).containsExactly("1", "2", "1");
        assertThat(column("NTILE(2) OVER (ORDER BY x)")).containsExactly("1", "1", "2");
        assertThat(column("LAG(x) OVER (ORDER BY x)")).containsExactly(null, "1", "2");
        assertThat(column("LEAD(x, 1, 0) OVER (ORDER BY x)")).containsExactly("2", "3", "0");
        assertThat(column("FIRST_VALUE(x) OVER (PARTITION BY s ORDER BY x)")).containsExactly("1", "2", "1");
        assertThat(column("LAST_VALUE(x) OVER (PARTITION BY s ORDER BY x)")).containsExactly("1", "2", "3");
        assertThat(column("NTH_VALUE(x, 2) OVER (ORDER BY x)")).containsExactly(null, "2", "2");
        assertThat(column("PERCENT_RANK() OVER (ORDER BY x)")).containsExactly("0.0", "0.5", "1.0");
        assertThat(column("CUME_DIST() OVER (ORDER BY x)")).containsExactly("0.3333333333333333", "0.6666666666666666", "1.0");
        assertThat(column("SUM(x) OVER (PARTITION BY s)")).containsExactly("4", "2", "4");
    }

    /** One Rockset expression over every row of t, in x order. */
    private List<String> column(String rocksetExpression) {
        String sql = "SELECT " + renderer.render(RocksetSqlParser.parseExpression(rocksetExpression)) + " FROM t ORDER BY x";
        List<String> values = new ArrayList<>();
        try (Statement statement = duckDb.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new AssertionError("DuckDB rejected " + sql + ": " + e.getMessage(), e);
        }
        return values;
    }
}
