package no.kostra.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A spilled run of {@link SortedObservations} on disk: rows in key order, each written as its fields in a fixed order
 * through a 64 KB buffer (bulk channel writes, none of a data stream's per-field calls). Temporary, read once.
 */
final class RunFile {
    private static final int BUFFER = 1 << 16;
    /** The largest row but for its note: key, reported code, flags, value, source, position, note length. */
    private static final int FIXED = 8 + 4 + 1 + 8 + 4 + 8 + 4;

    private RunFile() {
    }

    static final class Writer implements AutoCloseable {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);

        Writer(Path file) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.WRITE);
        }

        void put(long key, int reported, byte flags, double value, int source, long position, String note) throws IOException {
            byte[] text = note == null ? null : note.getBytes(StandardCharsets.UTF_8);
            if (buffer.remaining() < FIXED + (text == null ? 0 : text.length)) {
                drain();
            }
            buffer.putLong(key).putInt(reported).put(flags);
            if ((flags & SortedObservations.STATUS_MASK) == 0) {
                buffer.putDouble(value);
            }
            buffer.putInt(source).putLong(position);
            if (text == null) {
                return;
            }
            buffer.putInt(text.length);
            if (text.length <= buffer.remaining()) {
                buffer.put(text);
            } else {
                // A note longer than the buffer (a CSV cell may hold one) goes past it, straight to the file.
                drain();
                write(ByteBuffer.wrap(text));
            }
        }

        private void drain() throws IOException {
            buffer.flip();
            write(buffer);
            buffer.clear();
        }

        private void write(ByteBuffer bytes) throws IOException {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                drain();
            } finally {
                channel.close();
            }
        }
    }

    static final class Reader implements AutoCloseable {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        private boolean ended;

        Reader(Path file) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            buffer.flip();
        }

        /** Reads the next row into {@code row}; false at the end of the run. */
        boolean next(SortedObservations.Row row) throws IOException {
            if (!fill(8 + 4 + 1)) {
                return false;
            }
            row.key = buffer.getLong();
            row.reported = buffer.getInt();
            row.flags = buffer.get();
            boolean hasValue = (row.flags & SortedObservations.STATUS_MASK) == 0;
            require((hasValue ? 8 : 0) + 4 + 8 + ((row.flags & SortedObservations.HAS_NOTE) != 0 ? 4 : 0));
            row.value = hasValue ? buffer.getDouble() : 0;
            row.source = buffer.getInt();
            row.position = buffer.getLong();
            row.note = null;
            if ((row.flags & SortedObservations.HAS_NOTE) != 0) {
                row.note = new String(text(buffer.getInt()), StandardCharsets.UTF_8);
            }
            return true;
        }

        /** A note's bytes, read past the buffer when they are longer than it. */
        private byte[] text(int length) throws IOException {
            byte[] text = new byte[length];
            int buffered = Math.min(length, buffer.remaining());
            buffer.get(text, 0, buffered);
            ByteBuffer rest = ByteBuffer.wrap(text, buffered, length - buffered);
            while (rest.hasRemaining()) {
                if (channel.read(rest) < 0) {
                    throw new IOException("A run file ends in the middle of a row");
                }
            }
            return text;
        }

        /** Makes {@code bytes} readable; false when the run ended exactly before them. */
        private boolean fill(int bytes) throws IOException {
            while (buffer.remaining() < bytes && !ended) {
                buffer.compact();
                ended = channel.read(buffer) < 0;
                buffer.flip();
            }
            if (buffer.remaining() >= bytes) {
                return true;
            }
            if (buffer.hasRemaining()) {
                throw new IOException("A run file ends in the middle of a row");
            }
            return false;
        }

        private void require(int bytes) throws IOException {
            if (!fill(bytes)) {
                throw new IOException("A run file ends in the middle of a row");
            }
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // read to its end or abandoned; nothing more to read from it
            }
        }
    }
}
