package quarry.server.store;

/**
 * A Bloom filter of the {@code _id}s a collection may hold, kept by the writer so that a batch of
 * new ids skips the delete-by-join that replacing documents needs. It never answers "absent" for
 * an id that was written (no false negatives); deleted ids stay as false positives, which only
 * cost the delete they would have cost anyway.
 */
final class IdFilter {

    /**
     * At least 20 bits (the bit count is rounded up to a power of two, so masks replace divisions)
     * and 14 hashes per id: a false-positive rate of at most ~7e-5 when full and ~4e-8 when half
     * full, so a batch of 5,000 new ids almost never pays the delete's scan of the {@code _id}
     * column (with 10 bits and 7 hashes it was ~1 %: some 50 ids, and so a scan, in every batch).
     */
    private static final int HASHES = 14;
    private static final int BITS_PER_ID = 20;

    private final long[] words;
    private final long bits;
    private final long mask;
    private final long capacity;
    private long count;

    IdFilter(long capacity) {
        this.capacity = Math.max(capacity, 1 << 16);
        this.bits = Long.highestOneBit(this.capacity * BITS_PER_ID * 2 - 1); // a power of two: masks, not divisions
        this.mask = bits - 1;
        this.words = new long[(int) ((bits + 63) / 64)];
    }

    /** Whether the filter is past the size it was made for (false positives then grow). */
    boolean full() {
        return count > capacity;
    }

    void add(String id) {
        long h1 = hash(id, 0x9E3779B97F4A7C15L);
        long h2 = hash(id, 0xC2B2AE3D27D4EB4FL) | 1;
        for (int i = 0; i < HASHES; i++) {
            long bit = (h1 + i * h2) & mask;
            words[(int) (bit >>> 6)] |= 1L << (bit & 63);
        }
        count++;
    }

    boolean mightContain(String id) {
        long h1 = hash(id, 0x9E3779B97F4A7C15L);
        long h2 = hash(id, 0xC2B2AE3D27D4EB4FL) | 1;
        for (int i = 0; i < HASHES; i++) {
            long bit = (h1 + i * h2) & mask;
            if ((words[(int) (bit >>> 6)] & (1L << (bit & 63))) == 0) {
                return false;
            }
        }
        return true;
    }

    private static long hash(String s, long seed) {
        long h = seed;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001B3L;
            h ^= h >>> 29;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
    }
}
