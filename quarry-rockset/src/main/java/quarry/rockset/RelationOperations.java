package quarry.rockset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The relation operations dbt's materializations need, done with Rockset's REST API: find what a
 * name is, build a table aside and switch readers to it atomically through an alias, create or
 * update a view in place, insert a query's rows and wait until they are queryable, drop.
 * See docs/adapter.md for why tables are aliases.
 */
public final class RelationOperations {

    /** How INSERT INTO queries are sent: answered inline within {@code clientTimeoutMs}, polled after. */
    public record InsertSettings(long clientTimeoutMs, long timeoutMs, String virtualInstance) {
        public static final InsertSettings DEFAULT = new InsertSettings(2_000, 1_800_000, null);
    }

    private static final String DESCRIPTION = "Created via Quarry";

    private final RocksetClient client;
    private final Poller poller;
    private final InsertSettings insertSettings;
    private final AtomicLong buildCounter = new AtomicLong();
    private final Set<String> knownWorkspaces = ConcurrentHashMap.newKeySet();
    private final FreshWorkspaces fresh = new FreshWorkspaces();

    public RelationOperations(RocksetClient client, Poller poller, InsertSettings insertSettings) {
        this.client = Objects.requireNonNull(client, "client");
        this.poller = Objects.requireNonNull(poller, "poller");
        this.insertSettings = Objects.requireNonNull(insertSettings, "insertSettings");
        client.onRelationChange(fresh::changing);
    }

    public RocksetClient client() {
        return client;
    }

    /** What {@code ws.name} is on the server, if anything. */
    public Optional<ExistingRelation> find(String workspace, String name) {
        Optional<ExistingRelation> table = findTable(workspace, name);
        if (table.isPresent()) {
            return table;
        }
        if (client.getView(workspace, name).isPresent()) {
            return Optional.of(new ExistingRelation(workspace, name, ExistingRelation.Kind.VIEW, Optional.empty()));
        }
        return Optional.empty();
    }

    /** The alias or collection named {@code ws.name}, if any (views are not looked up). */
    private Optional<ExistingRelation> findTable(String workspace, String name) {
        Optional<JsonNode> alias = client.getAlias(workspace, name);
        if (alias.isPresent()) {
            return Optional.of(new ExistingRelation(workspace, name, ExistingRelation.Kind.ALIAS,
                    aliasTarget(workspace, alias.get())));
        }
        if (client.getCollection(workspace, name).isPresent()) {
            return Optional.of(new ExistingRelation(workspace, name, ExistingRelation.Kind.COLLECTION, Optional.of(name)));
        }
        return Optional.empty();
    }

    /** {@link #find}, answered without the server when this connection knows the name is free. */
    private Optional<ExistingRelation> findBeforeWrite(String workspace, String name) {
        return fresh.isFree(workspace, name) ? Optional.empty() : find(workspace, name);
    }

    /**
     * Runs {@code action}; if the server answers 404 or 409 where names were taken to be free
     * (another client wrote the workspace meanwhile), runs it once more asking the server.
     */
    private <T> T withFreshListingOnConflict(String workspace, Supplier<T> action) {
        try {
            return action.get();
        } catch (RocksetApiException e) {
            if ((e.status() == 409 || e.isNotFound()) && fresh.forget(workspace)) {
                return action.get();
            }
            throw e;
        }
    }

    /** Every relation of a workspace: its views, its aliases and the collections no alias hides. */
    public List<ExistingRelation> list(String workspace) {
        List<ExistingRelation> relations = new ArrayList<>();
        List<String> aliasTargets = new ArrayList<>();
        for (JsonNode alias : client.listAliases(workspace)) {
            Optional<String> target = aliasTarget(workspace, alias);
            target.ifPresent(aliasTargets::add);
            relations.add(new ExistingRelation(workspace, alias.path("name").asText(), ExistingRelation.Kind.ALIAS, target));
        }
        for (JsonNode collection : client.listCollections(workspace)) {
            String name = collection.path("name").asText();
            if (!aliasTargets.contains(name) && !isBuildCollection(name)) {
                relations.add(new ExistingRelation(workspace, name, ExistingRelation.Kind.COLLECTION, Optional.of(name)));
            }
        }
        for (JsonNode view : client.listViews(workspace)) {
            relations.add(new ExistingRelation(workspace, view.path("name").asText(), ExistingRelation.Kind.VIEW, Optional.empty()));
        }
        return relations;
    }

