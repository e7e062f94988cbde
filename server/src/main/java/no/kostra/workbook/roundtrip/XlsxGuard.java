package no.kostra.workbook.roundtrip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import no.kostra.errors.InvalidInputException;

/**
 * Looks at an uploaded file before POI parses it: an xlsx is a ZIP package, so a file that is not one (a renamed CSV,
 * an encrypted or old .xls workbook), a truncated one, one with duplicate entries (which different readers resolve
 * differently), too many entries, or entries that inflate past the limits (a zip bomb) is refused with a message
 * that says which. Inflation is counted while streaming, so a bomb is stopped after at most the limit's bytes.
 */
public final class XlsxGuard {
    static final int MAX_ENTRIES = 2_000;
    static final long MAX_ENTRY_BYTES = 100L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 300L * 1024 * 1024;
    /** Above this size, an entry may not inflate more than {@link #MAX_RATIO} times its compressed size. */
    static final long RATIO_CHECK_FROM_BYTES = 1024 * 1024;
    static final long MAX_RATIO = 100;

    private XlsxGuard() {
    }

    public static void check(String fileName, byte[] bytes) {
        if (isOle2(bytes)) {
            throw refuse(fileName, "filen er passordbeskyttet (kryptert) eller i det gamle .xls-formatet;"
                    + " lagre den som en vanlig .xlsx-arbeidsbok uten passord");
        }
        if (!isZip(bytes)) {
            throw refuse(fileName, "filen er ikke en xlsx-arbeidsbok (den er ikke en ZIP-pakke; er det en omdøpt CSV- eller tekstfil?)");
        }
        Set<String> names = new HashSet<>();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (!names.add(entry.getName())) {
                    throw refuse(fileName, "pakken har to deler med samme navn (" + entry.getName() + ")");
                }
                if (names.size() > MAX_ENTRIES) {
                    throw refuse(fileName, "pakken har flere enn " + MAX_ENTRIES + " deler");
                }
                long inflated = 0;
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    inflated += n;
                    total += n;
                    if (inflated > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
                        throw refuse(fileName, "innholdet pakker seg ut til mer enn tillatt (mulig ZIP-bombe)");
                    }
                }
                long compressed = entry.getCompressedSize();
                if (inflated > RATIO_CHECK_FROM_BYTES && compressed > 0 && inflated / compressed > MAX_RATIO) {
                    throw refuse(fileName, "delen " + entry.getName() + " pakker seg ut " + inflated / compressed
                            + " ganger (mulig ZIP-bombe)");
                }
            }
        } catch (IOException e) {
            // a ZipException or an EOFException from the inflater: the package ends before its parts do
            throw refuse(fileName, "filen er avkortet eller skadet");
        }
        if (!names.contains("[Content_Types].xml")) {
            throw refuse(fileName, names.isEmpty() ? "filen er avkortet eller skadet (ingen deler kunne leses)"
                    : "filen er en ZIP-pakke, men ikke en xlsx-arbeidsbok");
        }
    }

    static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    private static boolean isOle2(byte[] b) {
        return b.length >= 4 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11 && (b[3] & 0xFF) == 0xE0;
    }

    static InvalidInputException refuse(String fileName, String why) {
        return new InvalidInputException("Kan ikke lese " + fileName + ": " + why, Map.of("file", fileName));
    }
}
