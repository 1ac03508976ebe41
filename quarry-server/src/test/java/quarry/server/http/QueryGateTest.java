package quarry.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QueryGateTest {

    @Test
    void queriesPastTheLimitWaitInTheQueueAndPastTheQueueAreRefused() throws Exception {
        QueryGate gate = new QueryGate(1, 1);
        assertThat(gate.enter()).isTrue();
        CompletableFuture<Boolean> queued = CompletableFuture.supplyAsync(() -> {
            try {
                return gate.enter();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        while (gate.waiting() == 0) {
            Thread.onSpinWait();
        }
        assertThat(gate.enter()).as("the queue of one is full").isFalse();
        assertThat(queued).isNotDone();
        gate.leave();
        assertThat(queued.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(gate.waiting()).isZero();
        gate.leave();
        assertThat(gate.enter()).isTrue();
    }

    @Test
    void withoutAQueueTheQueryPastTheLimitIsRefusedAtOnce() throws Exception {
        QueryGate gate = new QueryGate(2, 0);
        assertThat(gate.enter()).isTrue();
        assertThat(gate.enter()).isTrue();
        assertThat(gate.enter()).isFalse();
        gate.leave();
        assertThat(gate.enter()).isTrue();
    }
}
