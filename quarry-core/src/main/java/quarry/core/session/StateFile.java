package quarry.core.session;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import quarry.core.parse.FileResult;

/**
 * The layout of {@code target/partial_parse.state}: a magic number and format version, a header
 * (what is compared before anything is reused), then the per-file results in sections encoded
 * independently, so that they are encoded and decoded in parallel, and not decoded at all when the
 * header rules a partial parse out.
 */
final class StateFile {

    static final int FORMAT = 6;
    private static final int MAGIC = 0x51505053;
    private static final int SECTIONS = 32;

    private StateFile() {}

    /** What is compared before reuse: the global key, when the parse started, the reads' value hashes. */
    record Header(String globalKey, long start, Map<String, String> readValues, Set<String> globalReads) {}

    /** A state read from disk: the header, and the sections not decoded yet. */
    record Contents(Header header, List<byte[]> sections) {
        /** Decodes every section (in parallel). */
        Decoded decode() throws IOException {
            List<Object> decoded = sections.parallelStream().map(bytes -> {
                try {
                    return new StateCodec.Reader(new StateBytes.Source(bytes, 0)).read();
                } catch (IOException e) {
                    return e;
                }
            }).toList();
            List<Map<String, FileResult>> maps = new ArrayList<>();
            for (Object section : decoded) {
                if (section instanceof IOException e) {
                    throw e;
                }
                if (!(section instanceof Map<?, ?> map)) {
                    throw new IOException("corrupt state: a section is not a map");
                }
                Map<String, FileResult> files = new HashMap<>();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!(e.getKey() instanceof String key) || !(e.getValue() instanceof FileResult result)) {
                        throw new IOException("corrupt state: a section holds something else than file results");
                    }
                    files.put(key, result);
                }
                maps.add(files);
            }
            return new Decoded(sections, maps);
        }
    }

    /** Decoded sections with their bytes, so that a section nothing changed in is written back as it was. */
    record Decoded(List<byte[]> bytes, List<Map<String, FileResult>> sections) {
        Map<String, FileResult> files() {
            Map<String, FileResult> all = new HashMap<>();
            sections.forEach(all::putAll);
            return all;
        }
    }

    static Contents read(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
        try {
            if (in.getInt() != MAGIC || in.getInt() != FORMAT) {
                throw new IOException("the saved state is of another format");
            }
            Object header = new StateCodec.Reader(new StateBytes.Source(chunk(in), 0)).read();
            if (!(header instanceof Header h)) {
                throw new IOException("corrupt state: no header");
            }
            int count = in.getInt();
            if (count < 0 || count > 1024) {
                throw new IOException("corrupt state: " + count + " sections");
            }
            List<byte[]> sections = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                sections.add(chunk(in));
            }
            return new Contents(h, sections);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IOException("corrupt state: truncated", e);
        }
    }

    private static byte[] chunk(ByteBuffer in) throws IOException {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IOException("corrupt state: truncated");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    /**
     * Encodes the file results in sections (in parallel): each entry is the section's bytes, or the
     * {@link IOException} that stopped it. A section whose results all equal those of
     * {@code previous} (when given) is copied, not encoded again.
     */
    static List<Object> encode(Map<String, FileResult> files, Decoded previous) {
        List<Map<String, FileResult>> split = new ArrayList<>();
        for (int i = 0; i < SECTIONS; i++) {
            split.add(new HashMap<>());
        }
        files.forEach((key, result) -> split.get(Math.floorMod(key.hashCode(), SECTIONS)).put(key, result));
        return IntStream.range(0, SECTIONS).parallel().<Object>mapToObj(i -> {
            if (previous != null && previous.sections().size() == SECTIONS
                    && previous.sections().get(i).equals(split.get(i))) {
                return previous.bytes().get(i);
            }
            try {
                return bytes(split.get(i));
            } catch (IOException e) {
                return e;
            }
        }).toList();
    }

    private static byte[] bytes(Object value) throws IOException {
        StateBytes.Sink sink = new StateBytes.Sink();
        new StateCodec.Writer(sink).write(value);
        return sink.toByteArray();
    }

    /** Writes the header and the sections {@link #encode} made to {@code file}. */
    static void write(Path file, Header header, List<Object> sections) throws IOException {
        byte[] head = bytes(header);
        for (Object section : sections) {
            if (section instanceof IOException e) {
                throw e;
            }
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(ByteBuffer.allocate(8).putInt(MAGIC).putInt(FORMAT).array());
            out.write(ByteBuffer.allocate(4).putInt(head.length).array());
            out.write(head);
            out.write(ByteBuffer.allocate(4).putInt(SECTIONS).array());
            for (Object section : sections) {
                byte[] bytes = (byte[]) section;
                out.write(ByteBuffer.allocate(4).putInt(bytes.length).array());
                out.write(bytes);
            }
        }
    }
}
