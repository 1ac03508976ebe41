package quarry.cli.acceptance;

/**
 * The shared fixture files of dbt's basic adapter tests (dbt-core spec §4.2), with data of the
 * same shape: {@code base} has 10 rows (ids 1–10, names, ISO timestamps of the 1970s–1990s),
 * {@code added} the same plus ids 11–20 dated 2000–2019, {@code newcolumns} ids 1–10 with a
 * {@code last_initial} column.
 */
final class Fixtures {

    private Fixtures() {}

    static final String BASE_ROWS = """
            1,Amara,1974-02-11T08:15:30
            2,Bruno,1979-07-23T19:02:11
            3,Celia,1981-11-05T04:44:09
            4,Dmitri,1983-01-30T13:27:52
            5,Esther,1985-06-14T22:10:03
            6,Farid,1987-09-02T06:58:47
            7,Greta,1990-12-19T17:31:25
            8,Hugo,1992-04-08T10:05:16
            9,Ingrid,1995-08-27T01:49:38
            10,Jonas,1998-10-31T15:20:54
            """;

    static final String ADDED_ROWS = """
            11,Kalinda,2000-03-17T09:12:44
            12,Lorenzo,2002-05-29T20:36:07
            13,Mireille,2004-07-04T02:18:59
            14,Nikolai,2006-01-21T14:47:33
            15,Oona,2008-09-09T07:03:21
            16,Pavel,2010-11-12T23:55:10
            17,Quinn,2012-02-28T12:29:46
            18,Rosalind,2014-06-06T05:41:02
            19,Silas,2016-08-15T18:14:58
            20,Thea,2019-04-01T11:08:37
            """;

    static final String SEEDS_BASE_CSV = "id,name,some_date\n" + BASE_ROWS;

    static final String SEEDS_ADDED_CSV = SEEDS_BASE_CSV + ADDED_ROWS;

    static final String SEEDS_NEWCOLUMNS_CSV = """
            id,name,some_date,last_initial
            1,Amara,1974-02-11T08:15:30,A
            2,Bruno,1979-07-23T19:02:11,B
            3,Celia,1981-11-05T04:44:09,C
            4,Dmitri,1983-01-30T13:27:52,D
            5,Esther,1985-06-14T22:10:03,E
            6,Farid,1987-09-02T06:58:47,F
            7,Greta,1990-12-19T17:31:25,G
            8,Hugo,1992-04-08T10:05:16,H
            9,Ingrid,1995-08-27T01:49:38,I
            10,Jonas,1998-10-31T15:20:54,J
            """;

    /** Source {@code raw.seed} in the test's schema, whose table is the seed named by var {@code seed_name}. */
    static final String SCHEMA_BASE_YML = """
            version: 2
            sources:
              - name: raw
                schema: "{{ target.schema }}"
                tables:
                  - name: seed
                    identifier: "{{ var('seed_name', 'base') }}"
            """;

    static final String BASE_MATERIALIZED_VAR_SQL = """
            {{ config(materialized=var("materialized_var", "table"))}}
            select * from {{ source('raw', 'seed') }}
            """;

    static final String BASE_VIEW_SQL = """
            {{ config(materialized="view") }}
            select * from {{ source('raw', 'seed') }}
            """;

    static final String BASE_TABLE_SQL = """
            {{ config(materialized="table") }}
            select * from {{ source('raw', 'seed') }}
            """;

    static final String EPHEMERAL_WITH_CTE_SQL = """
            {{ config(materialized="ephemeral") }}
            with source_rows as (
                select name, id from {{ ref('base') }}
            )
            select * from source_rows where id is not null
            """;

    static final String EPHEMERAL_OVER_SOURCE_SQL = """
            {{ config(materialized="ephemeral") }}
            select * from {{ source('raw', 'seed') }}
            """;

    static final String VIEW_OVER_EPHEMERAL_SQL = """
            {{ config(materialized="view") }}
            select * from {{ ref('ephemeral') }}
            """;

    static final String TABLE_OVER_EPHEMERAL_SQL = """
            {{ config(materialized="table") }}
            select * from {{ ref('ephemeral') }}
            """;

    static final String INCREMENTAL_SQL = """
            {{ config(materialized="incremental") }}
            select * from {{ source('raw', 'seed') }}
            {% if is_incremental() %}
            where id > (select max(id) from {{ this }})
            {% endif %}
            """;

    static final String GENERIC_TEST_SEED_YML = """
            version: 2
            models:
              - name: base
                columns:
                 - name: id
                   data_tests:
                     - not_null
            """;

    static final String GENERIC_TEST_VIEW_YML = """
            version: 2
            models:
              - name: view_model
                columns:
                 - name: id
                   data_tests:
                     - not_null
            """;

    static final String GENERIC_TEST_TABLE_YML = """
            version: 2
            models:
              - name: table_model
                columns:
                 - name: id
                   data_tests:
                     - not_null
            """;

    static final String PASSING_TEST_SQL = """
            select * from (
                select 1 as id
            ) as my_subquery
            where id = 2
            """;

    static final String FAILING_TEST_SQL = """
            select * from (
                select 1 as id
            ) as my_subquery
            where id = 1
            """;

    static String checkColsSnapshot(String name, String checkCols) {
        return "{% snapshot " + name + " %}\n"
                + "    {{ config(check_cols=" + checkCols + ", unique_key='id', strategy='check',"
                + " target_database=database, target_schema=schema) }}\n"
                + "    select * from {{ ref(var('seed_name', 'base')) }}\n"
                + "{% endsnapshot %}\n";
    }

    static final String TS_SNAPSHOT_SQL = """
            {% snapshot ts_snapshot %}
                {{ config(strategy='timestamp', unique_key='id', updated_at='some_date',
                          target_database=database, target_schema=schema) }}
                select * from {{ ref(var('seed_name', 'base')) }}
            {% endsnapshot %}
            """;
}
