package quarry.server.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import quarry.server.sql.Expression.Binary;
import quarry.server.sql.Expression.BinaryOperator;
import quarry.server.sql.Expression.FieldReference;
import quarry.server.sql.Expression.FunctionCall;
import quarry.server.sql.Expression.IntegerLiteral;
import quarry.server.sql.Expression.StringLiteral;

class RocksetSqlParserTest {

    private static QueryBody.Select select(String sql) {
        Statement statement = RocksetSqlParser.parse(sql);
        assertThat(statement).isInstanceOf(Statement.QueryStatement.class);
        return (QueryBody.Select) ((Statement.QueryStatement) statement).query().body();
    }

    private static Expression firstItem(String sql) {
        return ((SelectItem.Single) select(sql).items().get(0)).expression();
    }

    private static List<String> names(List<Identifier> identifiers) {
        return identifiers.stream().map(Identifier::name).toList();
    }

    @Test
    void selectWithoutFromHasOneItemAndNoRelations() {
        QueryBody.Select select = select("SELECT 1");
        assertThat(select.from()).isEmpty();
        assertThat(firstItem("SELECT 1")).isEqualTo(new IntegerLiteral(1, new SourcePosition(1, 8)));
    }

    @Test
    void keywordsAreCaseInsensitiveAndTrailingSemicolonIsTolerated() {
        Statement statement = RocksetSqlParser.parse("describe \"_events\";");
        assertThat(statement).isInstanceOf(Statement.Describe.class);
        assertThat(((Statement.Describe) statement).target().name()).isEqualTo(
                new Identifier("_events", true, new SourcePosition(1, 10)));
    }

    @Test
    void describeKeepsWorkspaceAndMaxFieldDepthOption() {
        Statement.Describe describe = (Statement.Describe) RocksetSqlParser.parse(
                "describe \"ws\".\"coll\" OPTION(max_field_depth=1)");
        assertThat(describe.target().workspace().map(Identifier::name)).contains("ws");
        assertThat(describe.target().name().name()).isEqualTo("coll");
        assertThat(describe.maxFieldDepth()).contains(1);
    }

    @Test
    void leadingDefaultWorkspaceOptionIsKeptOnTheStatement() {
        Statement statement = RocksetSqlParser.parse("OPTION(default_workspace='analytics')\n SELECT * FROM orders");
        assertThat(statement.defaultWorkspace()).isEqualTo("analytics");
        assertThat(RocksetSqlParser.parse("SELECT 1").defaultWorkspace()).isEqualTo("commons");
    }

    @Test
    void trailingOptionsAreKeptAsTextByLowerCaseKey() {
        Statement statement = RocksetSqlParser.parse("SELECT * FROM t LIMIT 5 OPTION(Debug_Threshold_ms = 10, flag = true)");
        assertThat(statement.options()).containsEntry("debug_threshold_ms", "10").containsEntry("flag", "true");
    }

    @Test
    void insertIntoKeepsTargetAndQuery() {
        Statement.InsertInto insert = (Statement.InsertInto) RocksetSqlParser.parse(
                "INSERT INTO commons.\"go-sql-driver\" SELECT 1 AS f_int, 2.2 AS f_float, 'foo' AS f_string, "
                        + "true AS f_bool, CURRENT_TIMESTAMP AS f_timestamp, 1680632196642 AS t_unix");
        assertThat(insert.target().toString()).isEqualTo("commons.go-sql-driver");
        QueryBody.Select select = (QueryBody.Select) insert.query().body();
        assertThat(select.items()).hasSize(6);
        SelectItem.Single timestamp = (SelectItem.Single) select.items().get(4);
        assertThat(timestamp.expression()).isInstanceOfSatisfying(FunctionCall.class, call -> {
            assertThat(call.name()).isEqualTo("CURRENT_TIMESTAMP");
            assertThat(call.parenthesized()).isFalse();
        });
        assertThat(timestamp.alias().map(Identifier::name)).contains("f_timestamp");
    }

