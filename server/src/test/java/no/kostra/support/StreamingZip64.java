package no.kostra.support;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Re-packs a ZIP package the way a streaming writer does: to an output that cannot seek back, so every entry's sizes
 * follow its data in a data descriptor, here with ZIP64 sizes (8 bytes each) as writers that do not know an entry's
 * size in advance produce them.
 */
public final class StreamingZip64 {
    private static final int DATA_DESCRIPTOR_FLAG = 0x08;
    private static final int ZIP64_EXTRA_ID = 0x0001;

    private StreamingZip64() {
    }

    public static byte[] repack(byte[] zip) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // a FilterOutputStream hides that the target could be rewound, as a socket or a pipe could not be
        try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get();
             ZipArchiveOutputStream out = new ZipArchiveOutputStream(new FilterOutputStream(bytes))) {
            out.setUseZip64(Zip64Mode.Always);
            for (Enumeration<ZipArchiveEntry> entries = in.getEntries(); entries.hasMoreElements(); ) {
                ZipArchiveEntry entry = entries.nextElement();
                out.putArchiveEntry(new ZipArchiveEntry(entry.getName()));
                try (var content = in.getInputStream(entry)) {
                    content.transferTo(out);
                }
                out.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Whether every entry's local file header says its sizes follow in a data descriptor and carries a ZIP64 extra
     * field (the headers are found through the central directory).
     */
    public static boolean everyEntryHasZip64DataDescriptor(byte[] zip) {
        int headers = 0;
        try (ZipFile file = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
            for (Enumeration<ZipArchiveEntry> entries = file.getEntries(); entries.hasMoreElements(); ) {
                int at = Math.toIntExact(entries.nextElement().getLocalHeaderOffset());
                int flags = u16(zip, at + 6);
                int nameLength = u16(zip, at + 26);
                int extraLength = u16(zip, at + 28);
                if (u32(zip, at) != 0x04034b50 || (flags & DATA_DESCRIPTOR_FLAG) == 0
                        || !hasExtra(zip, at + 30 + nameLength, extraLength, ZIP64_EXTRA_ID)) {
                    return false;
                }
                headers++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return headers > 0;
    }

    private static boolean hasExtra(byte[] zip, int from, int length, int id) {
        for (int at = from; at + 4 <= from + length; at += 4 + u16(zip, at + 2)) {
            if (u16(zip, at) == id) {
                return true;
            }
        }
        return false;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return u16(b, at) | (long) u16(b, at + 2) << 16;
    }
}
