package quarry.core.seed;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The contents of a seed CSV file with typed columns, read as dbt reads seeds: the first row names
 * the columns, a UTF-8 BOM is dropped, CRLF or LF line ends, quoted fields may hold commas, quotes
 * and line breaks; empty cells and {@code null} are NULL; each column gets the first type of
 * {@link SeedType}'s order that parses every non-NULL cell, unless {@code column_types} names one.
 */
public record SeedTable(List<String> columns, List<SeedType> types, List<List<Object>> rows) {

    public SeedTable {
        columns = List.copyOf(columns);
        types = List.copyOf(types);
        rows = List.copyOf(rows);
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    /** The column names of a seed file's header row, read without its rows (none for an empty file). */
    public static List<String> header(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVParser parser = FORMAT.parse(reader)) {
            java.util.Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                return List.of();
            }
            List<String> header = new ArrayList<>(names(records.next()));
            if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                header.set(0, header.get(0).substring(1).trim());
            }
            return List.copyOf(header);
        }
    }

    /** A header record's column names, trimmed. */
    private static List<String> names(CSVRecord header) {
        return header.toList().stream().map(String::trim).toList();
    }

    public static SeedTable read(Path csv, Map<String, String> columnTypes) throws IOException {
        return parse(csv.toString(), Files.readString(csv, StandardCharsets.UTF_8), columnTypes);
    }

    /** Parses CSV text; {@code source} names the file in errors. */
    public static SeedTable parse(String source, String text, Map<String, String> columnTypes) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> header;
        List<List<String>> cells = new ArrayList<>();
        try (Reader reader = new StringReader(body);
                CSVParser parser = FORMAT.parse(reader)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                throw new SeedException(source + ": the seed file is empty; its first line must name the columns");
            }
            header = names(records.get(0));
            checkHeader(source, header);
            for (CSVRecord record : records.subList(1, records.size())) {
                if (record.size() != header.size()) {
                    throw new SeedException(source + ":" + (record.getRecordNumber()) + ": row has "
                            + record.size() + " fields but the header names " + header.size() + " columns");
                }
                cells.add(record.toList());
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new SeedException(source + ": not valid CSV: " + e.getMessage());
        }
        List<SeedType> types = new ArrayList<>();
        Map<String, String> declared = lowerKeys(columnTypes);
        for (int c = 0; c < header.size(); c++) {
            String column = header.get(c);
            String override = declared.get(column.toLowerCase(Locale.ROOT));
            if (override != null) {
                types.add(SeedType.fromColumnType(override).orElseThrow(() -> new SeedException(source
                        + ": column_types gives column '" + column + "' the type '" + override
                        + "', which is not one of int, float, date, timestamp, boolean, string")));
            } else {
                types.add(infer(cells, c));
            }
        }
        List<List<Object>> rows = new ArrayList<>(cells.size());
        for (List<String> row : cells) {
            Object[] values = new Object[row.size()];
            for (int c = 0; c < row.size(); c++) {
                values[c] = convert(source, header.get(c), types.get(c), row.get(c));
            }
            rows.add(Collections.unmodifiableList(Arrays.asList(values)));
        }
        return new SeedTable(header, types, rows);
    }

    private static SeedType infer(List<List<String>> cells, int column) {
        candidates:
        for (SeedType type : SeedType.values()) {
            for (List<String> row : cells) {
                String cell = row.get(column);
                if (!isNull(cell) && type.parse(cell).isEmpty()) {
                    continue candidates;
                }
            }
            return type;
        }
        return SeedType.TEXT;
    }

    private static Object convert(String source, String column, SeedType type, String cell) {
        if (isNull(cell)) {
            return null;
        }
        Optional<Object> value = type.parse(cell);
        if (value.isEmpty()) {
            throw new SeedException(source + ": column '" + column + "' is declared " + type.name().toLowerCase(Locale.ROOT)
                    + " but holds '" + cell + "'");
        }
        return value.get();
    }

    private static boolean isNull(String cell) {
        return cell.isEmpty() || cell.equalsIgnoreCase("null");
    }

    private static void checkHeader(String source, List<String> header) {
        Set<String> seen = new HashSet<>();
        for (String name : header) {
            if (name.isEmpty()) {
                throw new SeedException(source + ":1: the header has an empty column name");
            }
            if (!seen.add(name)) {
                throw new SeedException(source + ":1: the header names column '" + name + "' twice");
            }
        }
    }

    private static Map<String, String> lowerKeys(Map<String, String> columnTypes) {
        Map<String, String> lower = new LinkedHashMap<>();
        columnTypes.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return lower;
    }
}
