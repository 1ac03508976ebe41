package quarry.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rockset.client.ApiException;
import com.rockset.client.RocksetClient;
import com.rockset.client.model.QueryRequest;
import com.rockset.client.model.QueryRequestSql;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The optional 429 modes of spec §3.3, over real HTTP. */
class TrafficLimitsTest {

    private static QuarryServer start(TrafficLimits limits) {
        return QuarryServer.start(ServerConfig.defaults().withApiKeys(List.of(RunningServer.KEY)).withTraffic(limits)
                .withLog(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }

    @Test
    void limitsAreOffByDefault() {
        assertThat(ServerConfig.defaults().traffic().rateLimited()).isFalse();
        assertThat(ServerConfig.defaults().traffic().queriesLimited()).isFalse();
        try (RunningServer server = new RunningServer()) {
            for (int i = 0; i < 50; i++) {
                assertThat(server.query("SELECT 1").status()).isEqualTo(200);
            }
        }
    }

    @Test
    void requestsPastTheRateGet429RateLimitExceededInRocksetsShape() throws Exception {
        try (QuarryServer server = start(TrafficLimits.none().withRate(0.001, 2))) {
            RocksetClient client = new RocksetClient(RunningServer.KEY, server.url().toString());
            QueryRequest q = new QueryRequest().sql(new QueryRequestSql().query("SELECT 1"));
            client.queries.query(q);
            client.queries.query(q);
            assertThatThrownBy(() -> client.queries.query(q)).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.getCode()).isEqualTo(429);
                assertThat(e.getMessage()).contains("Rate limit exceeded");
            });
            var raw = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    server.url().resolve("/v1/orgs/self/ws/commons/collections/x/docs"))
                    .header("Authorization", "ApiKey " + RunningServer.KEY)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"data\":[]}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(raw.statusCode()).isEqualTo(429);
            assertThat(raw.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(raw.body()).contains(TrafficGate.WRITE_RATE_MESSAGE).contains("\"type\":\"RATELIMITEXCEEDED\"")
                    .contains("\"trace_id\"");
            var hello = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    server.url().resolve("/")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(hello.statusCode()).as("the unauthenticated ping is never limited").isEqualTo(200);
        }
    }

    @Test
    void concurrentQueriesWithinLimitAndQueueAllComplete() throws Exception {
        try (QuarryServer server = start(TrafficLimits.none().withConcurrentQueries(2, 100))) {
            RocksetClient client = new RocksetClient(RunningServer.KEY, server.url().toString());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Object>> answers = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    int n = i;
                    answers.add(pool.submit(() -> client.queries.query(new QueryRequest().sql(
                            new QueryRequestSql().query("SELECT " + n + " AS n"))).getResults().get(0)));
                }
                for (int i = 0; i < answers.size(); i++) {
                    assertThat(answers.get(i).get().toString()).isEqualTo("{n=" + (double) i + "}");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void badLimitsAreRefused() {
        assertThatThrownBy(() -> new TrafficLimits(-1, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrafficLimits(0, 0, -2, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
