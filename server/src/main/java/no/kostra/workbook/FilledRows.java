package no.kostra.workbook;

import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The data rows of a sheet's filled tables, kept out of POI's model: building hundreds of cells as XMLBeans objects
 * and serialising them again was the larger part of a fill. Each range of rows is written as sheet XML by
 * {@link #xml} and put in place of the one empty row POI writes where it begins (see {@link SheetSplicer}). Cells the
 * template had in these rows (beside a table, or in a column of a table the filler does not know) are taken over as
 * they were, unless the filler writes the same cell.
 */
final class FilledRows {
    /** A cell as it is written. {@code style} is the workbook's cell style, by its index in styles.xml. */
    sealed interface Cell {
        XSSFCellStyle style();
    }

    record Number(XSSFCellStyle style, double value) implements Cell {
    }

    record Text(XSSFCellStyle style, String text) implements Cell {
    }

    /** A live formula with its cached result: a number, or else text (the status symbol). */
    record Formula(XSSFCellStyle style, String formula, Double number, String text) implements Cell {
    }

    record Blank(XSSFCellStyle style) implements Cell {
    }

    /** A cell of the template kept as it was: its XML type code and value. */
    record Kept(XSSFCellStyle style, String type, String value) implements Cell {
    }

    private static final class Row {
        private Float height;
        private final TreeMap<Integer, Cell> cells = new TreeMap<>();
    }

    private final XSSFSheet sheet;
    private final TreeMap<Integer, Row> rows = new TreeMap<>();
    /** The row ranges taken over, first row → last row; POI keeps an empty row at each first row. */
    private final TreeMap<Integer, Integer> ranges = new TreeMap<>();

    FilledRows(XSSFSheet sheet) {
        this.sheet = sheet;
    }

    /**
     * Takes the sheet rows {@code firstRow..lastRow} (0-based, inclusive) of a table over from POI: their cells become
     * this object's, except the table's own cells ({@code tableFirstColumn..tableLastColumn}) in rows after
     * {@code keepTableCellsTo}. Tables side by side share rows; a range overlapping one taken before joins it.
     */
    void takeOver(int firstRow, int lastRow, int keepTableCellsTo, int tableFirstColumn, int tableLastColumn) {
        for (int r = firstRow; r <= lastRow; r++) {
            boolean owned = has(r);
            if (owned && r > keepTableCellsTo && rows.containsKey(r)) {
                rows.get(r).cells.subMap(tableFirstColumn, true, tableLastColumn, true).clear();
            }
            XSSFRow template = sheet.getRow(r);
            if (owned || template == null) {
                continue;
            }
            for (org.apache.poi.ss.usermodel.Cell each : template) {
                XSSFCell cell = (XSSFCell) each;
                boolean inTable = cell.getColumnIndex() >= tableFirstColumn && cell.getColumnIndex() <= tableLastColumn;
                if (r <= keepTableCellsTo || !inTable) {
                    rows.computeIfAbsent(r, k -> new Row()).cells.put(cell.getColumnIndex(), kept(cell));
                }
            }
            if (template.getCTRow().isSetHt() && template.getCTRow().getCustomHeight()) {
                rows.computeIfAbsent(r, k -> new Row()).height = template.getHeightInPoints();
            }
            sheet.removeRow(template);
        }
        int first = firstRow;
        int last = lastRow;
        for (var overlapping = ranges.floorEntry(last + 1); overlapping != null && overlapping.getValue() >= first - 1;
             overlapping = ranges.floorEntry(last + 1)) {
            ranges.remove(overlapping.getKey());
            sheet.removeRow(sheet.getRow(overlapping.getKey()));
            first = Math.min(first, overlapping.getKey());
            last = Math.max(last, overlapping.getValue());
        }
        ranges.put(first, last);
        sheet.createRow(first);
    }

    void put(int row, int column, Cell cell) {
        row(row).cells.put(column, cell);
    }

    Cell get(int row, int column) {
        Row r = rows.get(row);
        return r == null ? null : r.cells.get(column);
    }

    Map<Integer, Cell> cells(int row) {
        Row r = rows.get(row);
        return r == null ? Map.of() : r.cells;
    }

    void height(int row, float points) {
        row(row).height = points;
    }

    /** Lowest and highest column with a cell, or null when there is none. */
    int[] columnSpan() {
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (Row row : rows.values()) {
            if (!row.cells.isEmpty()) {
                first = Math.min(first, row.cells.firstKey());
                last = Math.max(last, row.cells.lastKey());
            }
        }
        return last < 0 ? null : new int[] {first, last};
    }

    private Row row(int row) {
        if (!has(row)) {
            throw new IllegalArgumentException("Row " + (row + 1) + " of " + sheet.getSheetName() + " is not a filled row");
        }
        return rows.computeIfAbsent(row, r -> new Row());
    }

    /** Whether the row is one of the filled rows (whose content this object has, not POI). */
    boolean has(int row) {
        var range = ranges.floorEntry(row);
        return range != null && range.getValue() >= row;
    }

    /** The taken-over ranges, first row → last row. */
    Map<Integer, Integer> ranges() {
        return java.util.Collections.unmodifiableMap(ranges);
    }

    /** The rows of one range as sheet XML (the main namespace is the default one, as POI writes a sheet). */
    String xml(int firstRow, int lastRow) {
        StringBuilder xml = new StringBuilder(rows.size() * 1024);
        for (Map.Entry<Integer, Row> entry : rows.subMap(firstRow, true, lastRow, true).entrySet()) {
            Row row = entry.getValue();
            xml.append("<row r=\"").append(entry.getKey() + 1).append('"');
            if (row.height != null) {
                xml.append(" ht=\"").append(row.height).append("\" customHeight=\"1\"");
            }
            xml.append('>');
            for (Map.Entry<Integer, Cell> cell : row.cells.entrySet()) {
                cell(xml, CellReference.convertNumToColString(cell.getKey()) + (entry.getKey() + 1), cell.getValue());
            }
            xml.append("</row>");
        }
        return xml.toString();
    }

    private static void cell(StringBuilder xml, String address, Cell cell) {
        xml.append("<c r=\"").append(address).append("\" s=\"").append(cell.style().getIndex()).append('"');
        if (cell instanceof Number n) {
            xml.append("><v>").append(n.value()).append("</v></c>");
        } else if (cell instanceof Text t) {
            xml.append(" t=\"inlineStr\"><is><t");
            if (!t.text().equals(t.text().strip())) {
                xml.append(" xml:space=\"preserve\"");
            }
            xml.append('>');
            PartXml.escape(xml, t.text());
            xml.append("</t></is></c>");
        } else if (cell instanceof Formula f) {
            xml.append(f.number() != null ? "><f>" : CellWriter.NOT_PLOTTED.equals(f.text()) ? " t=\"e\"><f>" : " t=\"str\"><f>");
            PartXml.escape(xml, f.formula());
            xml.append("</f><v>");
            if (f.number() == null) {
                PartXml.escape(xml, f.text());
            } else {
                xml.append(f.number().doubleValue());
            }
            xml.append("</v></c>");
        } else if (cell instanceof Kept k && k.value() != null) {
            xml.append(" t=\"").append(k.type()).append("\"><v>");
            PartXml.escape(xml, k.value());
            xml.append("</v></c>");
        } else {
            xml.append("/>");
        }
    }

    /** A template cell as this fill writes it back: numbers, text, formulas with their cached value, the rest. */
    private static Cell kept(XSSFCell cell) {
        XSSFCellStyle style = cell.getCellStyle();
        return switch (cell.getCellType()) {
            case NUMERIC -> new Number(style, cell.getNumericCellValue());
            case STRING -> new Text(style, cell.getStringCellValue());
            case FORMULA -> cell.getCachedFormulaResultType() == CellType.NUMERIC
                    ? new Formula(style, cell.getCellFormula(), cell.getNumericCellValue(), null)
                    : new Formula(style, cell.getCellFormula(), null, cachedText(cell));
            case BOOLEAN -> new Kept(style, "b", cell.getBooleanCellValue() ? "1" : "0");
            case ERROR -> new Kept(style, "e", FormulaError.forInt(cell.getErrorCellValue()).getString());
            default -> new Blank(style);
        };
    }

    private static String cachedText(XSSFCell cell) {
        return switch (cell.getCachedFormulaResultType()) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue()).toUpperCase(java.util.Locale.ROOT);
            case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
            default -> "";
        };
    }
}
