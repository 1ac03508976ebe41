package quarry.core.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The bytes under {@link StateCodec}: an unsynchronized growable buffer to write, and a bounds-checked reader. */
final class StateBytes {

    private StateBytes() {}

    /** An unsynchronized growable byte buffer with variable-length ints. */
    static final class Sink {
        private byte[] bytes = new byte[1 << 20];
        private int size;

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void writeByte(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        /** A non-negative int in 7-bit groups; negative ints take five bytes. */
        void writeInt(int v) {
            ensure(5);
            while ((v & ~0x7F) != 0) {
                bytes[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            bytes[size++] = (byte) v;
        }

        void writeLong(long v) {
            ensure(8);
            for (int i = 7; i >= 0; i--) {
                bytes[size++] = (byte) (v >>> (i * 8));
            }
        }

        void writeDouble(double d) {
            writeLong(Double.doubleToRawLongBits(d));
        }

        void writeFloat(float f) {
            writeInt(Float.floatToRawIntBits(f));
        }

        void write(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }

        int size() {
            return size;
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(bytes, size);
        }

        void writeTo(java.io.OutputStream out) throws IOException {
            out.write(bytes, 0, size);
        }
    }

    /** A reader over the whole state in memory. */
    static final class Source {
        private final byte[] bytes;
        private int pos;

        Source(byte[] bytes, int offset) {
            this.bytes = bytes;
            this.pos = offset;
        }

        int readByte() throws IOException {
            if (pos >= bytes.length) {
                throw new IOException("corrupt state: truncated");
            }
            return bytes[pos++];
        }

        int readInt() throws IOException {
            int v = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int b = readByte();
                v |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new IOException("corrupt state: bad number");
        }

        long readLong() throws IOException {
            if (pos + 8 > bytes.length) {
                throw new IOException("corrupt state: truncated");
            }
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (bytes[pos++] & 0xFF);
            }
            return v;
        }

        double readDouble() throws IOException {
            return Double.longBitsToDouble(readLong());
        }

        float readFloat() throws IOException {
            return Float.intBitsToFloat(readInt());
        }

        String readString(int length) throws IOException {
            if (length > bytes.length - pos) {
                throw new IOException("corrupt state: truncated");
            }
            String s = new String(bytes, pos, length, StandardCharsets.UTF_8);
            pos += length;
            return s;
        }
    }
}
