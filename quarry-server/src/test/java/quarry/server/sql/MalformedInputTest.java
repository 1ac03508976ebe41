package quarry.server.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Every malformed statement gets a positioned {@link SqlSyntaxException}, never another
 * exception (which the server would turn into a 500): truncations and mutations of real queries,
 * and pathological nesting.
 */
class MalformedInputTest {

    private static final List<String> CORPUS = RealQueryCorpusTest.corpus().toList();

    private static void parseOrSyntaxError(String sql) {
        try {
            RocksetSqlParser.parse(sql);
        } catch (SqlSyntaxException e) {
            assertThat(e.line()).as("line of error in %s", sql).isBetween(1, (int) sql.lines().count() + 1);
            assertThat(e.column()).as("column of error in %s", sql).isPositive();
            assertThat(e.getMessage()).startsWith("Syntax error");
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("parsing " + sql + " threw " + e, e);
        }
    }

    @Test
    void everyPrefixOfARealQueryParsesOrFailsWithAPosition() {
        for (String sql : CORPUS) {
            for (int end = 0; end < sql.length(); end++) {
                parseOrSyntaxError(sql.substring(0, end));
            }
        }
    }

    @Test
    void randomCharacterMutationsParseOrFailWithAPosition() {
        Random random = new Random(20240101);
        String alphabet = "()[]{},.;:*+-/%=<>!|'\"` \n_aZ09$#?";
        for (String sql : CORPUS) {
            for (int round = 0; round < 60; round++) {
                StringBuilder mutated = new StringBuilder(sql);
                int edits = 1 + random.nextInt(3);
                for (int i = 0; i < edits && mutated.length() > 0; i++) {
                    int at = random.nextInt(mutated.length());
                    switch (random.nextInt(3)) {
                        case 0 -> mutated.deleteCharAt(at);
                        case 1 -> mutated.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        default -> mutated.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                }
                parseOrSyntaxError(mutated.toString());
            }
        }
    }

    @Test
    void deepNestingIsRefusedWithAClearError() {
        String parentheses = "SELECT " + "(".repeat(5000) + "1" + ")".repeat(5000);
        assertThatThrownBy(() -> RocksetSqlParser.parse(parentheses))
                .isInstanceOf(SqlSyntaxException.class).hasMessageContaining("nested more than");
        String negations = "SELECT " + "NOT ".repeat(5000) + "true";
        assertThatThrownBy(() -> RocksetSqlParser.parse(negations))
                .isInstanceOf(SqlSyntaxException.class).hasMessageContaining("nested more than");
        String minuses = "SELECT " + "- ".repeat(5000) + "x";
        assertThatThrownBy(() -> RocksetSqlParser.parse(minuses))
                .isInstanceOf(SqlSyntaxException.class).hasMessageContaining("nested more than");
        String subqueries = "SELECT * FROM " + "(SELECT * FROM ".repeat(3000) + "t" + ")".repeat(3000);
        assertThatThrownBy(() -> RocksetSqlParser.parse(subqueries))
                .isInstanceOf(SqlSyntaxException.class).hasMessageContaining("nested more than");
    }

    @Test
    void reasonableNestingStillParses() {
        RocksetSqlParser.parse("SELECT " + "(".repeat(60) + "1" + ")".repeat(60));
        RocksetSqlParser.parse("SELECT * FROM " + "(SELECT * FROM ".repeat(30) + "t" + ") x".repeat(30));
    }

    @Test
    void longFlatListsDoNotNest() {
        StringBuilder sql = new StringBuilder("SELECT 1");
        for (int i = 0; i < 5000; i++) {
            sql.append(" + ").append(i).append(" OR x = ").append(i);
        }
        RocksetSqlParser.parse(sql.toString());
    }
}
