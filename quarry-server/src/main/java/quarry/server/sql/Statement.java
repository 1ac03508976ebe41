package quarry.server.sql;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole Rockset SQL statement, as sent in {@code sql.query}. {@code options} holds every
 * {@code OPTION(k=v, …)} of the statement, the leading one (the JDBC driver's
 * {@code OPTION(default_workspace='ws')}) and trailing ones alike, keys lower-cased, values as
 * text ({@code 'x'} gives {@code x}, {@code 1} gives {@code 1}).
 */
public sealed interface Statement {

    Map<String, String> options();

    SourcePosition position();

    default Optional<String> option(String key) {
        return Optional.ofNullable(options().get(key.toLowerCase(Locale.ROOT)));
    }

    /** The workspace bare collection names resolve to: {@code default_workspace} or {@code commons}. */
    default String defaultWorkspace() {
        return option("default_workspace").orElse("commons");
    }

    /** A SELECT (or WITH … SELECT, or set operation). */
    record QueryStatement(Query query, Map<String, String> options, SourcePosition position) implements Statement {
        public QueryStatement {
            Objects.requireNonNull(query, "query");
            options = Map.copyOf(options);
        }
    }

    /** {@code INSERT INTO [ws.]coll <query>} (§7). */
    record InsertInto(QualifiedName target, Query query, Map<String, String> options, SourcePosition position)
            implements Statement {
        public InsertInto {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(query, "query");
            options = Map.copyOf(options);
        }
    }

    /** {@code DESCRIBE [ws.]coll [OPTION(max_field_depth=N)]} (§6). */
    record Describe(QualifiedName target, Map<String, String> options, SourcePosition position)
            implements Statement {
        public Describe {
            Objects.requireNonNull(target, "target");
            options = Map.copyOf(options);
        }

        /** {@code max_field_depth}, when given. */
        public Optional<Integer> maxFieldDepth() {
            return option("max_field_depth").map(Integer::parseInt);
        }
    }
}
