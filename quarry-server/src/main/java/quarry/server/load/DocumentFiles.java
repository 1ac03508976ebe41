package quarry.server.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Reads the documents of a JSON, CSV or Parquet file one by one, as the JSON the Write API would
 * receive, so that every loaded document then takes the Write API's path (ingest transformation,
 * {@code _id} rules). JSON is streamed with Jackson; CSV and Parquet are read by an in-memory
 * DuckDB ({@code read_csv}, {@code read_parquet}) and each row turned into a JSON object.
 */
public final class DocumentFiles {

    /** Receives each document in file order. */
    @FunctionalInterface
    public interface Sink {
        void accept(JsonNode document) throws IOException;
    }

    private final ObjectMapper mapper;

    public DocumentFiles(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper);
    }

    /** How many documents the file holds, or -1 when only reading it all would tell (JSON). */
    public long count(Path file, FileFormat format, CsvOptions csv) throws IOException {
        if (format == FileFormat.JSON) {
            return -1;
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + source(file, format, csv))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw unreadable(file, format, e);
        }
    }

    /** Reads every document of {@code file}; fails with the file name and the document number when it is not valid. */
    public void read(Path file, FileFormat format, CsvOptions csv, Sink sink) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        if (format == FileFormat.JSON) {
            readJson(file, sink);
            return;
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT to_json(t)::VARCHAR FROM " + source(file, format, csv) + " t")) {
            while (rs.next()) {
                sink.accept(mapper.readTree(rs.getString(1)));
            }
        } catch (SQLException e) {
            throw unreadable(file, format, e);
        }
    }

    private void readJson(Path file, Sink sink) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                JsonParser p = new JsonFactory(mapper).createParser(in)) {
            JsonToken first = p.nextToken();
            boolean array = first == JsonToken.START_ARRAY;
            JsonToken t = array ? p.nextToken() : first;
            long n = 0;
            while (t != null && t != JsonToken.END_ARRAY) {
                n++;
                if (t != JsonToken.START_OBJECT) {
                    throw new IOException(file + ": document " + n + " (line " + p.currentLocation().getLineNr()
                            + ") is not a JSON object");
                }
                sink.accept(mapper.readTree(p));
                t = p.nextToken();
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String source(Path file, FileFormat format, CsvOptions csv) {
        String path = "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
        if (format == FileFormat.PARQUET) {
            return "read_parquet(" + path + ")";
        }
        StringBuilder sb = new StringBuilder("read_csv(").append(path).append(", all_varchar = true, header = ")
                .append(csv.header()).append(", delim = '").append(csv.separator() == '\'' ? "''" : csv.separator())
                .append('\'');
        if (!csv.columnNames().isEmpty()) {
            sb.append(", names = [");
            for (int i = 0; i < csv.columnNames().size(); i++) {
                sb.append(i == 0 ? "" : ", ").append('\'').append(csv.columnNames().get(i).replace("'", "''"))
                        .append('\'');
            }
            sb.append(']');
        }
        return sb.append(')').toString();
    }

    private static IOException unreadable(Path file, FileFormat format, SQLException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int nl = m.indexOf('\n');
        return new IOException(file + ": cannot read it as " + format.name().toLowerCase(java.util.Locale.ROOT) + ": "
                + (nl > 0 ? m.substring(0, nl) : m), e);
    }
}
