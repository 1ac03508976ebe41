package quarry.server.store;

/**
 * A Bloom filter of the {@code _id}s a collection may hold, kept by the writer so that a batch of
 * new ids skips the delete-by-join that replacing documents needs. It never answers "absent" for
 * an id that was written (no false negatives); deleted ids stay as false positives, which only
 * cost the delete they would have cost anyway.
 *
 * <p>Blocked: all the bits of one id lie in one 512-bit block (one cache line), so a check or an
 * add costs one memory miss instead of one per hash. At least 24 bits per id (the block count is
 * rounded up to a power of two: 4 MB for a million ids) and 12 hashes: a false-positive rate
 * of ~1e-5 when full and far less below, so a batch of 5,000 new ids seldom pays the delete's scan
 * of the {@code _id} column (with 10 bits and 7 hashes it was ~1 %: some 50 ids, and so a scan,
 * in every batch).
 */
final class IdFilter {

    private static final int HASHES = 12;
    private static final int BITS_PER_ID = 24;
    private static final int WORDS_PER_BLOCK = 8;
    /**
     * The bit positions inside a block are the top 9 bits of a 64-bit LCG seeded by the id's hash:
     * double hashing inside 512 bits has too few distinct patterns (ids of one block collide).
     */
    private static final long LCG_MULTIPLIER = 0x5851F42D4C957F2DL;
    private static final long LCG_INCREMENT = 0x14057B7EF767814FL;

    private final long[] words;
    private final long blockMask;
    private final long capacity;
    private long count;

    IdFilter(long capacity) {
        this.capacity = Math.max(capacity, 1 << 16);
        long blocks = Long.highestOneBit((this.capacity * BITS_PER_ID / 512) * 2 - 1);
        this.blockMask = blocks - 1;
        this.words = new long[(int) (blocks * WORDS_PER_BLOCK)];
    }

    /** Whether the filter is past the size it was made for (false positives then grow). */
    synchronized boolean full() {
        return count > capacity;
    }

    void add(String id) {
        addAndCheck(id);
    }

    /** Adds an id; true when it might have been there already (every bit was set). */
    synchronized boolean addAndCheck(String id) {
        return add(hash(id));
    }

    private boolean add(long h) {
        int base = (int) ((h & blockMask) * WORDS_PER_BLOCK);
        long x = h;
        boolean present = true;
        for (int i = 0; i < HASHES; i++) {
            x = x * LCG_MULTIPLIER + LCG_INCREMENT;
            int bit = (int) (x >>> 55);
            long mask = 1L << (bit & 63);
            int w = base + (bit >>> 6);
            if ((words[w] & mask) == 0) {
                present = false;
                words[w] |= mask;
            }
        }
        count++;
        return present;
    }

    /**
     * For a batch that may run beside others (docs/server-storage.md, "Writes"): when no id of
     * its documents may be stored already and it deletes nothing, adds them all and answers true;
     * otherwise adds nothing and answers false. Generated ids are added unchecked.
     */
    synchronized boolean addIfAllAbsent(java.util.Collection<DocumentStore.Write> writes) {
        long[] hashes = new long[writes.size()];
        int i = 0;
        for (DocumentStore.Write w : writes) {
            long h = hash(w.id());
            if (w.document() == null || !w.idIsNew() && mightContain(h)) {
                return false;
            }
            hashes[i++] = h;
        }
        for (long h : hashes) {
            add(h);
        }
        return true;
    }

    /**
     * For a column batch's ids, in one pass: adds each and answers true when none (generated ids
     * aside) may have been there before, an id repeated in the batch included. When it answers
     * false, the ids already added stay as false positives, which cost only the delete that the
     * writer's path runs for them (it has to scan the {@code _id} column for the others anyway).
     */
    synchronized boolean addIfAllAbsent(String[] ids, boolean[] generated, int size) {
        for (int i = 0; i < size; i++) {
            if (add(hash(ids[i])) && !generated[i]) {
                return false;
            }
        }
        return true;
    }

    synchronized boolean mightContain(String id) {
        return mightContain(hash(id));
    }

    private boolean mightContain(long h) {
        int base = (int) ((h & blockMask) * WORDS_PER_BLOCK);
        long x = h;
        for (int i = 0; i < HASHES; i++) {
            x = x * LCG_MULTIPLIER + LCG_INCREMENT;
            int bit = (int) (x >>> 55);
            if ((words[base + (bit >>> 6)] & (1L << (bit & 63))) == 0) {
                return false;
            }
        }
        return true;
    }

    private static long hash(String s) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001B3L;
            h ^= h >>> 29;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