    @Test
    void insertIntoAcceptsALeadingWithClauseAsDbtSendsForEphemerals() {
        Statement.InsertInto insert = (Statement.InsertInto) RocksetSqlParser.parse(
                "INSERT INTO \"ws\".\"t\" WITH __dbt__cte__eph as (select name, id from \"ws\".\"base\" where id is not null)"
                        + " select * from __dbt__cte__eph");
        assertThat(insert.query().with()).singleElement().satisfies(cte ->
                assertThat(cte.name().name()).isEqualTo("__dbt__cte__eph"));
    }

    @Test
    void starExceptListsTheExcludedFields() {
        SelectItem item = select("SELECT * EXCEPT (_id, _meta, _event_time) FROM ws.t").items().get(0);
        assertThat(item).isInstanceOfSatisfying(SelectItem.Star.class, star -> {
            assertThat(star.qualifier()).isEmpty();
            assertThat(names(star.except())).containsExactly("_id", "_meta", "_event_time");
        });
    }

    @Test
    void qualifiedStarNamesItsRelation() {
        QueryBody.Select select = select("SELECT t.*, u.* EXCEPT (x) FROM t JOIN u ON t.id = u.id");
        assertThat(select.items()).allSatisfy(item -> assertThat(item).isInstanceOf(SelectItem.Star.class));
        SelectItem.Star second = (SelectItem.Star) select.items().get(1);
        assertThat(second.qualifier().map(QualifiedName::toString)).contains("u");
        assertThat(names(second.except())).containsExactly("x");
    }

    @Test
    void identifiersKeepTheirCaseAndQuoting() {
        QueryBody.Select select = select("SELECT \"Name\", name, `Age` FROM t");
        List<Identifier> firsts = select.items().stream()
                .map(item -> ((FieldReference) ((SelectItem.Single) item).expression()).last()).toList();
        assertThat(firsts).extracting(Identifier::name).containsExactly("Name", "name", "Age");
        assertThat(firsts).extracting(Identifier::quoted).containsExactly(true, false, true);
    }

    @Test
    void dottedPathsAndSubscriptsNest() {
        Expression expression = firstItem("SELECT a.b[2].c FROM t");
        assertThat(expression).isInstanceOfSatisfying(Expression.FieldAccess.class, access -> {
            assertThat(access.field().name()).isEqualTo("c");
            Expression.Subscript subscript = (Expression.Subscript) access.base();
            assertThat(names(((FieldReference) subscript.base()).path())).containsExactly("a", "b");
            assertThat(subscript.index()).isInstanceOf(IntegerLiteral.class);
        });
    }

    @Test
    void reservedWordsAreFieldNamesAfterADot() {
        Expression expression = firstItem("SELECT t.order FROM t");
        assertThat(names(((FieldReference) expression).path())).containsExactly("t", "order");
    }

    @Test
    void multiplicationBindsTighterThanAdditionAndAndTighterThanOr() {
        Binary sum = (Binary) firstItem("SELECT 1 + 2 * 3");
        assertThat(sum.operator()).isEqualTo(BinaryOperator.ADD);
        assertThat(((Binary) sum.right()).operator()).isEqualTo(BinaryOperator.MULTIPLY);

        Binary or = (Binary) select("SELECT 1 FROM t WHERE a = 1 OR b = 2 AND NOT c = 3").where().orElseThrow();
        assertThat(or.operator()).isEqualTo(BinaryOperator.OR);
        Binary and = (Binary) or.right();
        assertThat(and.operator()).isEqualTo(BinaryOperator.AND);
        assertThat(and.right()).isInstanceOf(Expression.Unary.class);
    }

    @Test
    void concatenationBindsLooserThanArithmetic() {
        Binary concat = (Binary) firstItem("SELECT 'a' || 1 + 2");
        assertThat(concat.operator()).isEqualTo(BinaryOperator.CONCAT);
        assertThat(((Binary) concat.right()).operator()).isEqualTo(BinaryOperator.ADD);
    }

