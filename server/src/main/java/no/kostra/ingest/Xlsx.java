package no.kostra.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.kostra.errors.InvalidInputException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an xlsx workbook as a table, streaming (POI's SAX event reader), so a large workbook needs
 * little heap. Numbers come as the stored number, not as the cell's display format (a cell shown as "10,9" holding
 * 10.94 reads 10.94). {@link XlsxGuard} checks the package first (zip bomb, duplicate entries, encrypted, not a
 * workbook); POI's guards behind it stop a DOCTYPE (XML entities).
 */
final class Xlsx {
    private Xlsx() {
    }

    static boolean looksLikeContainer(byte[] head) {
        return XlsxGuard.looksLikeContainer(head);
    }

    static void read(String file, byte[] bytes, TableVisitor visitor) {
        XlsxGuard.check(file, bytes);
        Path temp = null;
        try {
            temp = Files.createTempFile("kostra-import", ".xlsx");
            Files.write(temp, bytes);
            readPackage(file, temp, visitor);
        } catch (IOException e) {
            throw XlsxGuard.refuse(file, XlsxGuard.DAMAGED);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temp file left behind is removed by the OS; the import's outcome does not depend on it
                }
            }
        }
    }

    private static void readPackage(String file, Path path, TableVisitor visitor) {
        try (OPCPackage pkg = OPCPackage.open(path.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw XlsxGuard.refuse(file, "arbeidsboken har ingen ark");
            }
            try (InputStream sheet = sheets.next()) {
                String sheetName = sheets.getSheetName();
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                        new Rows(sheetName, visitor), new StoredNumbers(), false));
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
        private final String sheet;
        private final TableVisitor visitor;
        private final List<String> cells = new ArrayList<>();
        private List<String> header;

        Rows(String sheet, TableVisitor visitor) {
            this.sheet = sheet;
            this.visitor = visitor;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(String::isBlank)) {
                return;
            }
            if (header == null) {
                header = List.copyOf(cells);
                visitor.header(header);
                return;
            }
            List<String> row = new ArrayList<>(cells);
            while (row.size() < header.size()) {
                row.add("");
            }
            int excelRow = rowNum + 1;
            visitor.row(row, (column, field) -> "ark " + sheet + ", celle " + CellReference.convertNumToColString(Math.max(0, column))
                    + excelRow + " (" + field + ")");
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(formattedValue == null ? "" : formattedValue);
        }
    }
}
