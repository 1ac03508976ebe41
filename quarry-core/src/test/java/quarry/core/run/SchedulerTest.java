package quarry.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    /** a -> b -> d, a -> c -> d, e alone. */
    private static final Map<String, Set<String>> PARENTS = Map.of(
            "a", Set.of(), "b", Set.of("a"), "c", Set.of("a"), "d", Set.of("b", "c"), "e", Set.of());
    private static final List<String> ORDER = List.of("a", "b", "c", "d", "e");

    private final List<String> started = Collections.synchronizedList(new ArrayList<>());

    private Scheduler.Work<String> failing(Set<String> failures) {
        return new Scheduler.Work<>() {
            @Override
            public String run(String id) {
                started.add(id);
                return failures.contains(id) ? "error" : "success";
            }

            @Override
            public String skipped(String id, String cause) {
                return "skipped:" + cause;
            }

            @Override
            public boolean blocksDependants(String result) {
                return result.equals("error");
            }
        };
    }

    @Test
    void oneThreadRunsNodesInTheGivenTopologicalOrder() {
        Map<String, String> results = new Scheduler<String>(1, false).run(ORDER, PARENTS::get, failing(Set.of()));
        assertThat(started).containsExactly("a", "b", "c", "d", "e");
        assertThat(results).containsOnlyKeys(ORDER).allSatisfy((id, r) -> assertThat(r).isEqualTo("success"));
    }

    @Test
    void aFailureSkipsItsDependantsAndLeavesTheRestIntact() {
        Map<String, String> results = new Scheduler<String>(2, false).run(ORDER, PARENTS::get, failing(Set.of("b")));
        assertThat(results).containsEntry("b", "error")
                .containsEntry("d", "skipped:b")
                .containsEntry("c", "success")
                .containsEntry("e", "success");
        assertThat(started).doesNotContain("d");
    }

    @Test
    void failFastSkipsEverythingNotYetStarted() {
        Map<String, String> results = new Scheduler<String>(1, true).run(ORDER, PARENTS::get, failing(Set.of("a")));
        assertThat(started).containsExactly("a");
        assertThat(results).containsEntry("a", "error")
                .containsEntry("b", "skipped:a").containsEntry("e", "skipped:a").hasSize(5);
    }

    @Test
    void parentsOutsideTheSelectionAreNotWaitedFor() {
        Map<String, String> results = new Scheduler<String>(1, false)
                .run(List.of("d"), PARENTS::get, failing(Set.of()));
        assertThat(results).containsExactly(Map.entry("d", "success"));
    }

    @Test
    void independentNodesRunConcurrentlyUpToTheThreadCount() throws Exception {
        CountDownLatch bothRunning = new CountDownLatch(2);
        Scheduler.Work<String> work = new Scheduler.Work<>() {
            @Override
            public String run(String id) {
                bothRunning.countDown();
                try {
                    return bothRunning.await(30, TimeUnit.SECONDS) ? "together" : "alone";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "interrupted";
                }
            }

            @Override
            public String skipped(String id, String cause) {
                return "skipped";
            }

            @Override
            public boolean blocksDependants(String result) {
                return false;
            }
        };
        Map<String, String> results = new Scheduler<String>(2, false)
                .run(List.of("x", "y"), id -> Set.of(), work);
        assertThat(results).containsEntry("x", "together").containsEntry("y", "together");
    }
}
