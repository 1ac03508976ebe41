package quarry.server.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import quarry.server.sql.QueryBody;
import quarry.server.sql.Relation;
import quarry.server.sql.RocksetSqlParser;
import quarry.server.sql.SqlException;
import quarry.server.sql.Statement;
import quarry.server.store.Catalog;
import quarry.server.store.CollectionInfo;
import quarry.server.store.Database;
import quarry.server.store.DocumentStore;
import quarry.server.store.FieldValue;
import quarry.server.store.MetadataStore;
import quarry.server.store.Operation;
import quarry.server.store.StoredDocument;
import quarry.server.store.Workspace;

/**
 * Rockset's ingest transformation ({@code field_mapping_query}, spec §5.9): a
 * {@code SELECT … FROM _input [WHERE …]} run over every incoming document. The documents are
 * written, exactly as the Write API would store them, into a collection {@code commons._input} of
 * a private in-memory DuckDB database; the SQL is translated by the same translator as any query
 * and run there; each result row becomes the document to store. So projections, filters,
 * TRY_CAST, SHA256, {@code * EXCEPT} and every other function behave as in queries.
 * {@code _op} is staged as a field, so it survives {@code SELECT *} and is dropped by a projection
 * that leaves it out; DELETEs bypass the transformation.
 */
public final class IngestTransformation implements AutoCloseable {

    private static final String INPUT = "_input";

    private final ObjectMapper mapper;
    private final ReentrantLock lock = new ReentrantLock();
    private Scratch scratch;

    private record Scratch(Database database, MetadataStore metadata, DocumentStore documents) {}

    public IngestTransformation(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Why {@code sql} cannot be an ingest transformation, or empty when it can. */
    public static Optional<String> problem(String sql) {
        Statement statement;
        try {
            statement = RocksetSqlParser.parse(sql);
        } catch (SqlException e) {
            return Optional.of("field_mapping_query is not valid SQL: " + e.getMessage());
        }
        if (!(statement instanceof Statement.QueryStatement q)
                || !(q.query().body() instanceof QueryBody.Select select)
                || select.from().size() != 1
                || !(select.from().get(0) instanceof Relation.Table table)
                || table.name().workspace().isPresent()
                || !INPUT.equals(table.name().name().name())) {
            return Optional.of("field_mapping_query must be a single SELECT … FROM _input [WHERE …]");
        }
        // translate against an empty _input: unknown functions and the like are refused up front
        java.time.Instant epoch = java.time.Instant.EPOCH;
        CollectionInfo input = new CollectionInfo(0, "commons", INPUT, null, epoch, null, null, List.of());
        Catalog catalog = new Catalog(Map.of("commons", new Workspace("commons", null, epoch)),
                Map.of(input.path(), input), Map.of(), Map.of());
        try {
            Translator.translate(catalog, sql, List.of(), null);
        } catch (QueryException e) {
            return Optional.of("field_mapping_query is not valid: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Whether {@code sql} passes every document through unchanged. */
    public static boolean isIdentity(String sql) {
        String s = sql.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        if (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        return s.equals("SELECT * FROM _INPUT");
    }

    /** The operations to store for {@code incoming}, transformed by {@code sql}; DELETEs pass unchanged. */
    public List<Operation> apply(String sql, List<Operation> incoming) {
        if (isIdentity(sql)) {
            return incoming;
        }
        List<Operation> out = new ArrayList<>();
        List<Operation> run = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Operation o : incoming) {
            if (o.isDelete()) {
                out.addAll(transform(sql, run));
                run.clear();
                ids.clear();
                out.add(o);
                continue;
            }
            if (!ids.add(o.id())) {
                // the staging collection keeps one document per _id: transform what came before first
                out.addAll(transform(sql, run));
                run.clear();
                ids.clear();
                ids.add(o.id());
            }
            run.add(o);
        }
        out.addAll(transform(sql, run));
        return out;
    }

    private List<Operation> transform(String sql, List<Operation> run) {
        if (run.isEmpty()) {
            return List.of();
        }
        lock.lock();
        try {
            Scratch s = scratch();
            s.metadata().createCollection("commons", INPUT, null, null, null);
            try {
                List<DocumentStore.Write> staged = new ArrayList<>(run.size());
                for (Operation o : run) {
                    StoredDocument d = o.document();
                    if (o.op() != null) {
                        var fields = new java.util.LinkedHashMap<>(d.fields());
                        fields.put("_op", new FieldValue(quarry.server.store.ColumnType.VARCHAR, o.op()));
                        d = new StoredDocument(d.id(), d.eventTimeMicros(), fields);
                    }
                    staged.add(DocumentStore.Write.upsert(d, true));
                }
                s.documents().apply("commons", INPUT, staged, 0);
                return select(s, sql);
            } finally {
                s.metadata().deleteCollection("commons", INPUT);
            }
        } finally {
            lock.unlock();
        }
    }

    private List<Operation> select(Scratch s, String sql) {
        Plan plan = Translator.translate(s.metadata().catalog(), sql, List.of(), null);
        if (plan.kind() != Plan.Kind.SELECT) {
            throw QueryException.sql("field_mapping_query must be a SELECT", null, null, null);
        }
        ResultEncoder encoder = new ResultEncoder(mapper);
        RowDecoder decoder = new RowDecoder(encoder.values());
        long now = nowMicros();
        List<Operation> out = new ArrayList<>();
        try (Database.Reader reader = s.database().reader(); java.sql.Statement st = reader.connection().createStatement();
                ResultSet rs = st.executeQuery(plan.sql())) {
            ResultEncoder.Layout layout = ResultEncoder.layout(rs.getMetaData(), plan.columns());
            int opColumn = -1;
            for (int i = 0; i < layout.names().length; i++) {
                if ("_op".equals(layout.names()[i]) && !layout.hidden()[i]) {
                    opColumn = i + 1;
                }
            }
            while (rs.next()) {
                String op = opColumn < 0 ? null : rs.getString(opColumn);
                DocumentStore.Write w = decoder.decode(rs, layout, now);
                if (w == null) {
                    continue;
                }
                out.add(w.document() == null ? Operation.delete(w.id())
                        : new Operation(w.id(), w.document(), op, w.idIsNew()));
            }
        } catch (SQLException e) {
            throw new QueryException(400, "INVALIDINPUT", "the ingest transformation failed: " + firstLine(e), null,
                    null, null, null);
        }
        return out;
    }

    private Scratch scratch() {
        if (scratch == null) {
            Database db = Database.open(null);
            MetadataStore metadata = new MetadataStore(db);
            scratch = new Scratch(db, metadata, new DocumentStore(db, metadata, mapper));
        }
        return scratch;
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }

    private static long nowMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (scratch != null) {
                scratch.database().close();
                scratch = null;
            }
        } finally {
            lock.unlock();
        }
    }
}
