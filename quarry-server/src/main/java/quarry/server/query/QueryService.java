package quarry.server.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import quarry.server.store.CollectionInfo;
import quarry.server.store.Database;
import quarry.server.store.DocumentStore;
import quarry.server.store.MetadataStore;

/**
 * Runs queries (spec §4.7): synchronous ones in the request thread with a time limit, async ones
 * on a pool; keeps results for pagination and for {@code GET /queries/{id}} until they expire.
 */
public final class QueryService implements AutoCloseable {

    /** Time limits and how long results are kept. */
    public record Limits(Duration syncTimeout, Duration asyncTimeout, Duration retention) {
        public static Limits defaults() {
            return new Limits(Duration.ofSeconds(120), Duration.ofMinutes(30), Duration.ofHours(24));
        }
    }


    private final Database database;
    private final MetadataStore metadata;
    private final DocumentStore documents;
    private final ObjectMapper mapper;
    private final Limits limits;
    private final ResultEncoder encoder;
    private final QueryResponses responses;
    private final QueryJobs jobs = new QueryJobs();
    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final IngestPipeline ingest;

    public QueryService(Database database, MetadataStore metadata, DocumentStore documents, ObjectMapper mapper,
            Limits limits) {
        this.database = Objects.requireNonNull(database);
        this.metadata = Objects.requireNonNull(metadata);
        this.documents = Objects.requireNonNull(documents);
        this.mapper = Objects.requireNonNull(mapper);
        this.limits = Objects.requireNonNull(limits);
        this.encoder = new ResultEncoder(mapper);
        this.ingest = new IngestPipeline(metadata, new quarry.server.store.OperationResolver(documents),
                new IngestTransformation(mapper));
        this.responses = new QueryResponses(mapper);
        this.pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "quarry-async-query");
            t.setDaemon(true);
            return t;
        });
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "quarry-query-timer");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(jobs::expire, 1, 1, TimeUnit.MINUTES);
    }

    /** {@code POST /queries}: the response body, synchronous or async. */
    public ObjectNode run(QueryRequest request) {
        Plan plan = Translator.translate(metadata.catalog(), request.sql(), request.parameters(),
                request.defaultRowLimit());
        QueryJob job = new QueryJob(jobs.newId(), plan);
        if (!request.runsAsync()) {
            Duration timeout = bounded(request.timeoutMs(), limits.syncTimeout());
            execute(job, timeout);
            if (job.status == QueryJob.Status.ERROR) {
                throw job.error;
            }
            Integer max = request.maxInitialResults();
            boolean paginated = max != null && job.pages.count() > max;
            if (paginated) {
                jobs.keep(job);
            }
            return responses.completed(job, max);
        }
        Duration timeout = bounded(request.timeoutMs(), limits.asyncTimeout());
        jobs.keep(job);
        pool.submit(() -> execute(job, timeout));
        long wait = request.clientTimeoutMs() == null ? 0 : request.clientTimeoutMs();
        if (wait > 0) {
            try {
                job.done.get(wait, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still running: answer with the status below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                // the job records its own error
            }
        }
        // results come inline only to a client that waited for them (client_timeout_ms): an async
        // query that happens to finish before its answer is written still answers with its status
        if (job.status == QueryJob.Status.COMPLETED && (wait > 0 || !request.async())) {
            return responses.completed(job, request.maxInitialResults());
        }
        if (job.status == QueryJob.Status.ERROR && !request.async()) {
            throw job.error;
        }
        ObjectNode out = mapper.createObjectNode();
        out.put("query_id", job.id);
        out.put("status", job.status.name());
        if (!request.async()) {
            out.set("results", mapper.createArrayNode());
            responses.columnFields(out, job.plan);
        }
        out.set("stats", responses.stats(job));
        return out;
    }

    /** {@code POST /queries/validations}: parses and resolves without running. */
    public ObjectNode validate(QueryRequest request) {
        Plan plan = Translator.translate(metadata.catalog(), request.sql(), request.parameters(), null);
        ObjectNode out = mapper.createObjectNode();
        ArrayNode collections = out.putArray("collections");
        plan.collections().forEach(collections::add);
        ArrayNode parameters = out.putArray("parameters");
        request.parameters().forEach(p -> {
            if (p.name() != null) {
                parameters.add(p.name());
            }
        });
        out.putArray("aliases");
        out.putArray("views");
        out.putArray("name");
        return out;
    }

    /** {@code GET /queries/{id}}. */
    public ObjectNode info(String id) {
        QueryJob job = jobs.get(id);
        ObjectNode out = mapper.createObjectNode();
        out.set("data", responses.info(job));
        out.put("last_offset", job.lastOffset);
        return out;
    }

    /** {@code GET /queries/{id}/pages}. */
    public ObjectNode page(String id, String cursor, Integer docs, Integer offset) {
        QueryJob job = jobs.get(id);
        if (job.status == QueryJob.Status.ERROR) {
            throw job.error;
        }
        if (job.evicted) {
            throw new QueryException(404, "NOTFOUND", "Results of query \"" + id + "\" are no longer kept (the"
                    + " server's memory limit for results was reached); run the query again", null, null, null, id);
        }
        if (job.status != QueryJob.Status.COMPLETED || job.pages == null) {
            throw new QueryException(400, "INVALIDINPUT", "Query \"" + id + "\" has no results to page: its status is "
                    + job.status, null, null, null, id);
        }
        return responses.page(job, cursor, docs, offset);
    }

    /** {@code DELETE /queries/{id}}: stops a running query. */
    public ObjectNode cancel(String id) {
        QueryJob job = jobs.get(id);
        if (!job.finished()) {
            job.cancelled = true;
            job.interrupt();
            try {
                job.done.get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // report the status as it is now
            }
            if (!job.finished()) {
                job.status = QueryJob.Status.CANCELLED;
            }
        }
        ObjectNode out = mapper.createObjectNode();
        out.set("data", responses.info(job));
        return out;
    }

    /** {@code GET /queries}: the queries that are queued or running. */
    public ObjectNode list() {
        ObjectNode out = mapper.createObjectNode();
        ArrayNode data = out.putArray("data");
        jobs.unfinished().forEach(j -> data.add(responses.info(j)));
        return out;
    }

    // ---- execution

    private void execute(QueryJob job, Duration timeout) {
        long start = System.nanoTime();
        if (job.cancelled) {
            finish(job, start);
            return;
        }
        job.status = QueryJob.Status.RUNNING;
        ScheduledFuture<?> deadline = timer.schedule(() -> {
            job.timedOut = true;
            job.interrupt();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            switch (job.plan.kind()) {
                case SELECT -> job.pages = select(job);
                case INSERT -> insert(job);
                case DESCRIBE -> describe(job);
            }
            job.expiresAt = Instant.now().plus(limits.retention()); // before COMPLETED is visible
            job.status = QueryJob.Status.COMPLETED;
        } catch (QueryException e) {
            job.error = e.withQueryId(job.id);
            job.status = QueryJob.Status.ERROR;
        } catch (SQLException | IOException | RuntimeException e) {
            if (job.timedOut) {
                job.error = QueryException.timeout(job.id);
                job.status = QueryJob.Status.ERROR;
            } else if (job.cancelled) {
                job.status = QueryJob.Status.CANCELLED;
            } else {
                job.error = executionError(e, job.id);
                job.status = QueryJob.Status.ERROR;
            }
        } finally {
            deadline.cancel(false);
            job.detach();
            finish(job, start);
        }
    }

    private void finish(QueryJob job, long startNanos) {
        if (job.cancelled && job.status != QueryJob.Status.COMPLETED) {
            job.status = QueryJob.Status.CANCELLED;
        }
        job.elapsedMs = (System.nanoTime() - startNanos) / 1_000_000;
        job.expiresAt = Instant.now().plus(limits.retention());
        job.done.complete(null);
        jobs.finished(job);
    }

    private static QueryException executionError(Exception e, String queryId) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        if (newline > 0) {
            message = message.substring(0, newline);
        }
        return new QueryException(400, "QUERY_ERROR", message, null, null, null, queryId);
    }

    private ResultPages select(QueryJob job) throws SQLException, IOException {
        try (Database.Reader reader = database.reader();
                java.sql.Statement s = reader.connection().createStatement()) {
            job.attach(s);
            if (job.cancelled || job.timedOut) {
                reader.discard();
                throw new SQLException("interrupted");
            }
            try (ResultSet rs = s.executeQuery(job.plan.sql())) {
                return encode(rs, job);
            } catch (SQLException | RuntimeException e) {
                reader.discard();
                throw e;
            } finally {
                job.detach();
                if (job.cancelled || job.timedOut) {
                    reader.discard();
                }
            }
        }
    }

    private ResultPages encode(ResultSet rs, QueryJob job) throws SQLException, IOException {
        ResultEncoder.Layout layout = ResultEncoder.layout(rs.getMetaData(), job.plan.columns());
        ResultPages.Builder builder = new ResultPages.Builder();
        try (JsonGenerator gen = mapper.getFactory().createGenerator(builder.stream())) {
            gen.setRootValueSeparator(null);
            while (rs.next()) {
                if ((builder.count() & 1023) == 0 && (job.cancelled || job.timedOut)) {
                    throw new SQLException("interrupted");
                }
                gen.flush();
                builder.startRow();
                encoder.writeRow(gen, rs, layout);
            }
        }
        return builder.build();
    }

    private void insert(QueryJob job) throws SQLException, IOException {
        Plan plan = job.plan;
        List<quarry.server.store.Operation> writes = new ArrayList<>();
        RowDecoder decoder = new RowDecoder(encoder.values());
        long now = nowMicros();
        try (Database.Reader reader = database.reader();
                java.sql.Statement s = reader.connection().createStatement()) {
            job.attach(s);
            reader.discard();
            try (ResultSet rs = s.executeQuery(plan.sql())) {
                ResultEncoder.Layout layout = ResultEncoder.layout(rs.getMetaData(), plan.columns());
                while (rs.next()) {
                    quarry.server.store.Operation w = IngestPipeline.operation(decoder, rs, layout, now);
                    if (w != null) {
                        writes.add(w);
                    }
                }
            }
        }
        job.detach();
        if (job.cancelled || job.timedOut) {
            throw new SQLException("interrupted");
        }
        job.lastOffset = ingest.ingest(plan.targetWorkspace(), plan.targetCollection(), writes, 0);
        ResultPages.Builder builder = new ResultPages.Builder();
        try (JsonGenerator gen = mapper.getFactory().createGenerator(builder.stream())) {
            builder.startRow();
            gen.writeStartObject();
            gen.writeNumberField("num_docs_inserted", writes.size());
            gen.writeEndObject();
        }
        job.pages = builder.build();
    }

    private void describe(QueryJob job) throws SQLException, IOException {
        CollectionInfo info = metadata.requireCollection(job.plan.targetWorkspace(), job.plan.targetCollection());
        List<ObjectNode> rows;
        try (Database.Reader reader = database.reader()) {
            rows = new Describer(mapper).describe(reader.connection(), info, job.plan.maxFieldDepth());
        }
        ResultPages.Builder builder = new ResultPages.Builder();
        try (JsonGenerator gen = mapper.getFactory().createGenerator(builder.stream())) {
            gen.setRootValueSeparator(null);
            for (ObjectNode row : rows) {
                gen.flush();
                builder.startRow();
                gen.writeTree(row);
            }
        }
        job.pages = builder.build();
    }

    private static Duration bounded(Long requestedMs, Duration limit) {
        if (requestedMs == null || requestedMs <= 0) {
            return limit;
        }
        Duration d = Duration.ofMillis(requestedMs);
        return d.compareTo(limit) > 0 ? limit : d;
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    /** The path every incoming document takes: ingest transformation, {@code _op}, write. */
    public IngestPipeline ingest() {
        return ingest;
    }

    /** Stops the pools; running async queries are cancelled. */
    @Override
    public void close() {
        jobs.cancelAll();
        pool.shutdown();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer.shutdownNow();
        ingest.close();
    }
}
