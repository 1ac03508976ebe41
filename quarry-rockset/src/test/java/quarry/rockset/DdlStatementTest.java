package quarry.rockset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DdlStatementTest {

    @Test
    void readsCreateViewAndCreateTableAsWithQuotedNames() {
        assertThat(DdlStatement.parse("  CREATE OR REPLACE VIEW \"my-ws\".\"up\"\"stream\" AS\n    select 2 as id;\n"))
                .contains(new DdlStatement(DdlStatement.Kind.VIEW, "my-ws", "up\"stream", "select 2 as id"));
        assertThat(DdlStatement.parse("create view ws.v as select * from ws.t"))
                .contains(new DdlStatement(DdlStatement.Kind.VIEW, "ws", "v", "select * from ws.t"));
        assertThat(DdlStatement.parse("create table `ws`.`t` as\nselect 1 as x"))
                .contains(new DdlStatement(DdlStatement.Kind.TABLE, "ws", "t", "select 1 as x"));
    }

    @Test
    void leavesEverythingElseToTheQueryApi() {
        assertThat(DdlStatement.parse("select 'CREATE VIEW a.b AS x' as s")).isEmpty();
        assertThat(DdlStatement.parse("INSERT INTO \"ws\".\"t\" SELECT 1")).isEmpty();
        assertThat(DdlStatement.parse("create temporary table ws.t as select 1")).isEmpty();
    }
}
