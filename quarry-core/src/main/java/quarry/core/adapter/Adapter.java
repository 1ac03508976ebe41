package quarry.core.adapter;

import java.util.List;
import java.util.Map;

/**
 * A database adapter: everything the engine needs to know about one kind of database. A new
 * adapter implements this interface (found with {@link java.util.ServiceLoader}) and, for execution,
 * {@link AdapterConnection}; it ships its own Jinja macros ({@code <type>__create_view_as}, ...) as
 * resources under {@link #macroResourceRoot()}.
 *
 * <p>Compile-time members (profile validation, relation naming, quoting) need no database;
 * {@link #connect} is used only by commands that run SQL.
 */
public interface Adapter {

    /** The profile {@code type} this adapter serves and the dispatch prefix of its macros, e.g. {@code rockset}. */
    String type();

    /** Adapter types whose {@code <type>__} macros are searched after this one's, before {@code default__}. */
    default List<String> parentTypes() {
        return List.of();
    }

    /**
     * Validates a profile output and returns its credentials; a bad profile throws a
     * {@link quarry.core.project.ProjectException} naming the field.
     */
    Credentials credentials(Map<String, Object> profileFields);

    /** How relations are quoted and which parts they include, before the project's {@code quoting:}. */
    RelationStyle relationStyle();

    /** {@code adapter.quote(identifier)}: how a column or identifier is quoted in SQL. */
    String quote(String identifier);

    /**
     * The classpath folder holding this adapter's Jinja macros (files ending in {@code .sql}), listed
     * in a {@code macros.index} file of one path per line; empty when the adapter ships none.
     */
    default String macroResourceRoot() {
        return "";
    }

    /**
     * Opens a session with the database described by the credentials; {@code projectRoot} is the
     * root project's folder, against which relative paths of the profile resolve.
     */
    AdapterConnection connect(Credentials credentials, java.nio.file.Path projectRoot);
}
