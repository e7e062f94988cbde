package no.kostra.workbook;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
 * A: the cell map (see below)
 * </pre>
 * Format {@value #FORMAT}, written now: each row below the marker holds a JSON array of entries, as many as fit in
 * {@value #MAX_CELL_CHARS} characters (Excel keeps at most 32 767 in a cell); an entry is an array of the
 * {@link #CELL_COLUMNS} values and its checksum. A few large cells instead of one per entry keep the fill fast.
 * {@code checksum} is the first 16 hex digits of HMAC-SHA256 over the entry's fields; {@code mapHmac} is HMAC-SHA256
 * over the header fields, {@code cellCount} and every entry's fields, so a changed, added or removed entry, or a changed
 * count, is detected. Format {@value #FORMAT_V2} (until December 2026) is the same but signed without the count, and
 * format {@value #FORMAT_V1} (until November 2026) holds one JSON object per row with the field names as keys; both are
 * still read, and a count that is not their number of (signed) entries makes them not intact. An offline edit of a data
 * cell shows as a cell whose content differs from its entry's {@code value}/{@code status}, with the map intact.
 */
public final class ProvenanceSheet {
    public static final String SHEET_NAME = "_kostra_proveniens";
    public static final String FORMAT = "kostra-proveniens/3";
    public static final String FORMAT_V2 = "kostra-proveniens/2";
    public static final String FORMAT_V1 = "kostra-proveniens/1";
    private static final String CELL_COUNT = "cellCount";
    static final int MAX_CELL_CHARS = 30_000;
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

    /**
     * What a provenance sheet says, as read back.
     *
     * @param cellCount the count as the sheet gives it, or null where it gives none
     */
    public record Provenance(String format, ProvenanceHeader header, List<CellProvenance> cells, List<String> checksums,
                             String cellCount, String mapHmac) {
        public Provenance {
            cells = List.copyOf(cells);
            checksums = List.copyOf(checksums);
        }

        /** True when the map is exactly as the service signed it, and its count is its number of entries. */
        public boolean isIntact(ProvenanceSigner signer) {
            return (cellCount == null || cellCount.equals(Integer.toString(cells.size())))
                    && signer.matches(canonical(format, header, cells, cellCount), mapHmac);
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
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("format", FORMAT);
        fields.putAll(header.fields());
        fields.put(CELL_COUNT, Integer.toString(cells.size()));
        fields.put("mapHmac", signer.sign(canonical(FORMAT, header, cells, Integer.toString(cells.size()))));
        int r = 0;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            XSSFRow row = sheet.createRow(r++);
            InlineText.set(row.createCell(0), field.getKey());
            InlineText.set(row.createCell(1), field.getValue() == null ? "" : field.getValue());
        }
        r++;
        InlineText.set(sheet.createRow(r++).createCell(0), CELLS_MARKER);
        StringBuilder chunk = new StringBuilder();
        EntryWriter entries = new EntryWriter();
        for (int i = 0; i < cells.size(); i++) {
            String json = entries.json(cells.get(i).fields(), signer.cellChecksum(line(cells.get(i))));
            if (chunk.length() > 0 && chunk.length() + json.length() + 2 > MAX_CELL_CHARS) {
                InlineText.set(sheet.createRow(r++).createCell(0), chunk.append(']').toString());
                chunk.setLength(0);
            }
            chunk.append(chunk.length() == 0 ? '[' : ',').append(json);
        }
        if (chunk.length() > 0) {
            InlineText.set(sheet.createRow(r).createCell(0), chunk.append(']').toString());
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
        return Optional.of(read(new SheetText() {
            @Override
            public String text(int row, int column) {
                Row r = sheet.getRow(row);
                return r == null || r.getCell(column) == null ? null : text.formatCellValue(r.getCell(column));
            }

            @Override
            public int lastRow() {
                return sheet.getLastRowNum();
            }
        }));
    }

    /** The provenance sheet's cells as text, however they were read (null where a row or cell is missing). */
    public interface SheetText {
        String text(int row, int column);

        int lastRow();
    }

    /** Reads the provenance from the text of its sheet's cells. */
    public static Provenance read(SheetText sheet) {
        Map<String, String> fields = new LinkedHashMap<>();
        int r = 0;
        for (; r <= sheet.lastRow(); r++) {
            String key = sheet.text(r, 0);
            if (key == null) {
                break;
            }
            String value = sheet.text(r, 1);
            fields.put(key, value == null ? "" : value);
        }
        String format = fields.remove("format");
        if (!FORMAT.equals(format) && !FORMAT_V2.equals(format) && !FORMAT_V1.equals(format)) {
            throw new IllegalArgumentException("Provenance format is '" + format + "', expected " + FORMAT + ", " + FORMAT_V2
                    + " or " + FORMAT_V1);
        }
        r += 2; // the empty row and the "cells" marker
        List<CellProvenance> cells = new ArrayList<>();
        List<String> checksums = new ArrayList<>();
        for (; r <= sheet.lastRow(); r++) {
            String cell = sheet.text(r, 0);
            if (cell == null) {
                continue;
            }
            List<List<String>> entries = FORMAT_V1.equals(format) ? List.of(entryOfObject(cell, r)) : entries(cell, r);
            for (List<String> entry : entries) {
                cells.add(cellOf(entry));
                checksums.add(entry.get(CELL_COLUMNS.size()));
            }
        }
        String mapHmac = fields.get("mapHmac");
        return new Provenance(format, ProvenanceHeader.fromFields(fields), cells, checksums, fields.get(CELL_COUNT), mapHmac);
    }

    private static CellProvenance cellOf(List<String> v) {
        return new CellProvenance(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), CellProvenance.Kind.fromCode(v.get(5)),
                v.get(6), v.get(7), Integer.parseInt(v.get(8)), v.get(9), v.get(10), v.get(11), v.get(12));
    }

    /** Writes entries as JSON arrays of their fields and checksum, one generator for a whole map. */
    private static final class EntryWriter {
        private final StringWriter text = new StringWriter(512);
        private final JsonGenerator json;

        EntryWriter() {
            try {
                json = JSON.getFactory().createGenerator(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            json.setRootValueSeparator(null);
        }

        String json(List<String> fields, String checksum) {
            text.getBuffer().setLength(0);
            try {
                json.writeStartArray();
                for (String field : fields) {
                    json.writeString(field);
                }
                json.writeString(checksum);
                json.writeEndArray();
                json.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("A provenance entry cannot be written as JSON", e);
            }
            return text.toString();
        }
    }

    /** A row of format 2: entries as arrays of the cell columns and the checksum. */
    private static List<List<String>> entries(String json, int row) {
        // streamed, not bound: a map of 10 000 entries is read on every returned workbook
        List<List<String>> entries = new ArrayList<>();
        try (JsonParser parser = JSON.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw notEntries(row, "expected a list");
            }
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                if (t != JsonToken.START_ARRAY) {
                    throw notEntries(row, "expected an entry, found " + t);
                }
                List<String> entry = new ArrayList<>(CELL_COLUMNS.size() + 1);
                for (JsonToken v = parser.nextToken(); v != JsonToken.END_ARRAY; v = parser.nextToken()) {
                    if (v != JsonToken.VALUE_STRING && v != JsonToken.VALUE_NULL) {
                        throw notEntries(row, "expected a text or null, found " + v);
                    }
                    entry.add(v == JsonToken.VALUE_NULL ? null : parser.getText());
                }
                if (entry.size() != CELL_COLUMNS.size() + 1) {
                    throw new IllegalArgumentException("Provenance row " + (row + 1) + " has an entry with " + entry.size()
                            + " fields, expected " + (CELL_COLUMNS.size() + 1));
                }
                entries.add(entry);
            }
        } catch (IOException | NullPointerException e) {
            // a cut-short list ends in no token at all
            throw notEntries(row, e.getMessage());
        }
        return entries;
    }

    private static IllegalArgumentException notEntries(int row, String why) {
        return new IllegalArgumentException("Provenance row " + (row + 1) + " is not a JSON list of cell entries: " + why);
    }

    /** A row of format 1: one entry as a JSON object keyed by field name. */
    private static List<String> entryOfObject(String json, int row) {
        Map<String, String> fields;
        try {
            fields = JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Provenance row " + (row + 1) + " is not a JSON cell entry: " + e.getOriginalMessage(), e);
        }
        List<String> entry = new ArrayList<>();
        CELL_COLUMNS.forEach(column -> entry.add(fields.get(column)));
        entry.add(fields.get(CHECKSUM));
        return entry;
    }

    /** The text a map's signature covers: the format, the header fields, the count from format 3 on, every entry's line. */
    static String canonical(String format, ProvenanceHeader header, List<CellProvenance> cells, String cellCount) {
        StringBuilder s = new StringBuilder(128 * (cells.size() + 16));
        s.append("format").append(FIELD).append(format).append(LINE);
        header.fields().forEach((k, v) -> s.append(k).append(FIELD).append(v == null ? "" : v).append(LINE));
        if (FORMAT.equals(format)) {
            s.append(CELL_COUNT).append(FIELD).append(cellCount == null ? "" : cellCount).append(LINE);
        }
        for (CellProvenance cell : cells) {
            appendLine(s, cell).append(LINE);
        }
        return s.toString();
    }

    /** One entry's line, as its own checksum covers it. */
    static String line(CellProvenance cell) {
        return appendLine(new StringBuilder(), cell).toString();
    }

    private static StringBuilder appendLine(StringBuilder s, CellProvenance cell) {
        for (String field : cell.fields()) {
            s.append(field == null ? "" : field).append(FIELD);
        }
        return s;
    }
}
