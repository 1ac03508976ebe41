package quarry.server.load;

import java.util.Locale;
import java.util.Optional;

/** The file formats Quarry loads into a collection. */
public enum FileFormat {
    /** JSON documents: one per line (JSON lines), a sequence of objects, or one array of objects. */
    JSON,
    /** Comma (or otherwise) separated values; every value is a string, as in Rockset's CSV ingest. */
    CSV,
    /** Apache Parquet; column types are kept (numbers, booleans, nested lists and structs). */
    PARQUET;

    /** The format a file name implies, by extension. */
    public static Optional<FileFormat> ofFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        if (n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
            return Optional.of(JSON);
        }
        if (n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".txt")) {
            return Optional.of(CSV);
        }
        if (n.endsWith(".parquet") || n.endsWith(".pq")) {
            return Optional.of(PARQUET);
        }
        return Optional.empty();
    }

    /** The format named {@code text} ({@code json}, {@code jsonl}, {@code csv}, {@code parquet}). */
    public static FileFormat parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "json", "jsonl", "ndjson" -> JSON;
            case "csv", "tsv" -> CSV;
            case "parquet" -> PARQUET;
            default -> throw new IllegalArgumentException("unknown file format \"" + text
                    + "\": use json, csv or parquet");
        };
    }
}
