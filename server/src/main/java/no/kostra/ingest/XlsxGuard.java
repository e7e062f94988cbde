package no.kostra.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import no.kostra.errors.InvalidInputException;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Looks at an uploaded xlsx file before POI parses it, and says in the user's words why a file is refused. An xlsx is
 * a ZIP package, so a file that is not one (a renamed CSV, an encrypted or old .xls workbook), a truncated one, one
 * with duplicate entries (which different readers resolve differently), too many entries, or entries that inflate
 * past the limits (a zip bomb) is refused. Inflation is counted while streaming, so a bomb stops after at most the
 * limit's bytes. POI's own guards (inflate ratio, entry size, no DOCTYPE) stay on behind it.
 */
public final class XlsxGuard {
    static final int MAX_ENTRIES = 2_000;
    static final long MAX_ENTRY_BYTES = 100L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 300L * 1024 * 1024;
    /** Above this size, an entry may not inflate more than {@link #MAX_RATIO} times its compressed size. */
    static final long RATIO_CHECK_FROM_BYTES = 1024 * 1024;
    static final long MAX_RATIO = 100;
    /** POI's own guard behind ours: it refuses an entry that inflates more than 100 times (1 / 0,01). */
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

    private XlsxGuard() {
    }

    static boolean looksLikeContainer(byte[] head) {
        return isZip(head) || isOle2(head);
    }

    /** Refuses a file that is not a whole, safe xlsx package; returns normally otherwise. */
    public static void check(String file, byte[] bytes) {
        if (isOle2(bytes)) {
            throw refuse(file, ENCRYPTED);
        }
        if (!isZip(bytes)) {
            throw refuse(file, NOT_ZIP);
        }
        Set<String> names = new HashSet<>();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (!names.add(entry.getName())) {
                    throw refuse(file, "pakken har to deler med samme navn (" + entry.getName() + ")");
                }
                if (names.size() > MAX_ENTRIES) {
                    throw refuse(file, "pakken har flere enn " + MAX_ENTRIES + " deler");
                }
                long inflated = 0;
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    inflated += n;
                    total += n;
                    if (inflated > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
                        throw refuse(file, BOMB);
                    }
                }
                long compressed = entry.getCompressedSize();
                if (inflated > RATIO_CHECK_FROM_BYTES && compressed > 0 && inflated / compressed > MAX_RATIO) {
                    throw refuse(file, BOMB);
                }
            }
        } catch (IOException e) {
            // a ZipException or an EOFException from the inflater: the package ends before its parts do
            throw refuse(file, DAMAGED);
        }
        if (!names.contains("[Content_Types].xml")) {
            throw refuse(file, names.isEmpty() ? DAMAGED : "filen er en ZIP-pakke, men ikke en xlsx-arbeidsbok");
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

    private static boolean isOle2(byte[] b) {
        return b.length >= 4 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11 && (b[3] & 0xFF) == 0xE0;
    }
}