    @Test
    void bangEqualsAndAngleBracketsAreTheSameOperator() {
        assertThat(((Binary) firstItem("SELECT a != 1")).operator()).isEqualTo(BinaryOperator.NOT_EQUAL);
        assertThat(((Binary) firstItem("SELECT a <> 1")).operator()).isEqualTo(BinaryOperator.NOT_EQUAL);
    }

    @Test
    void predicatesCarryTheirNegation() {
        Expression where = select("SELECT 1 FROM t WHERE x IS NOT UNDEFINED AND y NOT IN (1, 2) "
                + "AND z NOT BETWEEN 1 AND 3 AND w NOT LIKE 'a%' AND v IS DISTINCT FROM 4").where().orElseThrow();
        List<Expression> conjuncts = new java.util.ArrayList<>();
        Expression rest = where;
        while (rest instanceof Binary binary && binary.operator() == BinaryOperator.AND) {
            conjuncts.add(0, binary.right());
            rest = binary.left();
        }
        conjuncts.add(0, rest);
        assertThat(conjuncts).hasSize(5);
        assertThat(conjuncts.get(0)).isInstanceOfSatisfying(Expression.IsUndefined.class, p -> assertThat(p.negated()).isTrue());
        assertThat(conjuncts.get(1)).isInstanceOfSatisfying(Expression.InList.class, p -> {
            assertThat(p.negated()).isTrue();
            assertThat(p.items()).hasSize(2);
        });
        assertThat(conjuncts.get(2)).isInstanceOfSatisfying(Expression.Between.class, p -> assertThat(p.negated()).isTrue());
        assertThat(conjuncts.get(3)).isInstanceOfSatisfying(Expression.Like.class, p -> assertThat(p.negated()).isTrue());
        assertThat(conjuncts.get(4)).isInstanceOfSatisfying(Expression.IsDistinctFrom.class,
                p -> assertThat(p.negated()).isFalse());
    }

    @Test
    void stringEscapesAndNumbersAreDecoded() {
        assertThat(((StringLiteral) firstItem("SELECT 'it''s'")).value()).isEqualTo("it's");
        assertThat(((IntegerLiteral) firstItem("SELECT -9223372036854775808")).value()).isEqualTo(Long.MIN_VALUE);
        assertThat(firstItem("SELECT 9223372036854775808")).isInstanceOf(Expression.FloatLiteral.class);
        assertThat(((Expression.FloatLiteral) firstItem("SELECT 1e3")).value()).isEqualTo(1000.0);
        assertThat(((Expression.FloatLiteral) firstItem("SELECT .5")).value()).isEqualTo(0.5);
    }

    @Test
    void typedAndIntervalLiteralsKeepTypeAndUnit() {
        assertThat(firstItem("SELECT DATE '2020-01-01'")).isEqualTo(
                new Expression.TypedLiteral("DATE", "2020-01-01", new SourcePosition(1, 8)));
        Binary minus = (Binary) firstItem("SELECT CURRENT_TIMESTAMP() - INTERVAL 1 DAY");
        assertThat(minus.right()).isInstanceOfSatisfying(Expression.IntervalLiteral.class, interval -> {
            assertThat(interval.value()).isEqualTo("1");
            assertThat(interval.unit()).isEqualTo("DAY");
        });
        Expression.IntervalLiteral compound = (Expression.IntervalLiteral) firstItem("SELECT INTERVAL '1:30' HOUR TO MINUTE");
        assertThat(compound.toUnit()).contains("MINUTE");
        assertThat(((Expression.IntervalLiteral) firstItem("SELECT INTERVAL '2' days")).unit()).isEqualTo("DAY");
    }

    @Test
    void parametersAreNamedOrPositional() {
        QueryBody.Select select = select("SELECT :param AS echo, :1");
        Expression.Parameter named = (Expression.Parameter) ((SelectItem.Single) select.items().get(0)).expression();
        Expression.Parameter positional = (Expression.Parameter) ((SelectItem.Single) select.items().get(1)).expression();
        assertThat(named.name()).isEqualTo("param");
        assertThat(named.positional()).isFalse();
        assertThat(positional.name()).isEqualTo("1");
        assertThat(positional.positional()).isTrue();
    }

