package quarry.server.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The wire JSON of query results and query status (spec §4.7.1–4.7.4). */
final class QueryResponses {

    private static final int DEFAULT_PAGE_DOCS = 10_000;
    private static final int MAX_PAGE_DOCS = 100_000;

    private final ObjectMapper mapper;

    QueryResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A pagination cursor: the offset of the next row. */
    static String cursor(int offset) {
        return "c" + offset;
    }

    /** One page of a completed job's results ({@code GET /queries/{id}/pages}). */
    ObjectNode page(QueryJob job, String cursor, Integer docs, Integer offset) {
        int start = 0;
        if (cursor != null && !cursor.isEmpty()) {
            start = parseCursor(cursor, job.id);
        }
        if (offset != null) {
            start += Math.max(0, offset);
        }
        int n = docs == null ? DEFAULT_PAGE_DOCS : Math.max(0, Math.min(docs, MAX_PAGE_DOCS));
        int total = job.pages.count();
        int end = Math.min(total, start + n);
        ObjectNode out = mapper.createObjectNode();
        out.putRawValue("results", new RawValue(new RawJson(job.pages.page(start, n))));
        out.put("results_total_doc_count", total);
        ObjectNode pagination = out.putObject("pagination");
        pagination.put("current_page_doc_count", Math.max(0, end - start));
        pagination.put("next_cursor_offset", end);
        pagination.put("start_cursor", cursor == null || cursor.isEmpty() ? null : cursor);
        pagination.put("next_cursor", end < total ? QueryResponses.cursor(end) : null);
        pagination.putNull("next_page_link");
        return out;
    }

    private static int parseCursor(String cursor, String id) {
        try {
            if (cursor.startsWith("c")) {
                return Math.max(0, Integer.parseInt(cursor.substring(1)));
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new QueryException(400, "INVALIDINPUT", "Invalid cursor \"" + cursor + "\" for query \"" + id + "\"",
                null, null, null, id);
    }

    ObjectNode completed(QueryJob job, Integer maxInitialResults) {
        ObjectNode out = mapper.createObjectNode();
        out.put("query_id", job.id);
        out.put("status", "COMPLETED");
        ArrayNode collections = out.putArray("collections");
        job.collections().forEach(collections::add);
        out.putArray("aliases");
        columnFields(out, job.plan);
        int total = job.pages.count();
        int first = maxInitialResults == null ? total : Math.min(total, Math.max(0, maxInitialResults));
        out.putRawValue("results", new RawValue(new RawJson(job.pages.page(0, first))));
        out.put("results_total_doc_count", total);
        out.set("stats", stats(job));
        if (first < total) {
            ObjectNode pagination = out.putObject("pagination");
            pagination.put("start_cursor", cursor(0));
            pagination.put("next_cursor", cursor(first));
            pagination.put("next_cursor_offset", first);
        }
        if (job.plan.kind() == Plan.Kind.INSERT) {
            out.put("last_offset", job.lastOffset);
        }
        return out;
    }

    void columnFields(ObjectNode out, Plan plan) {
        if (plan.star()) {
            return;
        }
        ArrayNode fields = out.putArray("column_fields");
        List<String> names = switch (plan.kind()) {
            case SELECT -> plan.columns().stream().filter(c -> !c.hidden()).map(OutputColumn::name).toList();
            case INSERT -> List.of("num_docs_inserted");
            case DESCRIBE -> List.of("field", "type", "occurrences", "total");
        };
        for (String name : names) {
            ObjectNode f = fields.addObject();
            f.put("name", name);
            f.put("type", "");
        }
    }

    ObjectNode stats(QueryJob job) {
        ObjectNode stats = mapper.createObjectNode();
        stats.put("elapsed_time_ms", job.elapsedMs);
        stats.put("throttled_time_micros", 0);
        return stats;
    }

    ObjectNode info(QueryJob job) {
        ObjectNode d = mapper.createObjectNode();
        d.put("query_id", job.id);
        d.put("status", job.status.name());
        d.putNull("executed_by");
        d.put("submitted_at", iso(job.submittedAt));
        boolean completed = job.status == QueryJob.Status.COMPLETED;
        d.put("expires_at", completed && job.expiresAt != null ? iso(job.expiresAt) : null);
        ObjectNode stats = d.putObject("stats");
        stats.put("elapsed_time_ms", job.elapsedMs);
        stats.put("throttled_time_ms", 0);
        if (completed && job.pages != null) {
            stats.put("result_set_document_count", job.pages.count());
            stats.put("result_set_bytes_size", job.pages.bytes());
            d.putObject("pagination").put("start_cursor", cursor(0));
        }
        d.put("last_offset", job.lastOffset);
        ArrayNode errors = d.putArray("query_errors");
        if (job.error != null) {
            ObjectNode e = errors.addObject();
            e.put("type", job.error.type());
            e.put("message", job.error.getMessage());
            e.put("status_code", job.error.status());
        }
        d.putNull("sql");
        return d;
    }

    static String iso(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }
}
