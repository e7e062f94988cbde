package no.kostra.workbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * A: key         | B: value       (format, template, templateVersion, templateSha256, region, regionName, year,
 * …              | …               dataRevision, madeAt, keyId, cellCount, mapHmac)
 * (empty row)
 * A: "cells"
 * A: one JSON object per mapped cell: {"sheet","cell","table","column","rowKey","kind","indicator","region","year",
 *    "statistic","value","status","formula","checksum"} (absent fields are null)
 * </pre>
 * One cell per mapped cell keeps the sheet small and the fill fast. {@code checksum} is the first 16 hex digits of
 * HMAC-SHA256 over the cell's fields; {@code mapHmac} is HMAC-SHA256 over the header fields and every cell's fields,
 * so a changed, added or removed entry is detected. An offline edit of a data cell shows as a cell whose content
 * differs from its entry's {@code value}/{@code status}, with the map intact.
 */
public final class ProvenanceSheet {
    public static final String SHEET_NAME = "_kostra_proveniens";
    /** The fields of a cell entry, in the order the signature covers them. */
    static final List<String> CELL_COLUMNS = List.of("sheet", "cell", "table", "column", "rowKey", "kind", "indicator",
            "region", "year", "statistic", "value", "status", "formula");
    static final String CHECKSUM = "checksum";
    private static final String CELLS_MARKER = "cells";
    private static final ObjectMapper JSON = new ObjectMapper();
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
            InlineText.set(row.createCell(0), field.getKey());
            InlineText.set(row.createCell(1), field.getValue() == null ? "" : field.getValue());
        }
        r++;
        InlineText.set(sheet.createRow(r++).createCell(0), CELLS_MARKER);
        for (CellProvenance cell : cells) {
            Map<String, String> entry = new LinkedHashMap<>();
            List<String> values = cell.fields();
            for (int c = 0; c < values.size(); c++) {
                entry.put(CELL_COLUMNS.get(c), values.get(c));
            }
            entry.put(CHECKSUM, signer.cellChecksum(line(cell)));
            InlineText.set(sheet.createRow(r++).createCell(0), json(entry));
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
        r += 2; // the empty row and the "cells" marker
        List<CellProvenance> cells = new ArrayList<>();
        List<String> checksums = new ArrayList<>();
        for (; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || row.getCell(0) == null) {
                continue;
            }
            Map<String, String> v = parse(text.formatCellValue(row.getCell(0)), r);
            cells.add(new CellProvenance(v.get("sheet"), v.get("cell"), v.get("table"), v.get("column"), v.get("rowKey"),
                    CellProvenance.Kind.fromCode(v.get("kind")), v.get("indicator"), v.get("region"),
                    Integer.parseInt(v.get("year")), v.get("statistic"), v.get("value"), v.get("status"), v.get("formula")));
            checksums.add(v.get(CHECKSUM));
        }
        return Optional.of(new Provenance(ProvenanceHeader.fromFields(fields), cells, checksums, fields.get("mapHmac")));
    }

    private static String json(Map<String, String> entry) {
        try {
            return JSON.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Provenance entry cannot be written as JSON", e);
        }
    }

    private static Map<String, String> parse(String entry, int row) {
        try {
            return JSON.readValue(entry, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Provenance row " + (row + 1) + " is not a JSON cell entry: " + e.getOriginalMessage(), e);
        }
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