    @Test
    void castAndTryCastNameTheirType() {
        Expression.Cast cast = (Expression.Cast) firstItem("SELECT TRY_CAST(_input.id AS int) AS id FROM _input");
        assertThat(cast.safe()).isTrue();
        assertThat(cast.type().name()).isEqualTo("int");
        Expression.Cast precise = (Expression.Cast) firstItem("SELECT CAST(x AS DOUBLE PRECISION)");
        assertThat(precise.safe()).isFalse();
        assertThat(precise.type().name()).isEqualTo("double precision");
    }

    @Test
    void caseExpressionsAreSimpleOrSearched() {
        Expression.Case searched = (Expression.Case) firstItem(
                "SELECT CASE WHEN a > 1 THEN 'x' WHEN a < 0 THEN 'y' ELSE 'z' END");
        assertThat(searched.operand()).isEmpty();
        assertThat(searched.whens()).hasSize(2);
        assertThat(searched.otherwise()).isPresent();
        Expression.Case simple = (Expression.Case) firstItem("SELECT CASE a WHEN 1 THEN 2 END");
        assertThat(simple.operand()).isPresent();
        assertThat(simple.otherwise()).isEmpty();
    }

    @Test
    void aggregateCallsKeepDistinctStarAndOrderBy() {
        QueryBody.Select select = select("SELECT COUNT(*), COUNT(DISTINCT x), ARRAY_AGG(x ORDER BY y DESC) FROM t");
        FunctionCall count = (FunctionCall) ((SelectItem.Single) select.items().get(0)).expression();
        assertThat(count.star()).isTrue();
        assertThat(count.arguments()).isEmpty();
        FunctionCall distinct = (FunctionCall) ((SelectItem.Single) select.items().get(1)).expression();
        assertThat(distinct.distinct()).isTrue();
        FunctionCall arrayAgg = (FunctionCall) ((SelectItem.Single) select.items().get(2)).expression();
        assertThat(arrayAgg.orderBy()).singleElement().satisfies(item ->
                assertThat(item.direction()).isEqualTo(SortItem.Direction.DESC));
    }

    @Test
    void windowFunctionsKeepPartitionOrderAndFrame() {
        FunctionCall call = (FunctionCall) firstItem("SELECT SUM(x) OVER (PARTITION BY a, b ORDER BY c DESC NULLS LAST "
                + "ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM t");
        WindowSpec window = call.over().orElseThrow();
        assertThat(window.partitionBy()).hasSize(2);
        assertThat(window.orderBy().get(0).nulls()).contains(SortItem.NullOrdering.LAST);
        WindowSpec.Frame frame = window.frame().orElseThrow();
        assertThat(frame.unit()).isEqualTo(WindowSpec.FrameUnit.ROWS);
        assertThat(frame.start().kind()).isEqualTo(WindowSpec.BoundKind.PRECEDING);
        assertThat(frame.end().map(WindowSpec.Bound::kind)).contains(WindowSpec.BoundKind.CURRENT_ROW);
    }

    @Test
    void joinsNestLeftToRightWithTheirConditions() {
        QueryBody.Select select = select(
                "SELECT * FROM a INNER JOIN b ON a.x = b.x LEFT OUTER JOIN c USING (y) CROSS JOIN d");
        Relation.Join cross = (Relation.Join) select.from().get(0);
        assertThat(cross.type()).isEqualTo(Relation.JoinType.CROSS);
        Relation.Join left = (Relation.Join) cross.left();
        assertThat(left.type()).isEqualTo(Relation.JoinType.LEFT);
        assertThat(names(left.using())).containsExactly("y");
        Relation.Join inner = (Relation.Join) left.left();
        assertThat(inner.type()).isEqualTo(Relation.JoinType.INNER);
        assertThat(inner.on()).isPresent();
    }

