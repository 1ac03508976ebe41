package quarry.core.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeedTableTest {

    @Test
    void infersIntegerNumberDateDatetimeBooleanAndText() {
        SeedTable table = SeedTable.parse("seeds/t.csv",
                "id,amount,day,at,flag,name\n"
                        + "1,1.5,2020-01-01,2020-01-01 10:00:00,true,ann\n"
                        + "2,3,2020-02-01,2020-01-02T11:30:00,False,bob\n", Map.of());
        assertThat(table.types()).containsExactly(
                SeedType.INTEGER, SeedType.NUMBER, SeedType.DATE, SeedType.DATETIME, SeedType.BOOLEAN, SeedType.TEXT);
        assertThat(table.rows().get(0)).containsExactly(
                BigInteger.ONE, new BigDecimal("1.5"), LocalDate.of(2020, 1, 1),
                LocalDateTime.of(2020, 1, 1, 10, 0), true, "ann");
        assertThat(table.rows().get(1).get(1)).isEqualTo(new BigDecimal("3"));
    }

    @Test
    void datetimesMayLeaveOutSecondsAndCarryFractionsOrOffsets() {
        SeedTable table = SeedTable.parse("seeds/t.csv",
                "at\n2021-01-01 00:00\n2021-01-01T10:15:30.5\n", Map.of());
        assertThat(table.types()).containsExactly(SeedType.DATETIME);
        assertThat(table.rows().get(0).get(0)).isEqualTo(LocalDateTime.of(2021, 1, 1, 0, 0));
        assertThat(table.rows().get(1).get(0)).isEqualTo(LocalDateTime.of(2021, 1, 1, 10, 15, 30, 500_000_000));
        assertThat(SeedType.DATETIME.parse("2021-01-01 10:00:00+0200").orElseThrow())
                .isEqualTo(java.time.OffsetDateTime.parse("2021-01-01T10:00:00+02:00"));
        assertThat(SeedType.DATETIME.parse("2021-01-01Z")).isEmpty();
        assertThat(SeedType.DATETIME.parse("2021-01-01 10:00 tomorrow")).isEmpty();
    }

    @Test
    void dropsTheBomAndReadsCrlfAndQuotedFields() {
        SeedTable table = SeedTable.parse("seeds/q.csv",
                "\uFEFFid,note\r\n1,\"a, \"\"quoted\"\"\r\nnote\"\r\n2,plain\r\n", Map.of());
        assertThat(table.columns()).containsExactly("id", "note");
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0).get(1)).isEqualTo("a, \"quoted\"\r\nnote");
    }

    @Test
    void emptyCellsAndNullAreNullAndDoNotDecideTheType() {
        SeedTable table = SeedTable.parse("seeds/n.csv", "id,score\n1,\n2,null\n3,7\n", Map.of());
        assertThat(table.types()).containsExactly(SeedType.INTEGER, SeedType.INTEGER);
        assertThat(table.rows().get(0)).isEqualTo(Arrays.asList(BigInteger.ONE, null));
        assertThat(table.rows().get(1).get(1)).isNull();
    }

    @Test
    void columnTypesOverrideInferenceCaseInsensitively() {
        SeedTable table = SeedTable.parse("seeds/c.csv", "zip,Code\n01234,7\n", Map.of("ZIP", "varchar(5)", "code", "float"));
        assertThat(table.types()).containsExactly(SeedType.TEXT, SeedType.NUMBER);
        assertThat(table.rows().get(0)).containsExactly("01234", new BigDecimal("7"));
    }

    @Test
    void aMixedColumnFallsBackToText() {
        SeedTable table = SeedTable.parse("seeds/m.csv", "v\n1\nabc\n", Map.of());
        assertThat(table.types()).containsExactly(SeedType.TEXT);
        assertThat(table.rows().get(0)).containsExactly("1");
    }

    @Test
    void raggedRowsAndBadDeclarationsNameTheFile() {
        assertThatThrownBy(() -> SeedTable.parse("seeds/r.csv", "a,b\n1\n", Map.of()))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("seeds/r.csv:2");
        assertThatThrownBy(() -> SeedTable.parse("seeds/d.csv", "a\nx\n", Map.of("a", "int")))
                .hasMessageContaining("seeds/d.csv").hasMessageContaining("'x'");
        assertThatThrownBy(() -> SeedTable.parse("seeds/u.csv", "a\n1\n", Map.of("a", "geography")))
                .hasMessageContaining("geography");
        assertThatThrownBy(() -> SeedTable.parse("seeds/h.csv", "a,a\n1,2\n", Map.of()))
                .hasMessageContaining("twice");
    }

    @Test
    void theHeaderIsReadAloneAsTheLoadReadsIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path csv = dir.resolve("s.csv");
        java.nio.file.Files.writeString(csv, "\uFEFF id ,\"full, name\"\r\n1,ann\r\n");
        assertThat(SeedTable.header(csv)).containsExactly("id", "full, name")
                .isEqualTo(SeedTable.read(csv, Map.of()).columns());
        java.nio.file.Files.writeString(csv, "");
        assertThat(SeedTable.header(csv)).isEmpty();
    }
}
