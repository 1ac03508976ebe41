package quarry.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import quarry.server.load.CsvOptions;
import quarry.server.load.DocumentFiles;
import quarry.server.load.FileFormat;
import quarry.server.query.IngestPipeline;
import quarry.server.store.DocumentDecoder;
import quarry.server.store.InvalidDocumentException;
import quarry.server.store.MetadataStore;
import quarry.server.store.Operation;

/**
 * The file upload endpoint (spec §4.4): {@code POST …/collections/{c}/uploads}, multipart with
 * {@code file}, {@code size} and optional {@code params} (CSV options as JSON). The file's
 * documents go through the Write API's path, in batches; the answer names the file and counts
 * the documents added and refused.
 */
final class UploadRoutes {

    private static final int BATCH = DocumentRoutes.MAX_DOCUMENTS;

    private final MetadataStore metadata;
    private final IngestPipeline ingest;
    private final ObjectMapper mapper;

    UploadRoutes(MetadataStore metadata, IngestPipeline ingest, ObjectMapper mapper) {
        this.metadata = metadata;
        this.ingest = ingest;
        this.mapper = mapper;
    }

    List<Route> routes() {
        return List.of(Route.of("POST", "/v1/orgs/self/ws/{ws}/collections/{c}/uploads", this::upload));
    }

    private JsonNode upload(ApiRequest r) {
        String ws = r.var("ws");
        String collection = r.var("c");
        metadata.requireCollection(ws, collection);
        MultiPartFormData.Parts parts = parts(r.body());
        try {
            MultiPart.Part file = parts.getFirst("file");
            if (file == null) {
                throw ApiException.invalid("the upload needs a multipart part \"file\"");
            }
            byte[] content = file.getContentAsString(StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
            MultiPart.Part size = parts.getFirst("size");
            if (size != null) {
                String declared = size.getContentAsString(StandardCharsets.UTF_8).trim();
                if (!declared.equals(String.valueOf(content.length))) {
                    throw ApiException.invalid("the part \"size\" says " + declared + " bytes but the file has "
                            + content.length);
                }
            }
            String name = file.getFileName() == null ? "upload" : Path.of(file.getFileName()).getFileName().toString();
            CsvOptions csv = csvOptions(parts.getFirst("params"));
            FileFormat format = FileFormat.ofFileName(name).orElse(csv == null ? FileFormat.JSON : FileFormat.CSV);
            return load(ws, collection, name, content, format, csv == null ? CsvOptions.defaults() : csv);
        } finally {
            parts.close();
        }
    }

    private JsonNode load(String ws, String collection, String name, byte[] content, FileFormat format,
            CsvOptions csv) {
        Path tmp = null;
        long[] counts = new long[2];
        String[] offset = new String[1];
        try {
            tmp = Files.createTempFile("quarry-upload-", "-" + name.replaceAll("[^A-Za-z0-9._-]", "_"));
            Files.write(tmp, content);
            List<Operation> batch = new ArrayList<>();
            long now = nowMicros();
            new DocumentFiles(mapper).read(tmp, format, csv, doc -> {
                try {
                    DocumentDecoder.Decoded d = DocumentDecoder.decode(doc, now);
                    batch.add(Operation.of(d.document(), doc.has("_op") ? d.op() : null, d.generatedId()));
                    counts[0]++;
                } catch (InvalidDocumentException e) {
                    counts[1]++;
                }
                if (batch.size() >= BATCH) {
                    offset[0] = ingest.ingest(ws, collection, batch, offset[0] == null ? content.length : 0);
                    batch.clear();
                }
            });
            if (!batch.isEmpty() || offset[0] == null) {
                offset[0] = ingest.ingest(ws, collection, batch, content.length);
            }
        } catch (IOException e) {
            String message = e.getMessage() == null ? "the file cannot be read" : e.getMessage();
            throw ApiException.invalid("upload \"" + name + "\": "
                    + (tmp == null ? message : message.replace(tmp.toString(), name)));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temp dir is cleaned eventually
                }
            }
        }
        ObjectNode out = mapper.createObjectNode();
        ObjectNode data = out.putObject("data");
        data.put("file_name", name);
        data.put("file_size", content.length);
        data.put("file_upload_time", Resources.iso(Instant.now()));
        data.put("num_documents_added", counts[0]);
        data.put("num_documents_failed", counts[1]);
        out.put("last_offset", offset[0]);
        return out;
    }

    private CsvOptions csvOptions(MultiPart.Part part) {
        if (part == null) {
            return null;
        }
        JsonNode params;
        try {
            params = mapper.readTree(part.getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw ApiException.invalid("the part \"params\" must be a JSON object of CSV options");
        }
        if (params == null || !params.isObject()) {
            throw ApiException.invalid("the part \"params\" must be a JSON object of CSV options");
        }
        JsonNode p = params.has("csv") ? params.get("csv") : params;
        boolean header = p.path("firstLineAsColumnNames").asBoolean(!p.has("columnNames"));
        String separator = p.path("separator").asText(",");
        if (separator.length() != 1) {
            throw ApiException.invalid("the CSV separator must be one character, got \"" + separator + "\"");
        }
        List<String> names = new ArrayList<>();
        p.path("columnNames").forEach(n -> names.add(n.asText()));
        return new CsvOptions(header, separator.charAt(0), names);
    }

    /** Parses the multipart body; its boundary is its first line (RFC 2046: no preamble is sent by clients). */
    private static MultiPartFormData.Parts parts(byte[] body) {
        int end = 0;
        while (end < body.length && end < 200 && body[end] != '\r' && body[end] != '\n') {
            end++;
        }
        String first = new String(body, 0, end, StandardCharsets.ISO_8859_1);
        if (!first.startsWith("--") || first.length() < 3) {
            throw ApiException.invalid("an upload must be a multipart/form-data body");
        }
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(first.substring(2));
        parser.setMaxMemoryFileSize(ApiHandler.MAX_BODY_BYTES + 1L);
        try {
            return parser.parse(new ByteBufferContentSource(ByteBuffer.wrap(body))).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw ApiException.invalid("the multipart body cannot be read: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw ApiException.invalid("the multipart body cannot be read");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.invalid("the upload was interrupted");
        }
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }
}