    @Test
    void commaJoinsAreSeveralFromEntriesWithAliases() {
        QueryBody.Select select = select("SELECT * FROM ws.a x, \"ws\".\"b-c\" AS y, (SELECT 1 AS one) z");
        assertThat(select.from()).hasSize(3);
        Relation.Table second = (Relation.Table) select.from().get(1);
        assertThat(second.name().toString()).isEqualTo("ws.b-c");
        assertThat(second.alias().map(Identifier::name)).contains("y");
        assertThat(select.from().get(2)).isInstanceOfSatisfying(Relation.Subquery.class,
                subquery -> assertThat(subquery.alias().map(Identifier::name)).contains("z"));
    }

    @Test
    void unnestTakesAnElementAliasInside() {
        Relation.Unnest unnest = (Relation.Unnest) select("SELECT * FROM unnest([1] AS q)").from().get(0);
        assertThat(unnest.array()).isInstanceOf(Expression.ArrayConstructor.class);
        assertThat(unnest.elementAlias().map(Identifier::name)).contains("q");
        Relation.Join join = (Relation.Join) select("SELECT * FROM t CROSS JOIN UNNEST(t.tags AS tag) AS u").from().get(0);
        assertThat(((Relation.Unnest) join.right()).alias().map(Identifier::name)).contains("u");
    }

    @Test
    void tableHintsAreKeptAndDoNotBecomeAliases() {
        Relation.Table table = (Relation.Table) select("SELECT * FROM t HINT(access_path=column_scan) WHERE x = 1")
                .from().get(0);
        assertThat(table.alias()).isEmpty();
        assertThat(table.hints()).containsEntry("access_path", "column_scan");
    }

    @Test
    void intersectBindsTighterThanUnion() {
        Statement.QueryStatement statement = (Statement.QueryStatement) RocksetSqlParser.parse(
                "SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT ALL SELECT 4");
        QueryBody.SetOperation except = (QueryBody.SetOperation) statement.query().body();
        assertThat(except.operator()).isEqualTo(QueryBody.SetOperator.EXCEPT);
        assertThat(except.all()).isTrue();
        QueryBody.SetOperation union = (QueryBody.SetOperation) except.left();
        assertThat(union.operator()).isEqualTo(QueryBody.SetOperator.UNION);
        assertThat(((QueryBody.SetOperation) union.right()).operator()).isEqualTo(QueryBody.SetOperator.INTERSECT);
    }

    @Test
    void orderLimitAndOffsetBelongToTheWholeQuery() {
        Statement.QueryStatement statement = (Statement.QueryStatement) RocksetSqlParser.parse(
                "SELECT a FROM t GROUP BY 1 HAVING COUNT(*) > 1 ORDER BY 1 DESC, a NULLS FIRST LIMIT 10 OFFSET 5");
        Query query = statement.query();
        assertThat(query.orderBy()).hasSize(2);
        assertThat(query.orderBy().get(1).explicitDirection()).isFalse();
        assertThat(query.limit()).contains(new IntegerLiteral(10, new SourcePosition(1, 85)));
        assertThat(query.offset().map(e -> ((IntegerLiteral) e).value())).contains(5L);
        QueryBody.Select select = (QueryBody.Select) query.body();
        assertThat(select.groupBy()).containsExactly(new IntegerLiteral(1, new SourcePosition(1, 26)));
        assertThat(select.having()).isPresent();
    }

    @Test
    void subqueriesAppearInInExistsAndAsScalars() {
        Expression where = select("SELECT (SELECT max(id) FROM u) AS m FROM t WHERE id IN (SELECT id FROM u) "
                + "AND NOT EXISTS (SELECT 1 FROM v)").where().orElseThrow();
        Binary and = (Binary) where;
        assertThat(and.left()).isInstanceOf(Expression.InSubquery.class);
        assertThat(((Expression.Unary) and.right()).operand()).isInstanceOf(Expression.Exists.class);
        assertThat(firstItem("SELECT (SELECT max(id) FROM u) AS m FROM t")).isInstanceOf(Expression.ScalarSubquery.class);
    }

    @Test
    void extractAndAtTimeZoneHaveTheirOwnNodes() {
        Expression.Extract extract = (Expression.Extract) firstItem("SELECT EXTRACT(year FROM ts) FROM t");
        assertThat(extract.part()).isEqualTo("YEAR");
        assertThat(firstItem("SELECT ts AT TIME ZONE 'America/Los_Angeles' FROM t")).isInstanceOf(Expression.AtTimeZone.class);
    }

