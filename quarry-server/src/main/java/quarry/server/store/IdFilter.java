package quarry.server.store;

import java.util.Arrays;

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
 *
 * <p>It grows without reading the ids back: when the newest segment has taken the ids it was
 * made for, a new one four times larger takes the next ones, and a check looks at every
 * segment (one cache line each: 2 for a million ids from an empty collection, 6 at 100
 * million). Rebuilding from the table instead read every id back through JDBC under the
 * writer lock, which stopped all appends meanwhile (docs/server-storage.md, "Writes").
 *
 * <p>The 12 bit positions of an id are 9-bit pieces of two mixes of its hash, computed side by
 * side; the bits are tested and set without branches (a new id finds about half of them
 * already set, which a branch per bit mispredicts). A batch's ids are taken 256 at a time: first
 * their hashes and one read of each block (the cache misses then overlap), then the checks.
 * Measured alone, a million ids in batches of 5,000 with the caches emptied between batches (as
 * the rest of a request does): 175-205 ms for the filter before session 4, 130-140 ms with
 * segments and early reads (190-195 ms with segments alone, which miss in two segments per id).
 * In the Write API's path (perf, IngestPathBench): 9.5 % of the samples before the early reads,
 * 4.8 % after, ~0.26 and ~0.12 CPU-s per million ids (docs/server.md, "Session 4").
 */
final class IdFilter {

    private static final int HASHES_PER_MIX = 6;
    private static final int BITS_PER_ID = 24;
    private static final int WORDS_PER_BLOCK = 8;
    private static final long MIX_A = 0x9E3779B97F4A7C15L;
    private static final long MIX_B = 0xD6E8FEB86659FD93L;

    /** One fixed-size blocked Bloom filter; the filter's segments, oldest first. */
    private static final class Segment {
        final long[] words;
        final long blockMask;
        final long capacity;
        long count;

        Segment(long capacity) {
            this.capacity = capacity;
            long blocks = Long.highestOneBit((capacity * BITS_PER_ID / 512) * 2 - 1);
            this.blockMask = blocks - 1;
            this.words = new long[(int) (blocks * WORDS_PER_BLOCK)];
        }

        /** Sets the id's bits; true when every one was set already. */
        boolean add(long h) {
            int base = (int) ((h & blockMask) * WORDS_PER_BLOCK);
            long a = mix(h ^ MIX_A);
            long b = mix(h ^ MIX_B);
            long missing = 0;
            for (int i = 0; i < HASHES_PER_MIX; i++) {
                int bitA = (int) (a >>> (55 - 9 * i)) & 511;
                int bitB = (int) (b >>> (55 - 9 * i)) & 511;
                int wa = base + (bitA >>> 6);
                long ma = 1L << bitA;
                long old = words[wa];
                missing |= ~old & ma;
                words[wa] = old | ma;
                int wb = base + (bitB >>> 6);
                long mb = 1L << bitB;
                old = words[wb];
                missing |= ~old & mb;
                words[wb] = old | mb;
            }
            count++;
            return missing == 0;
        }

        /** Reads the two cache lines the id's block may span, so that they are loaded early. */
        long touch(long h) {
            int base = (int) ((h & blockMask) * WORDS_PER_BLOCK);
            return words[base] + words[base + WORDS_PER_BLOCK - 1];
        }

        boolean mightContain(long h) {
            int base = (int) ((h & blockMask) * WORDS_PER_BLOCK);
            long a = mix(h ^ MIX_A);
            long b = mix(h ^ MIX_B);
            long missing = 0;
            for (int i = 0; i < HASHES_PER_MIX; i++) {
                int bitA = (int) (a >>> (55 - 9 * i)) & 511;
                int bitB = (int) (b >>> (55 - 9 * i)) & 511;
                missing |= ~words[base + (bitA >>> 6)] & (1L << bitA);
                missing |= ~words[base + (bitB >>> 6)] & (1L << bitB);
            }
            return missing == 0;
        }
    }

    /**
     * Ids per pass of {@link #addIfAllAbsent(String[], boolean[], int)}: the blocks of 256 ids
     * (2 cache lines per segment each) stay in the core's cache between the two passes.
     */
    private static final int CHUNK = 256;

    private Segment[] segments;
    /** Where the early reads go, so that the JIT keeps them. */
    private long sink;

    IdFilter(long capacity) {
        this.segments = new Segment[] {new Segment(Math.max(capacity, 1 << 16))};
    }

    /** The number of segments (one more each time the ids outgrow the newest). */
    synchronized int segmentCount() {
        return segments.length;
    }

    void add(String id) {
        addAndCheck(id);
    }

    /** Adds an id; true when it might have been there already (every bit was set). */
    synchronized boolean addAndCheck(String id) {
        return add(hash(id));
    }

    private boolean add(long h) {
        Segment newest = segments[segments.length - 1];
        if (newest.count >= newest.capacity) {
            newest = new Segment(newest.capacity * 4);
            segments = Arrays.copyOf(segments, segments.length + 1);
            segments[segments.length - 1] = newest;
        }
        boolean present = newest.add(h);
        for (int i = segments.length - 2; i >= 0 && !present; i--) {
            present = segments[i].mightContain(h);
        }
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
        long[] hashes = new long[Math.min(size, CHUNK)];
        for (int start = 0; start < size; start += CHUNK) {
            int end = Math.min(size, start + CHUNK);
            // first the hashes and a read of every block they fall in: independent loads that the
            // CPU overlaps, where the checks one id after another would wait for each cache miss
            long touched = 0;
            Segment[] current = segments;
            for (int i = start; i < end; i++) {
                long h = hash(ids[i]);
                hashes[i - start] = h;
                for (Segment s : current) {
                    touched += s.touch(h);
                }
            }
            sink ^= touched;
            for (int i = start; i < end; i++) {
                if (add(hashes[i - start]) && !generated[i]) {
                    return false;
                }
            }
        }
        return true;
    }

    synchronized boolean mightContain(String id) {
        return mightContain(hash(id));
    }

    private boolean mightContain(long h) {
        for (int i = segments.length - 1; i >= 0; i--) {
            if (segments[i].mightContain(h)) {
                return true;
            }
        }
        return false;
    }

    private static long hash(String s) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001B3L;
            h ^= h >>> 29;
        }
        return mix(h);
    }

    /** A 64-bit finalizer (every input bit flips each output bit with probability ~1/2). */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
