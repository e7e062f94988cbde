package no.kostra.ingest;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.kostra.errors.InvalidInputException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.Styles;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an xlsx workbook as a table, streaming (POI's SAX event reader), so a large workbook needs
 * little heap. Numbers come as the stored number, not as the cell's display format (a cell shown as "10,9" holding
 * 10.94 reads 10.94); a formula cell reads as its formula, never its cached result. {@link XlsxGuard} checks the
 * package first (zip bomb, duplicate entries, encrypted, not a workbook) and opens it; POI's guards behind it stop a
 * DOCTYPE (XML entities). A row beyond Excel's last row is refused.
 */
final class Xlsx {
    private Xlsx() {
    }

    static boolean looksLikeContainer(byte[] head) {
        return XlsxGuard.looksLikeContainer(head);
    }

    static void read(String file, byte[] bytes, TableVisitor visitor) {
        OPCPackage pkg = XlsxGuard.open(file, bytes);
        try {
            readPackage(file, pkg, visitor);
        } finally {
            pkg.revert();
        }
    }

    private static void readPackage(String file, OPCPackage pkg, TableVisitor visitor) {
        try {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw XlsxGuard.refuse(file, "arbeidsboken har ingen ark");
            }
            try (InputStream sheet = sheets.next()) {
                String sheetName = sheets.getSheetName();
                XMLReader parser = XMLHelper.newXMLReader();
                Rows rows = new Rows(file, sheetName, visitor);
                parser.setContentHandler(new FormulasAsText(reader.getStylesTable(), strings, rows));
                parser.parse(new InputSource(sheet));
            }
        } catch (InvalidInputException e) {
            throw e;
        } catch (Exception e) {
            InvalidInputException fromVisitor = causeOfType(e);
            if (fromVisitor != null) {
                throw fromVisitor;
            }
            throw XlsxGuard.refuse(file, XlsxGuard.why(e));
        }
    }

    private static InvalidInputException causeOfType(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException i) {
                return i;
            }
        }
        return null;
    }

    /**
     * POI's sheet reader, which gives a formula cell's cached result, made to give the formula instead ("=…"): a
     * formula's result is never imported as if it were a figure, and the table's formula check refuses it, naming the
     * cell. A cell of a shared formula holds only a reference to it and reads "=…".
     */
    private static final class FormulasAsText extends XSSFSheetXMLHandler {
        private final Rows rows;
        private final StringBuilder formula = new StringBuilder();
        private int column;
        private boolean hasFormula;
        private boolean inFormula;

        FormulasAsText(Styles styles, SharedStrings strings, Rows rows) {
            super(styles, null, strings, rows, new StoredNumbers(), false);
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if ("c".equals(localName)) {
                String reference = attributes.getValue("r");
                column = reference == null ? rows.nextColumn() : new CellReference(reference).getCol();
                hasFormula = false;
            } else if ("f".equals(localName)) {
                hasFormula = true;
                inFormula = true;
                formula.setLength(0);
            }
            super.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (inFormula) {
                formula.append(ch, start, length);
            }
            super.characters(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if ("f".equals(localName)) {
                inFormula = false;
            } else if ("c".equals(localName) && hasFormula) {
                rows.set(column, "=" + (formula.isEmpty() ? "…" : formula.toString().strip()));
            }
            super.endElement(uri, localName, qName);
        }
    }

    /** Gives numbers as stored (full precision), dates as formatted. */
    private static final class StoredNumbers extends DataFormatter {
        StoredNumbers() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString)) {
                return super.formatRawCellContents(value, formatIndex, formatString);
            }
            return NumberToTextConverter.toText(value);
        }
    }

    /** Collects each row's cells (gaps filled with empty text) and hands the rows on: first non-empty one is the header. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final String file;
        private final String sheet;
        private final TableVisitor visitor;
        private final List<String> cells = new ArrayList<>();
        private List<String> header;

        Rows(String file, String sheet, TableVisitor visitor) {
            this.file = file;
            this.sheet = sheet;
            this.visitor = visitor;
        }

        @Override
        public void startRow(int rowNum) {
            if (rowNum >= ExcelSheet.MAX_ROWS) {
                // rowNum counts from 0
                String where = "ark " + sheet + ", rad " + (rowNum + 1);
                throw new InvalidInputException(file + " " + where + ": " + ExcelSheet.TOO_MANY_ROWS,
                        Map.of("file", file, "where", where, "field", "rows", "limit", ExcelSheet.MAX_ROWS));
            }
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(String::isBlank)) {
                return;
            }
            if (header == null) {
                header = List.copyOf(cells);
                visitor.header(header, (row, column, field) -> "ark " + sheet + ", celle "
                        + CellReference.convertNumToColString(Math.max(0, column)) + row + " (" + field + ")");
                return;
            }
            List<String> row = new ArrayList<>(cells);
            while (row.size() < header.size()) {
                row.add("");
            }
            visitor.row(row, rowNum + 1);
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            set(reference == null ? nextColumn() : new CellReference(reference).getCol(), formattedValue);
        }

        /** The column a cell without a reference (r="…") lands in: the one after the last. */
        int nextColumn() {
            return cells.size();
        }

        void set(int column, String text) {
            while (cells.size() <= column) {
                cells.add("");
            }
            cells.set(column, text == null ? "" : text);
        }
    }
}
