package quarry.server.sql;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The {@code OVER (PARTITION BY … ORDER BY … [ROWS|RANGE frame])} of a window function. */
public record WindowSpec(List<Expression> partitionBy, List<SortItem> orderBy, Optional<Frame> frame,
                         SourcePosition position) {

    public WindowSpec {
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(position, "position");
    }

    public enum FrameUnit { ROWS, RANGE }

    /** {@code start} alone stands for {@code BETWEEN start AND CURRENT ROW}. */
    public record Frame(FrameUnit unit, Bound start, Optional<Bound> end, SourcePosition position) {
        public Frame {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(position, "position");
        }
    }

    public enum BoundKind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

    /** {@code offset} is present for {@code n PRECEDING} and {@code n FOLLOWING}. */
    public record Bound(BoundKind kind, Optional<Expression> offset, SourcePosition position) {
        public Bound {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(offset, "offset");
            Objects.requireNonNull(position, "position");
        }
    }
}
