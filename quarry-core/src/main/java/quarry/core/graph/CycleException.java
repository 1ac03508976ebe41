package quarry.core.graph;

import java.util.List;
import quarry.core.QuarryException;

/** The project's nodes depend on each other in a circle; the message names every member in order. */
public final class CycleException extends QuarryException {

    private static final long serialVersionUID = 1L;

    private final List<String> members;

    public CycleException(List<String> members) {
        super(null, "found a cycle: " + String.join(" --> ", members) + " --> " + members.get(0)
                + "; break it by removing one of these refs");
        this.members = List.copyOf(members);
    }

    public List<String> members() {
        return members;
    }
}