    /**
     * Creates the workspace unless it exists. A workspace seen or made once is remembered, so a run
     * asks the server once per workspace, not once per model; {@link #forgetWorkspace} drops that
     * memory when the workspace is deleted.
     */
    public void ensureWorkspace(String workspace) {
        if (knownWorkspaces.contains(workspace)) {
            return;
        }
        if (client.getWorkspace(workspace).isEmpty() && client.ensureWorkspace(workspace)) {
            fresh.created(workspace);
        }
        knownWorkspaces.add(workspace);
    }

    /** Called when a workspace is deleted: the next {@link #ensureWorkspace} asks the server again. */
    public void forgetWorkspace(String workspace) {
        knownWorkspaces.remove(workspace);
    }

    /**
     * Makes {@code ws.name} a table holding the rows of {@code selectSql}: the rows go into a fresh
     * collection first, and only when they are all queryable does the name switch to it. Returns
     * the number of documents inserted.
     */
    public long replaceWithTable(String workspace, String name, String selectSql) {
        ensureWorkspace(workspace);
        String fresh = newBuildCollection(workspace, name);
        long inserted;
        try {
            inserted = insertInto(workspace, fresh, selectSql);
        } catch (RuntimeException e) {
            throw abandon(workspace, fresh, e);
        }
        switchTo(workspace, name, fresh);
        return inserted;
    }

    /** Creates an empty collection for a build of {@code name}, ready for writes. */
    public String newBuildCollection(String workspace, String name) {
        String fresh = buildCollectionName(name);
        client.createCollection(workspace, fresh);
        awaitCollectionReady(workspace, fresh);
        return fresh;
    }

    /** Points {@code ws.name} at the build collection {@code fresh}, replacing whatever held the name. */
    public void switchTo(String workspace, String name, String fresh) {
        List<String> target = List.of(workspace + "." + fresh);
        withFreshListingOnConflict(workspace, () -> {
            Optional<ExistingRelation> existing = findBeforeWrite(workspace, name);
            if (existing.isPresent() && existing.get().kind() == ExistingRelation.Kind.ALIAS) {
                client.updateAlias(workspace, name, target, DESCRIPTION);
                existing.get().collection().filter(old -> !old.equals(fresh))
                        .ifPresent(old -> client.deleteCollection(workspace, old));
            } else {
                existing.ifPresent(this::drop);
                client.createAlias(workspace, name, target, DESCRIPTION);
            }
            return null;
        });
        removeStaleBuilds(workspace, name, fresh);
    }

    /**
     * Deletes a build collection whose filling failed and returns the failure to report: the
     * original one, so that a server gone away mid-build is reported as the insert's failure and
     * not the clean-up's (which is attached as suppressed; the next build removes the collection).
     */
    public RuntimeException abandon(String workspace, String fresh, RuntimeException failure) {
        try {
            client.deleteCollection(workspace, fresh);
        } catch (RuntimeException cleanup) {
            failure.addSuppressed(cleanup);
        }
        return failure;
    }

    /**
     * Creates the view, or updates it in place so that views built on it keep working; a view whose
     * SQL has not changed is not written again. The server's answer says whether the view is still
     * {@code SYNCING}; only then is it polled until it is not.
     */
    public void createOrReplaceView(String workspace, String name, String sql) {
        ensureWorkspace(workspace);
        JsonNode view = withFreshListingOnConflict(workspace, () -> writeView(workspace, name, sql));
        if (view.path("state").asText("SYNCING").equals("SYNCING")) {
            poller.until("view " + workspace + "." + name + " to finish syncing", () -> client.getView(workspace, name)
                    .filter(v -> !v.path("state").asText().equals("SYNCING")));
        }
    }

    private JsonNode writeView(String workspace, String name, String sql) {
        if (fresh.isFree(workspace, name)) {
            return client.createView(workspace, name, sql, DESCRIPTION);
        }
        Optional<JsonNode> existing = client.getView(workspace, name);
        if (existing.isPresent() && sql.equals(existing.get().path("query_sql").asText(null))) {
            // an unchanged view is left as it is: no write on the server
            return existing.get();
        }
        if (existing.isPresent()) {
            // a rebuilt view is the common case: one lookup, not three
            return client.updateView(workspace, name, sql, DESCRIPTION);
        }
        findTable(workspace, name).ifPresent(this::drop);
        return client.createView(workspace, name, sql, DESCRIPTION);
    }

