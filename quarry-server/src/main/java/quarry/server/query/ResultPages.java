package quarry.server.query;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The rows of a finished query kept for pagination: one compact UTF-8 buffer of JSON objects
 * and the offset where each row starts, so a million rows cost their JSON size and no objects.
 */
final class ResultPages {

    private final byte[] data;
    private final int[] starts;
    private final int count;

    ResultPages(byte[] data, int[] starts, int count) {
        this.data = data;
        this.starts = starts;
        this.count = count;
    }

    int count() {
        return count;
    }

    long bytes() {
        return data.length;
    }

    /** Rows {@code [from, from + n)} as a UTF-8 JSON array. */
    byte[] page(int from, int n) {
        int start = Math.max(0, Math.min(from, count));
        int end = Math.max(start, Math.min(count, start + Math.max(0, n)));
        if (start == end) {
            return new byte[] {'[', ']'};
        }
        int a = starts[start];
        int b = end == count ? data.length : starts[end];
        byte[] out = new byte[b - a + (end - start) + 1];
        int pos = 0;
        out[pos++] = '[';
        for (int i = start; i < end; i++) {
            int s = starts[i];
            int e = i + 1 == count ? data.length : starts[i + 1];
            if (i > start) {
                out[pos++] = ',';
            }
            System.arraycopy(data, s, out, pos, e - s);
            pos += e - s;
        }
        out[pos] = ']';
        return out;
    }

    /** Collects rows as they are encoded. */
    static final class Builder {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        private int[] starts = new int[1024];
        private int count;

        ByteArrayOutputStream stream() {
            return out;
        }

        void startRow() {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = out.size();
        }

        int count() {
            return count;
        }

        ResultPages build() {
            return new ResultPages(out.toByteArray(), starts, count);
        }
    }
}
