package quarry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Generates the shape of dbt-core's own parse performance project ({@code 01_2000_simple_models}):
 * N view models, each selecting from up to two earlier models with {@code ref()}, each described
 * in its own properties file that gives it 3 generic tests. Deterministic for a given N.
 *
 * <p>Usage: {@code ParseBench <N> <output folder>}; bench/parse.sh times quarry on the result.
 */
public final class ParseBench {

    private ParseBench() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ParseBench <models> <output folder>");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        Path root = Path.of(args[1]);
        long start = System.nanoTime();
        generate(n, root);
        System.out.printf("generated %d models and %d tests in %s (%.2f s)%n", n, 3 * n, root,
                (System.nanoTime() - start) / 1e9);
    }

    static void generate(int n, Path root) throws IOException {
        Files.createDirectories(root);
        Files.writeString(root.resolve("dbt_project.yml"), """
                name: perf
                version: "1.0.0"
                config-version: 2
                profile: perf
                models:
                  perf:
                    +materialized: view
                """);
        Files.writeString(root.resolve("profiles.yml"), """
                perf:
                  target: dev
                  outputs:
                    dev:
                      type: rockset
                      workspace: perf
                      api_server: embedded
                      threads: 2
                """);
        Random random = new Random(2000L + n);
        for (int i = 0; i < n; i++) {
            String name = String.format("model_%05d", i);
            Path dir = root.resolve("models").resolve(String.format("group_%03d", i / 100));
            Files.createDirectories(dir);
            StringBuilder sql = new StringBuilder();
            if (i == 0) {
                sql.append("select 1 as id, 'a' as value\n");
            } else {
                int first = random.nextInt(i);
                sql.append("select id, value\nfrom {{ ref('").append(String.format("model_%05d", first)).append("') }}\n");
                if (i > 1 && random.nextBoolean()) {
                    int second = random.nextInt(i);
                    sql.append("union all\nselect id, value\nfrom {{ ref('")
                            .append(String.format("model_%05d", second)).append("') }}\n");
                }
            }
            Files.writeString(dir.resolve(name + ".sql"), sql.toString());
            Files.writeString(dir.resolve(name + ".yml"), """
                    version: 2
                    models:
                      - name: %s
                        description: model %d of the benchmark
                        columns:
                          - name: id
                            data_tests:
                              - unique
                              - not_null
                          - name: value
                            data_tests:
                              - accepted_values:
                                  arguments:
                                    values: ['a', 'b']
                    """.formatted(name, i));
        }
    }
}
