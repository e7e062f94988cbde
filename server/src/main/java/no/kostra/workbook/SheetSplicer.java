package no.kostra.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * Puts the filled rows into the sheets POI wrote. Each {@link FilledRows} left one empty row in POI's model where it
 * begins; POI writes it as {@code <row r="N"/>}, and that exact text is replaced by the rows. The sheet's dimension is
 * widened to cover them. Every other part of the package is copied as POI compressed it.
 */
final class SheetSplicer {
    private static final String WORKSHEET = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
    private static final String DIMENSION = "<dimension ref=\"";

    private SheetSplicer() {
    }

    /** @param rowsByPart the filled rows by the zip entry name of their sheet part (xl/worksheets/sheet1.xml) */
    static byte[] splice(byte[] xlsx, Map<String, FilledRows> rowsByPart) throws IOException {
        if (rowsByPart.isEmpty()) {
            return xlsx;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(xlsx.length * 2);
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(xlsx)).get();
             ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
                FilledRows rows = rowsByPart.get(entry.getName());
                if (rows == null) {
                    out.addRawArchiveEntry(entry, zip.getRawInputStream(entry));
                    continue;
                }
                String sheet;
                try (InputStream in = zip.getInputStream(entry)) {
                    sheet = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                ZipArchiveEntry spliced = new ZipArchiveEntry(entry.getName());
                spliced.setMethod(ZipArchiveEntry.DEFLATED);
                out.putArchiveEntry(spliced);
                out.write(splice(entry.getName(), sheet, rows).getBytes(StandardCharsets.UTF_8));
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String splice(String part, String sheet, FilledRows rows) {
        if (!sheet.contains(WORKSHEET)) {
            throw new IllegalStateException(part + " is not written with the main namespace as the default one");
        }
        StringBuilder xml = new StringBuilder(sheet.length() + rows.ranges().size() * 16 * 1024);
        int copied = 0;
        for (Map.Entry<Integer, Integer> range : rows.ranges().entrySet()) {
            String marker = "<row r=\"" + (range.getKey() + 1) + "\"/>";
            int at = sheet.indexOf(marker, copied);
            if (at < 0 || sheet.indexOf(marker, at + marker.length()) >= 0) {
                throw new IllegalStateException(part + " has not exactly one " + marker + " where filled rows begin");
            }
            xml.append(sheet, copied, at).append(rows.xml(range.getKey(), range.getValue()));
            copied = at + marker.length();
        }
        xml.append(sheet, copied, sheet.length());
        return widenDimension(xml, rows);
    }

    /** The dimension (used range) as POI computed it, widened to the filled rows. */
    private static String widenDimension(StringBuilder xml, FilledRows rows) {
        int start = xml.indexOf(DIMENSION);
        int[] columns = rows.columnSpan();
        if (start < 0 || columns == null) {
            return xml.toString();
        }
        int end = xml.indexOf("\"", start + DIMENSION.length());
        CellRangeAddress range = CellRangeAddress.valueOf(xml.substring(start + DIMENSION.length(), end));
        for (Map.Entry<Integer, Integer> filled : rows.ranges().entrySet()) {
            range.setFirstRow(Math.min(range.getFirstRow(), filled.getKey()));
            range.setLastRow(Math.max(range.getLastRow(), filled.getValue()));
        }
        range.setFirstColumn(Math.min(range.getFirstColumn(), columns[0]));
        range.setLastColumn(Math.max(range.getLastColumn(), columns[1]));
        String ref = new CellReference(range.getFirstRow(), range.getFirstColumn()).formatAsString()
                + ":" + new CellReference(range.getLastRow(), range.getLastColumn()).formatAsString();
        return xml.replace(start + DIMENSION.length(), end, ref).toString();
    }
}
