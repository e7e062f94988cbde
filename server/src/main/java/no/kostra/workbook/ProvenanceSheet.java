package no.kostra.workbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The provenance of a filled workbook, kept in a very hidden sheet (Excel shows it only through VBA, so a casual
 * user cannot unhide it). Layout, all cells text:
 * <pre>
 * key            | value          (format, template, templateVersion, templateSha256, region, regionName, year,
 * …              | …               dataRevision, madeAt, keyId, cellCount, mapHmac)
 * (empty row)
 * sheet | cell | table | column | rowKey | kind | indicator | region | year | statistic | value | status | formula | checksum
 * …one row per mapped cell…
 * </pre>
 * {@code checksum} is the first 16 hex digits of HMAC-SHA256 over the row's fields; {@code mapHmac} is HMAC-SHA256
 * over the header fields and every row's fields, so a changed, added or removed row is detected. An offline edit of a
 * data cell shows as a cell whose content differs from the row's {@code value}/{@code status}, with the map intact.
 */
public final class ProvenanceSheet {
    public static final String SHEET_NAME = "_kostra_proveniens";
    static final List<String> CELL_COLUMNS = List.of("sheet", "cell", "table", "column", "rowKey", "kind", "indicator",
            "region", "year", "statistic", "value", "status", "formula", "checksum");
    private static final char FIELD = '\u001F';
    private static final char LINE = '\n';

    private ProvenanceSheet() {
    }

    /** What a provenance sheet says, as read back. */
    public record Provenance(ProvenanceHeader header, List<CellProvenance> cells, List<String> checksums, String mapHmac) {
        public Provenance {
            cells = List.copyOf(cells);
            checksums = List.copyOf(checksums);
        }

        /** True when the map is exactly as the service signed it. */
        public boolean isIntact(ProvenanceSigner signer) {
            return signer.matches(canonical(header, cells), mapHmac);
        }

        /** The rows whose own checksum no longer matches (edited in the hidden sheet). */
        public List<CellProvenance> tamperedRows(ProvenanceSigner signer) {
            List<CellProvenance> tampered = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                if (!signer.cellChecksum(line(cells.get(i))).equals(checksums.get(i))) {
                    tampered.add(cells.get(i));
                }
            }
            return tampered;
        }
    }

    static void write(XSSFWorkbook workbook, ProvenanceHeader header, List<CellProvenance> cells, ProvenanceSigner signer) {
        XSSFSheet sheet = workbook.createSheet(SHEET_NAME);
        int r = 0;
        Map<String, String> fields = new LinkedHashMap<>(header.fields());
        fields.put("cellCount", Integer.toString(cells.size()));
        fields.put("mapHmac", signer.sign(canonical(header, cells)));
        for (Map.Entry<String, String> field : fields.entrySet()) {
            XSSFRow row = sheet.createRow(r++);
            row.createCell(0).setCellValue(field.getKey());
            row.createCell(1).setCellValue(field.getValue());
        }
        r++;
        XSSFRow columns = sheet.createRow(r++);
        for (int c = 0; c < CELL_COLUMNS.size(); c++) {
            columns.createCell(c).setCellValue(CELL_COLUMNS.get(c));
        }
        for (CellProvenance cell : cells) {
            XSSFRow row = sheet.createRow(r++);
            List<String> values = cell.fields();
            for (int c = 0; c < values.size(); c++) {
                if (values.get(c) != null) {
                    row.createCell(c).setCellValue(values.get(c));
                }
            }
            row.createCell(values.size()).setCellValue(signer.cellChecksum(line(cell)));
        }
        workbook.setSheetVisibility(workbook.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
    }

    /** Reads the provenance back, or empty when the workbook has none (not filled by the service). */
    public static Optional<Provenance> read(XSSFWorkbook workbook) {
        XSSFSheet sheet = workbook.getSheet(SHEET_NAME);
        if (sheet == null) {
            return Optional.empty();
        }
        DataFormatter text = new DataFormatter();
        Map<String, String> fields = new LinkedHashMap<>();
        int r = 0;
        for (; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || row.getCell(0) == null) {
                break;
            }
            fields.put(text.formatCellValue(row.getCell(0)), text.formatCellValue(row.getCell(1)));
        }
        r += 2;
        List<CellProvenance> cells = new ArrayList<>();
        List<String> checksums = new ArrayList<>();
        for (; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            List<String> v = new ArrayList<>();
            for (int c = 0; c < CELL_COLUMNS.size(); c++) {
                Cell cell = row.getCell(c);
                String s = cell == null ? null : text.formatCellValue(cell);
                v.add(s == null || s.isEmpty() ? null : s);
            }
            cells.add(new CellProvenance(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4),
                    CellProvenance.Kind.fromCode(v.get(5)), v.get(6), v.get(7), Integer.parseInt(v.get(8)), v.get(9),
                    v.get(10), v.get(11), v.get(12)));
            checksums.add(v.get(13));
        }
        return Optional.of(new Provenance(ProvenanceHeader.fromFields(fields), cells, checksums, fields.get("mapHmac")));
    }

    static String canonical(ProvenanceHeader header, List<CellProvenance> cells) {
        StringBuilder s = new StringBuilder();
        header.fields().forEach((k, v) -> s.append(k).append(FIELD).append(v == null ? "" : v).append(LINE));
        for (CellProvenance cell : cells) {
            s.append(line(cell)).append(LINE);
        }
        return s.toString();
    }

    static String line(CellProvenance cell) {
        StringBuilder s = new StringBuilder();
        for (String field : cell.fields()) {
            s.append(field == null ? "" : field).append(FIELD);
        }
        return s.toString();
    }
}
