package quarry.core.compile;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import quarry.core.Diagnostics;
import quarry.core.adapter.Adapter;
import quarry.core.adapter.AdapterConnection;
import quarry.core.adapter.RelationStyle;
import quarry.core.project.DbtProject;
import quarry.core.project.EnvVars;
import quarry.core.project.Vars;

/**
 * What every node's Jinja context shares in one invocation: the adapter and its relation style,
 * {@code target}, variables, environment, ids and times, {@code flags}, the root project's
 * dispatch order, an optional database connection, and where {@code log}/{@code print} go.
 */
public record RenderSettings(
        String rootProject,
        Adapter adapter,
        RelationStyle relationStyle,
        Map<String, Object> target,
        Vars vars,
        EnvVars env,
        String invocationId,
        Instant runStartedAt,
        Map<String, Object> flags,
        List<DbtProject.DispatchEntry> dispatch,
        AdapterConnection connection,
        Consumer<String> info,
        Consumer<String> stdout,
        Diagnostics diagnostics,
        String dbtVersion) {

    public RenderSettings {
        Objects.requireNonNull(rootProject);
        Objects.requireNonNull(adapter);
        Objects.requireNonNull(relationStyle);
        target = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(target));
        flags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(flags));
        dispatch = List.copyOf(dispatch);
        Objects.requireNonNull(info);
        Objects.requireNonNull(stdout);
        Objects.requireNonNull(diagnostics);
    }

    public RenderSettings withConnection(AdapterConnection newConnection) {
        return new RenderSettings(rootProject, adapter, relationStyle, target, vars, env, invocationId, runStartedAt,
                flags, dispatch, newConnection, info, stdout, diagnostics, dbtVersion);
    }
}
