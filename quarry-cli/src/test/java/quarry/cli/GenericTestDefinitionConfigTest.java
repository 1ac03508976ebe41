package quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generic test's definition may set config (dbt_utils' equal_rowcount sets fail_calc); properties override it. */
class GenericTestDefinitionConfigTest {

    @Test
    void configCallsInATestDefinitionApplyUnlessThePropertiesSetTheKey(@TempDir Path dir) {
        try (CliProject project = new CliProject(dir, "gtdc")
                .write("models/m.sql", "select 1 as id")
                .write("tests/generic/summed.sql", """
                        {% test summed(model, column_name) %}
                        {{ config(fail_calc='sum(n)', severity='warn') }}
                        select 2 as n union all select 3 as n
                        {% endtest %}
                        """)
                .write("models/m.yml", """
                        models:
                          - name: m
                            columns:
                              - name: id
                                data_tests:
                                  - summed
                                  - summed:
                                      name: summed_strict
                                      config: {severity: error}
                        """)) {
            CliProject.Outcome outcome = project.quarry("build");
            assertThat(outcome.exitCode()).as(outcome.all()).isEqualTo(1);
            assertThat(outcome.out()).contains("WARN 5 summed_m_id", "FAIL 5 summed_strict",
                    "Got 5 results, configured to warn if != 0", "Got 5 results, configured to fail if != 0",
                    "PASS=1 WARN=1 ERROR=1");
        }
    }
}
