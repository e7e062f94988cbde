package no.kostra.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import no.kostra.errors.InvalidInputException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Opens an uploaded xlsx file for POI, and says in the user's words why a file is refused. An xlsx is a ZIP package,
 * so a file that is not one (a renamed CSV, an encrypted or old .xls workbook), a truncated one, one with duplicate
 * entries (which different readers resolve differently), too many entries, or entries that inflate past the limits (a
 * zip bomb) is refused. The package is read from its central directory, as ZIP readers that can seek do (so sizes a
 * streaming writer put in data descriptors after the data, ZIP64 ones too, are no problem), and POI is handed the very
 * same directory: what was checked is what POI reads. Every part is counted while it inflates, so a bomb stops after
 * at most the limit's bytes: all of them before POI opens the package ({@link #open}), each as it is read by a reader
 * that streams the parts itself ({@link #parts}). POI's XML guard (no DOCTYPE) stays on behind it.
 */
public final class XlsxGuard {
    static final int MAX_ENTRIES = 2_000;
    static final long MAX_ENTRY_BYTES = 100L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 300L * 1024 * 1024;
    /** Above this size, an entry may not inflate more than {@link #MAX_RATIO} times its compressed size. */
    static final long RATIO_CHECK_FROM_BYTES = 1024 * 1024;
    static final long MAX_RATIO = 100;
    /**
     * Each entry of the central directory begins with this signature, so its records are at most as many as the times
     * the bytes hold it. A file holding it far more often than {@link #MAX_ENTRIES} is refused before the directory
     * is read, so a small file of empty entries cannot make the reader build hundreds of thousands of entry objects.
     */
    private static final byte[] CENTRAL_DIRECTORY_SIGNATURE = {'P', 'K', 1, 2};
    private static final int MAX_SIGNATURES = 4 * MAX_ENTRIES;
    /** POI's own guard, for POI's other readers of xlsx: it refuses an entry that inflates more than 100 times (1 / 0,01). */
    private static final double POI_MIN_INFLATE_RATIO = 0.01;

    static {
        // POI's limits are JVM-wide; they are set here, once, for every reader of untrusted xlsx (imports, returned workbooks)
        ZipSecureFile.setMinInflateRatio(POI_MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    static final String ENCRYPTED = "filen er passordbeskyttet (kryptert) eller i det gamle .xls-formatet; lagre den som"
            + " en vanlig .xlsx-arbeidsbok uten passord";
    static final String NOT_ZIP = "filen er ikke en xlsx-arbeidsbok (den begynner ikke som en ZIP-pakke)";
    static final String DAMAGED = "filen er skadet, avkuttet eller ikke en xlsx-arbeidsbok";
    static final String BOMB = "filen ser ut som en zip-bombe (pakker ut til langt mer enn den fyller); den leses ikke";
    static final String DOCTYPE = "arbeidsboken inneholder XML-deklarasjoner (DOCTYPE/entiteter), som ikke er tillatt";
    static final String TOO_MANY_ENTRIES = "pakken har flere enn " + MAX_ENTRIES + " deler";

    private XlsxGuard() {
    }

    static boolean looksLikeContainer(byte[] head) {
        return isZip(head) || isOle2(head);
    }

    /**
     * Checks the file and opens it read-only for POI, from the central directory the checks read. Every part is
     * inflated once first, counting, because POI reads parts however it likes. The caller ends with
     * {@link OPCPackage#revert()} (a read-only package is never saved).
     */
    public static OPCPackage open(String file, byte[] bytes) {
        Parts parts = parts(file, bytes);
        try {
            parts.inflateAll();
            return OPCPackage.open(new ZipFileZipEntrySource(parts.zip));
        } catch (InvalidInputException e) {
            parts.close();
            throw e;
        } catch (Exception e) {
            parts.close();
            throw refuse(file, why(e));
        }
    }

    /**
     * Checks the file's directory and opens its parts for a reader that streams them itself: each part inflates as it
     * is read, counted against the same limits, so a bomb stops after at most the limit's bytes and a part nobody reads
     * is never inflated. A part that turns out cut short or broken while it is read is refused as damaged.
     */
    public static Parts parts(String file, byte[] bytes) {
        if (isOle2(bytes)) {
            throw refuse(file, ENCRYPTED);
        }
        if (!isZip(bytes)) {
            throw refuse(file, NOT_ZIP);
        }
        if (centralDirectorySignatures(bytes) > MAX_SIGNATURES) {
            throw refuse(file, TOO_MANY_ENTRIES);
        }
        ZipFile zip;
        try {
            zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get();
        } catch (IOException e) {
            // no end of central directory, or a directory that does not hold together: the file was cut short or broken
            throw refuse(file, DAMAGED);
        }
        try {
            return new Parts(file, zip, checkedDirectory(file, zip));
        } catch (RuntimeException e) {
            ZipFile.closeQuietly(zip);
            throw e;
        }
    }

    private static Map<String, ZipArchiveEntry> checkedDirectory(String file, ZipFile zip) {
        Map<String, ZipArchiveEntry> entries = new LinkedHashMap<>();
        long declared = 0;
        for (Enumeration<ZipArchiveEntry> all = zip.getEntries(); all.hasMoreElements(); ) {
            ZipArchiveEntry entry = all.nextElement();
            if (entries.put(entry.getName(), entry) != null) {
                throw refuse(file, "pakken har to deler med samme navn (" + entry.getName() + ")");
            }
            if (entries.size() > MAX_ENTRIES) {
                throw refuse(file, TOO_MANY_ENTRIES);
            }
            // an OPC package stores or deflates its parts (ECMA-376 part 2): an encrypted part or another method is no workbook
            if (entry.getMethod() != ZipArchiveEntry.STORED && entry.getMethod() != ZipArchiveEntry.DEFLATED
                    || !zip.canReadEntryData(entry)) {
                throw refuse(file, DAMAGED);
            }
            // the sizes the directory declares are refused as a bomb before anything inflates; sizes that lie are
            // caught while a part inflates, and a part nobody reads cannot hurt
            long size = Math.max(0, entry.getSize());
            declared += size;
            if (size > MAX_ENTRY_BYTES || declared > MAX_TOTAL_BYTES
                    || size > RATIO_CHECK_FROM_BYTES && entry.getCompressedSize() > 0 && size / entry.getCompressedSize() > MAX_RATIO) {
                throw refuse(file, BOMB);
            }
        }
        if (!entries.containsKey("[Content_Types].xml")) {
            throw refuse(file, entries.isEmpty() ? DAMAGED : "filen er en ZIP-pakke, men ikke en xlsx-arbeidsbok");
        }
        return entries;
    }

    /** The parts of a checked package, each inflated on reading within the limits (one budget for the whole file). */
    public static final class Parts implements AutoCloseable {
        private final String file;
        private final ZipFile zip;
        private final Map<String, ZipArchiveEntry> entries;
        private long total;

        private Parts(String file, ZipFile zip, Map<String, ZipArchiveEntry> entries) {
            this.file = file;
            this.zip = zip;
            this.entries = entries;
        }

        public boolean has(String name) {
            return entries.containsKey(name);
        }

        /**
         * The part's inflated bytes as a stream: past a limit it throws the refusal ({@link InvalidInputException}),
         * and a cut-short part throws an {@link IOException}, which the caller refuses as damaged.
         */
        public InputStream open(String name) throws IOException {
            ZipArchiveEntry entry = entries.get(name);
            if (entry == null) {
                throw new java.io.FileNotFoundException(name);
            }
            return new Counted(zip.getInputStream(entry), entry.getCompressedSize());
        }

        private void inflateAll() {
            byte[] buffer = new byte[64 * 1024];
            for (String name : entries.keySet()) {
                try (InputStream in = open(name)) {
                    while (in.read(buffer) >= 0) {
                        // counted as it goes
                    }
                } catch (IOException e) {
                    // the inflater ran out of data or met a broken stream: the part was cut short or damaged
                    throw refuse(file, DAMAGED);
                }
            }
        }

        @Override
        public void close() {
            ZipFile.closeQuietly(zip);
        }

        /** Counts one part's inflated bytes against its own limit, the ratio to its compressed size, and the file's. */
        private final class Counted extends FilterInputStream {
            private final long compressed;
            private long inflated;

            Counted(InputStream in, long compressed) {
                super(in);
                this.compressed = compressed;
            }

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(int n) {
                inflated += n;
                total += n;
                if (inflated > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES
                        || inflated > RATIO_CHECK_FROM_BYTES && compressed > 0 && inflated / compressed > MAX_RATIO) {
                    throw refuse(file, BOMB);
                }
            }
        }
    }

    /** Which guard stopped POI, in the user's words. */
    public static String why(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(' ').append(t.getMessage());
        }
        String text = all.toString().toLowerCase(Locale.ROOT);
        if (text.contains("zip bomb") || text.contains("max. ratio") || text.contains("exceed")) {
            return BOMB;
        }
        if (text.contains("doctype") || text.contains("entit")) {
            return DOCTYPE;
        }
        return DAMAGED;
    }

    public static InvalidInputException refuse(String file, String problem) {
        return new InvalidInputException(file + ": " + problem, Map.of("file", file, "field", "xlsx"));
    }

    private static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    private static int centralDirectorySignatures(byte[] bytes) {
        int n = 0;
        int length = CENTRAL_DIRECTORY_SIGNATURE.length;
        for (int i = 0; i + length <= bytes.length; i++) {
            if (bytes[i] == 'P' && Arrays.equals(bytes, i, i + length, CENTRAL_DIRECTORY_SIGNATURE, 0, length)) {
                n++;
            }
        }
        return n;
    }

    private static boolean isOle2(byte[] b) {
        return b.length >= 4 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11 && (b[3] & 0xFF) == 0xE0;
    }
}
