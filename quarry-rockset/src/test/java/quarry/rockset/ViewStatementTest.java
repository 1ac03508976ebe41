package quarry.rockset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViewStatementTest {

    @Test
    void createViewAsNamesTheWorkspaceTheViewAndItsQuery() {
        assertThat(ViewStatement.parse("  CREATE OR REPLACE VIEW \"my-ws\".\"up\"\"stream\" AS\n    select 2 as id;\n"))
                .contains(new ViewStatement("my-ws", "up\"stream", "select 2 as id"));
        assertThat(ViewStatement.parse("create view ws.v as select * from ws.t"))
                .contains(new ViewStatement("ws", "v", "select * from ws.t"));
    }

    @Test
    void otherStatementsAreNotViews() {
        assertThat(ViewStatement.parse("select 'CREATE VIEW a.b AS x' as s")).isEmpty();
        assertThat(ViewStatement.parse("INSERT INTO \"ws\".\"t\" SELECT 1")).isEmpty();
    }
}