    @Test
    void leftAndRightAreFunctionsWhenCalled() {
        FunctionCall call = (FunctionCall) firstItem("SELECT LEFT(name, 2) FROM t");
        assertThat(call.name()).isEqualTo("LEFT");
        assertThat(call.arguments()).hasSize(2);
    }

    @Test
    void commentsAreIgnoredAndPositionsCountLines() {
        Statement statement = RocksetSqlParser.parse(
                "/* {\"app\": \"dbt\", \"node_id\": \"model.x\"} */\n-- a comment\nselect\n    id\nfrom t");
        QueryBody.Select select = (QueryBody.Select) ((Statement.QueryStatement) statement).query().body();
        assertThat(select.position()).isEqualTo(new SourcePosition(3, 1));
        assertThat(select.items().get(0).position()).isEqualTo(new SourcePosition(4, 5));
        assertThat(((Relation.Table) select.from().get(0)).position()).isEqualTo(new SourcePosition(5, 6));
    }

    @Test
    void standaloneExpressionsParse() {
        assertThat(RocksetSqlParser.parseExpression("a.b = :x")).isInstanceOf(Binary.class);
        assertThat(RocksetSqlParser.parseExpression("[1, 2]")).isEqualTo(new Expression.ArrayConstructor(
                List.of(new IntegerLiteral(1, new SourcePosition(1, 2)), new IntegerLiteral(2, new SourcePosition(1, 5))),
                new SourcePosition(1, 1)));
        assertThat(((FunctionCall) RocksetSqlParser.parseExpression("_script.delay(1)")).name()).isEqualTo("_script.delay");
        assertThat(RocksetSqlParser.parseExpression("x").position()).isEqualTo(new SourcePosition(1, 1));
        assertThat(Optional.of(RocksetSqlParser.parseExpression("NULL"))).containsInstanceOf(Expression.NullLiteral.class);
    }

    @Test
    void aTrailingCommaAfterTheLastSelectItemIsAccepted() {
        QueryBody.Select select = select("SELECT a, b, FROM t WHERE x = 1");
        assertThat(select.items()).hasSize(2);
        assertThat(select.from()).hasSize(1);
        assertThat(select("SELECT a, FROM t").items()).hasSize(1);
    }

    @Test
    void aParameterMayHaveBlanksAfterItsColon() {
        Expression.Parameter parameter = (Expression.Parameter) firstItem("SELECT : repo");
        assertThat(parameter.name()).isEqualTo("repo");
        assertThat(parameter.position()).isEqualTo(new SourcePosition(1, 8));
    }

    @Test
    void joinHintsAreKeptOnTheJoin() {
        Relation.Join join = (Relation.Join) select(
                "SELECT * FROM a JOIN b ON a.id = b.id HINT(join_strategy = lookup) WHERE a.x = 1").from().get(0);
        assertThat(join.hints()).containsEntry("join_strategy", "lookup");
    }

    @Test
    void unnestMayNumberItsElements() {
        Relation.Join join = (Relation.Join) select(
                "SELECT c.commit.id, idx FROM push CROSS JOIN UNNEST(push.commits AS commit WITH ORDINALITY AS idx) AS c")
                .from().get(0);
        Relation.Unnest unnest = (Relation.Unnest) join.right();
        assertThat(unnest.elementAlias().map(Identifier::name)).contains("commit");
        assertThat(unnest.ordinality().map(Identifier::name)).contains("idx");
        assertThat(unnest.alias().map(Identifier::name)).contains("c");
        Relation.Unnest unnamed = (Relation.Unnest) select("SELECT * FROM UNNEST([1, 2] WITH ORDINALITY)").from().get(0);
        assertThat(unnamed.ordinality().map(Identifier::name)).contains("ordinality");
        assertThat(((Relation.Unnest) select("SELECT * FROM UNNEST([1])").from().get(0)).ordinality()).isEmpty();
    }
}
