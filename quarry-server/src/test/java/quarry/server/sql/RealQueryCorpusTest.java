package quarry.server.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Statements real clients send: dbt-rockset (materializations, tests, its
 * get_rows_different_sql), the JDBC driver, the Java, JS and Go client tests, jaffle_shop, and
 * Rockset documentation examples. Each must parse and use only functions the catalog knows.
 */
class RealQueryCorpusTest {

    private static final RocksetFunctions FUNCTIONS = RocksetFunctions.standard();

    static Stream<String> corpus() {
        return Stream.of(
                // connection probes and placeholders
                "SELECT 1",
                "select 1 as id",
                "/* {\"app\": \"dbt\", \"dbt_version\": \"1.7.8\", \"node_id\": \"model.test.base\"} */\nSELECT 3;",
                "Select count(*) from _events;",
                "select * from commons._events where _events.kind = 'COLLECTION'",
                // JDBC
                "OPTION(default_workspace='analytics')\n SELECT * FROM orders",
                "describe \"ws\".\"coll\" OPTION(max_field_depth=1)",
                "SELECT :1, :2",
                // Java client tests
                "SELECT * EXCEPT (_id, _meta, _event_time) FROM ws.t",
                "DESCRIBE commons.users",
                // query lambdas and parameters
                "SELECT :param as echo",
                "select * from \"ws\".\"orders\" where order_id = :order_id order by order_time limit :limit",
                "SELECT _id FROM commons.t WHERE _id = :_id",
                // go-sql-driver
                "INSERT INTO commons.\"go-sql-driver\" SELECT 1 AS f_int, 2.2 AS f_float, 'foo' AS f_string, true AS f_bool,"
                        + " CURRENT_TIMESTAMP AS f_timestamp, 1680632196642 AS t_unix",
                // dbt materializations
                "INSERT INTO \"dbt_ws\".\"table_model\" select * from \"dbt_ws\".\"seed\"",
                "INSERT INTO \"dbt_ws\".\"incremental\" select * from \"dbt_ws\".\"seed\"\n"
                        + "where id > (select max(id) from \"dbt_ws\".\"incremental\")",
                "INSERT INTO \"dbt_ws\".\"eph_user\" WITH __dbt__cte__ephemeral as (\n"
                        + "select name, id from \"dbt_ws\".\"base\" where id is not null\n)"
                        + "select * from __dbt__cte__ephemeral",
                "INSERT INTO \"dbt_ws\".\"docs\" SELECT _id, 'DELETE' AS _op FROM \"dbt_ws\".\"docs\" WHERE age > 40",
                "select CAST(id as int) as id, name, some_date from \"dbt_ws\".\"seed\"",
                // dbt generic tests
                "select count(*) as failures, count(*) != 0 as should_warn, count(*) != 0 as should_error from (\n"
                        + "select id from \"dbt_ws\".\"base\" where id is null\n) dbt_internal_test",
                "select count(*) as failures, count(*) != 0 as should_warn, count(*) != 0 as should_error from (\n"
                        + "select id as unique_field, count(*) as n_records from \"dbt_ws\".\"base\"\n"
                        + "where id is not null group by id having count(*) > 1\n) dbt_internal_test",
                "with all_values as (\n select status as value_field, count(*) as n_records from \"ws\".\"orders\""
                        + " group by status\n)\nselect * from all_values\n"
                        + "where value_field not in ('placed','shipped','completed','return_pending','returned')",
                "with child as (select customer_id as from_field from \"ws\".\"orders\" where customer_id is not null),\n"
                        + "parent as (select customer_id as to_field from \"ws\".\"customers\")\n"
                        + "select from_field from child left join parent on child.from_field = parent.to_field\n"
                        + "where parent.to_field is null",
                // dbt-rockset get_rows_different_sql (columns back-quoted)
                "with diff_count as (\n SELECT 1 as id, COUNT(*) as num_missing FROM (\n"
                        + "  (SELECT `id`, `name`, `some_date` FROM \"ws\".\"a\" EXCEPT SELECT `id`, `name`, `some_date` FROM \"ws\".\"b\")\n"
                        + "  UNION ALL\n"
                        + "  (SELECT `id`, `name`, `some_date` FROM \"ws\".\"b\" EXCEPT SELECT `id`, `name`, `some_date` FROM \"ws\".\"a\")\n"
                        + " ) as a\n), table_a as (\n SELECT COUNT(*) as num_rows FROM \"ws\".\"a\"\n), table_b as (\n"
                        + " SELECT COUNT(*) as num_rows FROM \"ws\".\"b\"\n), row_count_diff as (\n"
                        + " select 1 as id, table_a.num_rows - table_b.num_rows as difference from table_a, table_b\n)\n"
                        + "select row_count_diff.difference as row_count_difference, diff_count.num_missing as num_mismatched\n"
                        + "from row_count_diff join diff_count using (id)",
                // jaffle_shop
                "with customers as (select * from \"ws\".\"stg_customers\"), orders as (select * from \"ws\".\"stg_orders\"),\n"
                        + "customer_orders as (select customer_id, min(order_date) as first_order,"
                        + " max(order_date) as most_recent_order, count(order_id) as number_of_orders"
                        + " from orders group by customer_id),\n"
                        + "final as (select customers.customer_id, customers.first_name, customer_orders.first_order,"
                        + " coalesce(customer_orders.number_of_orders, 0) as number_of_orders"
                        + " from customers left join customer_orders on customers.customer_id = customer_orders.customer_id)\n"
                        + "select * from final",
                "select order_id, sum(case when payment_method = 'credit_card' then amount else 0 end) as credit_card_amount,"
                        + " sum(amount) as total_amount from \"ws\".\"stg_payments\" group by order_id",
                "select id as payment_id, order_id, payment_method, amount / 100 as amount from \"ws\".\"raw_payments\"",
                "select 1 as num UNION select 2",
                // dbt show --limit, test configs with where, --empty
                "select * from (\n  select * from \"ws\".\"orders\"\n) as model_limit_subq\nlimit 5",
                "select count(*) as failures from (select * from (select * from \"ws\".\"t\" where status = 'x')"
                        + " dbt_subquery where id is null) dbt_internal_test",
                "select * from (select * from \"ws\".\"t\" where false limit 0) _dbt_limit_subq_t",
                "select id, count(*) from \"ws\".\"t\" group by 1 having count(*) > 1 order by 2 desc, 1",
                // Rockset documentation and client examples
                "SELECT * FROM unnest([1] AS q)",
                "SELECT t.name, tag FROM ws.t CROSS JOIN UNNEST(t.tags AS tag)",
                "SELECT * FROM _input WHERE _input.foo != 'bar'",
                "SELECT TRY_CAST(_input.id AS int) AS id, CAST(_input.release_date AS date) AS d,"
                        + " SHA256(name) AS name_anon FROM _input",
                "SELECT * EXCEPT (name) FROM _input",
                "SELECT DATE_TRUNC('DAY', _event_time) AS day, COUNT(*) FROM commons._events"
                        + " WHERE _event_time > CURRENT_TIMESTAMP() - INTERVAL 1 DAY GROUP BY 1 ORDER BY 1 DESC",
                "SELECT TYPEOF(x), JSON_FORMAT(x), x IS UNDEFINED FROM ws.t WHERE x IS NOT NULL",
                "SELECT a[1], ELEMENT_AT(a, 2), ARRAY_CONTAINS(a, 3), ARRAY_LENGTH(a) FROM ws.t",
                "SELECT user_id, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ts DESC) AS rn FROM ws.events",
                "SELECT * FROM (SELECT user_id, ts, LAG(ts) OVER (ORDER BY ts) AS prev FROM ws.events) e WHERE prev IS NULL",
                "SELECT COUNT_IF(status = 'ok'), APPROX_DISTINCT(user_id), ARRAY_AGG(DISTINCT tag) FROM ws.events",
                "SELECT EXTRACT(HOUR FROM _event_time) AS h, FORMAT_ISO8601(_event_time),"
                        + " UNIX_MILLIS(_event_time), TIMESTAMP_MILLIS(1680632196642) FROM ws.events",
                "SELECT PARSE_TIMESTAMP_ISO8601('2020-01-01T00:00:00Z') AT TIME ZONE 'America/Los_Angeles'",
                "SELECT REGEXP_LIKE(email, '@example\\.com$'), SPLIT(path, '/'), LOWER(TRIM(name)), SUBSTR(name, 1, 3),"
                        + " CONCAT(first, ' ', last), first || last FROM ws.users",
                "SELECT IF(score > 10, 'high', 'low'), NULLIF(a, b), COALESCE(a, b, 0), TRY(CAST(a AS int)) FROM ws.t",
                "SELECT MD5(name), HASH(name), TO_HEX(SHA256(name)) FROM ws.users",
                "SELECT \"Name\", `Age`, t.\"na-me\" FROM \"ws\".\"My-Coll\" t",
                "SELECT * FROM ws.a x INNER JOIN ws.b y ON x.id = y.id RIGHT JOIN ws.c z ON z.id = y.id"
                        + " FULL OUTER JOIN ws.d w ON w.id = z.id",
                "SELECT a FROM ws.t WHERE b BETWEEN 1 AND 10 AND c LIKE 'x%' AND d IN (SELECT d FROM ws.u)"
                        + " AND NOT EXISTS (SELECT 1 FROM ws.v WHERE v.id = t.id) ORDER BY a NULLS LAST LIMIT 10 OFFSET 20",
                "SELECT DISTINCT city FROM ws.users ORDER BY city",
                "SELECT ARRAY[1, 2], [3, 4], DATE '2020-01-01', TIMESTAMP '2020-01-01T00:00:00Z', DATETIME '2020-01-01 10:00:00',"
                        + " TIME '12:34'",
                "SELECT * FROM ws.t HINT(access_path=column_scan) WHERE x = 1 OPTION(debug_threshold_ms=10)",
                "SELECT CASE WHEN x IS DISTINCT FROM y THEN 1 ELSE 0 END FROM ws.t");
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void parsesAndUsesOnlyCatalogFunctions(String sql) {
        Statement statement = RocksetSqlParser.parse(sql);
        SyntaxTree.of(statement).checkFunctionCalls(FUNCTIONS);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void parsingIsDeterministic(String sql) {
        assertThat(RocksetSqlParser.parse(sql)).isEqualTo(RocksetSqlParser.parse(sql));
    }

    @Test
    void referencedCollectionsAreQualifiedAndSkipCteNames() {
        Statement statement = RocksetSqlParser.parse("OPTION(default_workspace='dbt')\n"
                + "with c as (select * from \"raw\".\"customers\") select * from c join orders o on c.id = o.cid"
                + " where o.x in (select x from commons._events)");
        assertThat(SyntaxTree.of(statement).referencedCollections(statement.defaultWorkspace()))
                .containsExactly("raw.customers", "dbt.orders", "commons._events");
    }

    @Test
    void checkingFunctionsReportsTheFirstUnknownOneWithItsPosition() {
        Statement statement = RocksetSqlParser.parse("SELECT a,\n  lower(b), COUT(*), NOPE(1) FROM t");
        assertThatThrownBy(() -> SyntaxTree.of(statement).checkFunctionCalls(FUNCTIONS))
                .isInstanceOfSatisfying(FunctionNotFoundException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Function `COUT` not found.");
                    assertThat(e.position()).isEqualTo(new SourcePosition(2, 13));
                });
    }

    @Test
    void walkerReachesExpressionsInsideSubqueriesAndWindows() {
        Statement statement = RocksetSqlParser.parse("SELECT (SELECT max(a) FROM t) FROM u WHERE EXISTS"
                + " (SELECT sum(b) OVER (PARTITION BY upper(c)) FROM v)");
        List<String> calls = SyntaxTree.of(statement).functionCalls().stream().map(Expression.FunctionCall::name).toList();
        assertThat(calls).containsExactly("max", "sum", "upper");
    }

    @Test
    void parameterNamesAreListedOnceInOrderOfUse() {
        Statement statement = RocksetSqlParser.parse("SELECT :b, :1 FROM t WHERE x = :b AND y IN (SELECT y FROM u WHERE z = : a)"
                + " LIMIT :limit");
        assertThat(SyntaxTree.of(statement).parameterNames()).containsExactly("b", "1", "a", "limit");
    }
}
