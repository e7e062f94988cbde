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
import org.apache.poi.openxml4j.util.ZipSecureFile;
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
 * 10.94 reads 10.94). POI's guards stay on and are tightened: a suspicious compression ratio (zip bomb), an oversized
 * entry or a DOCTYPE (XML entities) stops the read.
 */
final class Xlsx {
    private static final long MAX_ENTRY_BYTES = 200L * 1024 * 1024;
    private static final double MIN_INFLATE_RATIO = 0.01;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    private Xlsx() {
    }

    static boolean looksLikeContainer(byte[] head) {
        return isZip(head) || isOle2(head);
    }

    private static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    private static boolean isOle2(byte[] b) {
        return b.length >= 4 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11 && (b[3] & 0xFF) == 0xE0;
    }

    static void read(String file, byte[] bytes, TableVisitor visitor) {
        if (isOle2(bytes)) {
            throw refuse(file, "filen er passordbeskyttet (kryptert) eller i det gamle .xls-formatet; lagre den som"
                    + " en vanlig .xlsx-arbeidsbok uten passord");
        }
        if (!isZip(bytes)) {
            throw refuse(file, "filen er ikke en xlsx-arbeidsbok (den begynner ikke som en ZIP-pakke)");
        }
        Path temp = null;
        try {
            temp = Files.createTempFile("kostra-import", ".xlsx");
            Files.write(temp, bytes);
            readPackage(file, temp, visitor);
        } catch (IOException e) {
            throw refuse(file, "filen kan ikke leses: " + e.getMessage());
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
                throw refuse(file, "arbeidsboken har ingen ark");
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
            throw refuse(file, classify(e));
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

    /** Says which guard stopped the read, in the user's words. */
    private static String classify(Exception e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(' ').append(t.getMessage());
        }
        String text = all.toString().toLowerCase(Locale.ROOT);
        if (text.contains("zip bomb") || text.contains("max. ratio") || text.contains("exceed")) {
            return "filen ser ut som en zip-bombe (pakker ut til langt mer enn den fyller); den leses ikke";
        }
        if (text.contains("doctype") || text.contains("entit")) {
            return "arbeidsboken inneholder XML-deklarasjoner (DOCTYPE/entiteter), som ikke er tillatt";
        }
        return "filen er skadet, avkuttet eller ikke en xlsx-arbeidsbok";
    }

    private static InvalidInputException refuse(String file, String problem) {
        return new InvalidInputException(file + ": " + problem, Map.of("file", file, "field", "xlsx"));
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