    /** Removes the relation: a view, an alias and the collection behind it, or a collection. */
    public void drop(ExistingRelation relation) {
        switch (relation.kind()) {
            case VIEW -> client.deleteView(relation.workspace(), relation.name());
            case ALIAS -> {
                client.deleteAlias(relation.workspace(), relation.name());
                relation.collection().ifPresent(c -> client.deleteCollection(relation.workspace(), c));
            }
            case COLLECTION -> client.deleteCollection(relation.workspace(), relation.name());
        }
    }

    /**
     * Runs {@code INSERT INTO "ws"."collection" <selectSql>}, waits until the inserted documents are
     * queryable, and returns how many were inserted (-1 when the server did not say).
     */
    public long insertInto(String workspace, String collection, String selectSql) {
        String sql = "INSERT INTO " + quote(workspace) + "." + quote(collection) + "\n" + selectSql;
        QueryRequest request = QueryRequest.of(sql)
                .asAsync(insertSettings.clientTimeoutMs(), insertSettings.timeoutMs())
                .onVirtualInstance(insertSettings.virtualInstance());
        QueryResult result = client.query(request);
        Optional<String> lastOffset = result.lastOffset();
        long inserted = insertedCount(result);
        if (!result.isDone()) {
            RocksetClient.QueryStatus status = poller.until("INSERT INTO " + workspace + "." + collection + " to complete",
                    () -> Optional.of(client.queryStatus(result.queryId())).filter(RocksetClient.QueryStatus::isDone));
            if (!status.status().equals("COMPLETED")) {
                throw new RocksetApiException(400, status.status(), "INSERT INTO " + workspace + "." + collection
                        + " did not complete (" + status.status() + "): " + status.error().orElse("no message"),
                        null, null, result.queryId());
            }
            lastOffset = status.lastOffset();
            inserted = insertedCount(client.queryPage(result.queryId(), null, 1));
        }
        lastOffset.ifPresent(fence -> awaitFence(workspace, collection, fence));
        return inserted;
    }

    /** Waits until writes up to {@code fence} are visible to queries. */
    public void awaitFence(String workspace, String collection, String fence) {
        poller.until("writes to " + workspace + "." + collection + " to be queryable",
                () -> client.commitFencePassed(workspace, collection, fence) ? Optional.of(true) : Optional.empty());
    }

    public void awaitCollectionReady(String workspace, String name) {
        poller.until("collection " + workspace + "." + name + " to be READY", () -> client.getCollection(workspace, name)
                .filter(c -> c.path("status").asText().equals("READY")));
    }

    /** Deletes collections left by earlier builds of {@code name} that no alias points at (a crashed run's). */
    private void removeStaleBuilds(String workspace, String name, String keep) {
        String prefix = buildPrefix(name);
        for (JsonNode collection : client.listCollections(workspace)) {
            String candidate = collection.path("name").asText();
            if (candidate.startsWith(prefix) && !candidate.equals(keep) && isBuildCollection(candidate)) {
                client.deleteCollection(workspace, candidate);
            }
        }
    }

    private static long insertedCount(QueryResult result) {
        return result.rows().isEmpty() ? -1 : result.rows().get(0).path("num_docs_inserted").asLong(-1);
    }

    private static Optional<String> aliasTarget(String workspace, JsonNode alias) {
        JsonNode collections = alias.path("collections");
        if (!collections.isArray() || collections.isEmpty()) {
            return Optional.empty();
        }
        String qualified = collections.get(0).asText();
        int dot = qualified.indexOf('.');
        return Optional.of(dot < 0 ? qualified : qualified.substring(dot + 1));
    }

    /** {@code <name>__qb<base36 time><counter>}, within Rockset's 100-character limit. */
    private String buildCollectionName(String name) {
        String suffix = Long.toString(System.currentTimeMillis(), 36) + buildCounter.incrementAndGet();
        return buildPrefix(name) + suffix;
    }

    private static String buildPrefix(String name) {
        String base = name.length() > 80 ? name.substring(0, 80) : name;
        return base + "__qb";
    }

    private static boolean isBuildCollection(String name) {
        return name.matches(".+__qb[0-9a-z]+");
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
