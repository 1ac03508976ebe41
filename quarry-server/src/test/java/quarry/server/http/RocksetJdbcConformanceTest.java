package quarry.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JDBC driver inside com.rockset:rockset-java:0.13.0 against a real server (spec §8.2). */
class RocksetJdbcConformanceTest {

    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = new RunningServer();
        server.send("POST", "/v1/orgs/self/ws", "{\"name\":\"jdbcws\"}");
        server.send("POST", "/v1/orgs/self/ws/commons/collections", "{\"name\":\"people\"}");
        StringBuilder docs = new StringBuilder("{\"data\":[");
        for (int i = 0; i < 20; i++) {
            docs.append(i == 0 ? "" : ",").append("{\"_id\":\"p").append(i).append("\",\"name\":\"n").append(i)
                    .append("\",\"age\":").append(20 + i).append(",\"born\":{\"__rockset_type\":\"date\",\"value\":\"200")
                    .append(i % 10).append("-01-02\"}}");
        }
        server.send("POST", "/v1/orgs/self/ws/commons/collections/people/docs", docs.append("]}").toString());
        server.send("POST", "/v1/orgs/self/ws/jdbcws/collections", "{\"name\":\"things\"}");
        server.send("POST", "/v1/orgs/self/ws/jdbcws/collections/things/docs", "{\"data\":[{\"t\":\"in jdbcws\"}]}");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Connection connect() throws Exception {
        Properties p = new Properties();
        p.setProperty("apiKey", RunningServer.KEY);
        p.setProperty("apiServer", server.url());
        return DriverManager.getConnection("jdbc:rockset://", p);
    }

    @Test
    void connectsAndRunsAStatement() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name, age FROM people WHERE age = 25")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("name")).isEqualTo("n5");
            assertThat(rs.getLong("age")).isEqualTo(25);
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void preparedStatementBindsPositionalParameters() throws Exception {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement("SELECT name FROM people WHERE age = :1 AND name = :2")) {
            ps.setInt(1, 23);
            ps.setString(2, "n3");
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("n3");
            }
        }
    }

    @Test
    void dateValuesAreReadAsDates() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT born FROM people WHERE _id = 'p3'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getDate(1).toLocalDate()).isEqualTo(java.time.LocalDate.of(2003, 1, 2));
        }
    }

    @Test
    void fetchSizePaginatesThroughAllRows() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.setFetchSize(6);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM people ORDER BY age")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            assertThat(names).hasSize(20).startsWith("n0", "n1").endsWith("n19");
        }
    }

    @Test
    void metadataListsSchemasTablesAndColumns() throws Exception {
        try (Connection c = connect()) {
            DatabaseMetaData md = c.getMetaData();
            List<String> schemas = new ArrayList<>();
            try (ResultSet rs = md.getSchemas()) {
                while (rs.next()) {
                    schemas.add(rs.getString("TABLE_SCHEM"));
                }
            }
            assertThat(schemas).contains("commons", "jdbcws");
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables("rockset", "commons", null, null)) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).contains("people");
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = md.getColumns("rockset", "commons", "people", null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME"));
                }
            }
            assertThat(columns).contains("_id", "_event_time", "name", "age", "born");
        }
    }

    @Test
    void insertIntoRunsThroughExecute() throws Exception {
        server.send("POST", "/v1/orgs/self/ws/commons/collections", "{\"name\":\"copied\"}");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThat(s.execute("INSERT INTO commons.copied SELECT _id, name FROM people WHERE age < 25")).isTrue();
            try (ResultSet rs = s.getResultSet()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong("num_docs_inserted")).isEqualTo(5);
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) AS n FROM copied")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(5);
            }
        }
    }

    @Test
    void connectionSchemaResolvesBareNames() throws Exception {
        try (Connection c = connect()) {
            c.setSchema("jdbcws");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT t FROM things")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("in jdbcws");
            }
        }
    }
}
