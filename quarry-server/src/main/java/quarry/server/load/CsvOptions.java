package quarry.server.load;

import java.util.List;

/**
 * How to read a CSV file (the {@code params} of an upload): whether the first line names the
 * columns, the separator, and column names when it does not.
 */
public record CsvOptions(boolean header, char separator, List<String> columnNames) {

    public CsvOptions {
        columnNames = columnNames == null ? List.of() : List.copyOf(columnNames);
    }

    public static CsvOptions defaults() {
        return new CsvOptions(true, ',', List.of());
    }
}
