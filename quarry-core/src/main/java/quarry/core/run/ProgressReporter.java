package quarry.core.run;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import quarry.core.manifest.Node;
import quarry.core.manifest.ResourceType;

/**
 * Prints dbt's per-node progress lines ({@code 3 of 28 START sql view model shop.stg_orders ... [RUN]}
 * and the result line that follows) and numbers the nodes in the order they start.
 */
public final class ProgressReporter {

    private final EventLog log;
    private final int total;
    private final AtomicInteger started = new AtomicInteger();

    public ProgressReporter(EventLog log, int total) {
        this.log = log;
        this.total = total;
    }

    /** Prints the START line and returns the node's number. */
    public int start(Node node) {
        int index = started.incrementAndGet();
        log.emit(EventLog.Level.INFO, "NodeStart", "Q011",
                ProgressLine.format(index, total, "START " + describe(node), "RUN", ProgressLine.DEFAULT_WIDTH),
                Map.of("node_info", Map.of("unique_id", node.uniqueId(), "node_status", "started")));
        return index;
    }

    /** Prints the result line of a node that ran. */
    public void finish(int index, Node node, NodeResult result) {
        String status = switch (result.status()) {
            case SUCCESS -> result.adapterResponse().message().isEmpty() ? "OK" : result.adapterResponse().message();
            case PASS -> "PASS";
            case WARN -> "WARN " + result.failures().orElse(0L);
            case FAIL -> "FAIL " + result.failures().orElse(0L);
            default -> "ERROR";
        };
        String message = switch (result.status()) {
            case SUCCESS -> succeeded(node);
            case PASS -> "PASS " + node.name();
            case WARN -> "WARN " + result.failures().orElse(0L) + " " + node.name();
            case FAIL -> "FAIL " + result.failures().orElse(0L) + " " + node.name();
            default -> failed(node);
        };
        if (node.resourceType() == ResourceType.UNIT_TEST) {
            message = unitTestLine(node, result.status());
            status = switch (result.status()) {
                case PASS -> "PASS";
                case FAIL -> "FAIL";
                default -> "ERROR";
            };
        }
        EventLog.Level level = switch (result.status()) {
            case SUCCESS, PASS -> EventLog.Level.INFO;
            case WARN -> EventLog.Level.WARN;
            default -> EventLog.Level.ERROR;
        };
        log.emit(level, resultEventName(node), resultEventCode(node),
                ProgressLine.format(index, total, message, status, result.executionSeconds(), ProgressLine.DEFAULT_WIDTH),
                Map.of("status", result.status().wireName(), "execution_time", result.executionSeconds(),
                        "node_info", Map.of("unique_id", node.uniqueId(), "node_status", result.status().wireName())));
    }

    /** dbt's result line of a unit test: {@code PASS stg_orders::test_name}, {@code FAIL ...}, {@code ERROR ...}. */
    private static String unitTestLine(Node node, NodeResult.Status status) {
        String verdict = switch (status) {
            case PASS -> "PASS";
            case FAIL -> "FAIL";
            default -> "ERROR";
        };
        return verdict + " " + unitTestName(node);
    }

    /** {@code model::test}, the model named by the unit test's attached node ({@code model.pkg.name[.vN]}). */
    static String unitTestName(Node node) {
        String model = node.attachedNode() == null ? "" : node.attachedNode();
        String[] parts = model.split("\\.");
        String modelName = parts.length >= 3 ? parts[2] : model;
        return modelName + "::" + node.name();
    }

    /** Prints the SKIP line of a node that did not run because a parent failed. */
    public void skip(Node node) {
        int index = started.incrementAndGet();
        String what = node.resourceType() == ResourceType.TEST ? "test " + node.name()
                : node.resourceType() == ResourceType.UNIT_TEST ? "unit_test " + unitTestName(node) : "relation " + where(node);
        log.emit(EventLog.Level.INFO, "SkippingDetails", "Z033",
                ProgressLine.format(index, total, "SKIP " + what, "SKIP", ProgressLine.DEFAULT_WIDTH),
                Map.of("node_info", Map.of("unique_id", node.uniqueId(), "node_status", "skipped")));
    }

    /** dbt's type key for "Finished running ...": {@code view model}, {@code seed}, {@code data test}, {@code snapshot}. */
    public static String typeKey(Node node) {
        return switch (node.resourceType()) {
            case MODEL -> materialized(node) + " model";
            case TEST -> "data test";
            case UNIT_TEST -> "unit test";
            default -> node.resourceType().dbtName();
        };
    }

    private static String describe(Node node) {
        return switch (node.resourceType()) {
            case MODEL -> "sql " + materialized(node) + " model " + where(node);
            case SEED -> "seed file " + where(node);
            case SNAPSHOT -> "snapshot " + where(node);
            case TEST -> "test " + node.name();
            case UNIT_TEST -> "unit_test " + unitTestName(node);
            default -> node.resourceType().dbtName() + " " + node.name();
        };
    }

    private static String succeeded(Node node) {
        return switch (node.resourceType()) {
            case MODEL -> "OK created sql " + materialized(node) + " model " + where(node);
            case SEED -> "OK loaded seed file " + where(node);
            case SNAPSHOT -> "OK snapshotted " + where(node);
            default -> "OK " + node.name();
        };
    }

    private static String failed(Node node) {
        return switch (node.resourceType()) {
            case MODEL -> "ERROR creating sql " + materialized(node) + " model " + where(node);
            case SEED -> "ERROR loading seed file " + where(node);
            case SNAPSHOT -> "ERROR snapshotting " + where(node);
            default -> "ERROR " + node.name();
        };
    }

    private static String resultEventName(Node node) {
        return switch (node.resourceType()) {
            case SEED -> "LogSeedResult";
            case SNAPSHOT -> "LogSnapshotResult";
            case TEST, UNIT_TEST -> "LogTestResult";
            default -> "LogModelResult";
        };
    }

    private static String resultEventCode(Node node) {
        return switch (node.resourceType()) {
            case SEED -> "Q016";
            case SNAPSHOT -> "Q015";
            case TEST, UNIT_TEST -> "Q007";
            default -> "Q012";
        };
    }

    private static String materialized(Node node) {
        String m = node.materialized();
        return m == null ? "view" : m.toLowerCase(Locale.ROOT);
    }

    private static String where(Node node) {
        return node.schema() + "." + (node.alias() == null ? node.name() : node.alias());
    }
}
