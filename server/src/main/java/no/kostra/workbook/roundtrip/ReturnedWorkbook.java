package no.kostra.workbook.roundtrip;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import no.kostra.errors.InvalidInputException;
import no.kostra.ingest.NorwegianNumber;
import no.kostra.ingest.XlsxGuard;
import no.kostra.workbook.CellProvenance;
import no.kostra.workbook.ProfileColumn;
import no.kostra.workbook.ProvenanceSheet;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A workbook that came back: opened safely, read as it is, never recalculated (a formula typed into a data or comment
 * cell is read as its text, "=…", never evaluated). Cells are found again through their table, column header and row key, so rows the
 * person inserted or sorted do not confuse the comparison; a cell whose table is gone is looked up by its address.
 */
public final class ReturnedWorkbook implements AutoCloseable {
    static final String ID_HEADER = ProfileColumn.ID.header();
    static final String COMMENT_HEADER = ProfileColumn.COMMENT.header();

    private final String fileName;
    private final XSSFWorkbook workbook;
    private final DataFormatter formatter = new DataFormatter();
    private final Map<String, TableIndex> tables = new HashMap<>();

    private ReturnedWorkbook(String fileName, XSSFWorkbook workbook) {
        this.fileName = fileName;
        this.workbook = workbook;
    }

    /** Opens an uploaded file; anything that is not a safe, whole xlsx workbook is refused with a message that says why. */
    public static ReturnedWorkbook open(String fileName, byte[] bytes) {
        OPCPackage pkg = XlsxGuard.open(fileName, bytes);
        try {
            return new ReturnedWorkbook(fileName, new XSSFWorkbook(pkg));
        } catch (IOException | RuntimeException e) {
            pkg.revert();
            throw XlsxGuard.refuse(fileName, XlsxGuard.why(e));
        }
    }

    public Optional<ProvenanceSheet.Provenance> provenance() {
        try {
            return ProvenanceSheet.read(workbook);
        } catch (RuntimeException e) {
            throw new InvalidInputException("Proveniensarket i " + fileName + " er endret og kan ikke leses; arbeidsboken kan ikke"
                    + " brukes til å lagre endringer", Map.of("file", fileName));
        }
    }

    /** Everything a person may have changed, beside what the service filled in. */
    public ReadBack readBack(ProvenanceSheet.Provenance provenance) {
        Map<String, String> filledComments = new HashMap<>();
        List<ReturnedCell> cells = new ArrayList<>();
        List<LockedCell> locked = new ArrayList<>();
        Map<String, Set<String>> keysByTable = new HashMap<>();
        Map<String, Set<Integer>> filledRows = new HashMap<>();
        for (CellProvenance p : provenance.cells()) {
            if (p.table() != null && p.rowKey() != null) {
                // a series row's key is indicator|region; its Id column shows the indicator
                keysByTable.computeIfAbsent(p.table(), t -> new HashSet<>()).add(p.rowKey().split("\\|")[0]);
            }
            if (p.kind() == CellProvenance.Kind.COMMENT) {
                filledComments.put(p.rowKey(), p.value());
                continue;
            }
            Cell cell = locate(p).orElse(null);
            if (cell != null && p.table() != null) {
                filledRows.computeIfAbsent(p.table(), t -> new HashSet<>()).add(cell.getRowIndex());
            }
            if (p.kind() == CellProvenance.Kind.FORMULA) {
                String formula = cell != null && cell.getCellType() == CellType.FORMULA ? cell.getCellFormula() : null;
                locked.add(new LockedCell(p.sheet(), address(p, cell), p.indicator(), p.region(), p.year(), p.formula(),
                        formula, cell == null ? "" : formatter.formatCellValue(cell)));
            } else if (p.statistic() == null) {
                cells.add(returned(p, cell));
            } else {
                // a group's published figure is not the municipality's to correct: treat it like a computed cell
                String now = cell == null ? "" : text(cell);
                String filled = p.value() != null ? p.value() : p.status();
                if (!now.equals(filled) && !sameNumber(cell, p.value())) {
                    locked.add(new LockedCell(p.sheet(), address(p, cell), p.indicator(), p.region(), p.year(),
                            "=" + filled, null, now));
                }
            }
        }
        List<ReturnedComment> comments = new ArrayList<>();
        List<AddedRow> added = new ArrayList<>();
        String region = provenance.header().region();
        int year = provenance.header().year();
        for (Map.Entry<String, Set<String>> entry : keysByTable.entrySet()) {
            TableIndex table = table(entry.getKey());
            if (table == null) {
                continue;
            }
            Integer commentColumn = table.columns.get(COMMENT_HEADER);
            for (int r = table.firstDataRow; r <= table.lastDataRow; r++) {
                Row row = table.sheet.getRow(r);
                String key = table.idColumn == null || row == null ? null : text(row.getCell(table.idColumn));
                boolean known = key != null && entry.getValue().contains(key)
                        || filledRows.getOrDefault(entry.getKey(), Set.of()).contains(r);
                if (known && commentColumn != null && key != null) {
                    Cell cell = row.getCell(commentColumn);
                    comments.add(new ReturnedComment(table.sheet.getSheetName(), new CellReference(r, commentColumn).formatAsString(false),
                            key, region, year, filledComments.getOrDefault(key, ""), cell == null ? "" : text(cell)));
                } else if (!known && row != null && hasContent(row, table)) {
                    added.add(new AddedRow(table.sheet.getSheetName(), new CellReference(r, table.firstColumn).formatAsString(false),
                            table.name, rowText(row, table)));
                }
            }
        }
        return new ReadBack(cells, comments, locked, added);
    }

    private boolean sameNumber(Cell cell, String filled) {
        if (cell == null || filled == null || cell.getCellType() != CellType.NUMERIC) {
            return false;
        }
        return Double.compare(cell.getNumericCellValue(), Double.parseDouble(filled)) == 0;
    }

    private ReturnedCell returned(CellProvenance p, Cell cell) {
        Double filledValue = p.value() == null ? null : Double.valueOf(p.value());
        String address = address(p, cell);
        if (cell == null) {
            return new ReturnedCell(p.sheet(), address, p.indicator(), p.region(), p.year(), filledValue, p.status(), "", null, null);
        }
        return switch (cell.getCellType()) {
            case FORMULA -> new ReturnedCell(p.sheet(), address, p.indicator(), p.region(), p.year(), filledValue, p.status(),
                    "=" + cell.getCellFormula(), null, cell.getCellFormula());
            case NUMERIC -> new ReturnedCell(p.sheet(), address, p.indicator(), p.region(), p.year(), filledValue, p.status(),
                    CellProvenance.canonical(cell.getNumericCellValue()), cell.getNumericCellValue(), null);
            default -> {
                String text = text(cell);
                OptionalDouble number = text.isEmpty() || text.startsWith("=") ? OptionalDouble.empty() : NorwegianNumber.parse(text);
                yield new ReturnedCell(p.sheet(), address, p.indicator(), p.region(), p.year(), filledValue, p.status(),
                        text, number.isPresent() ? number.getAsDouble() : null, null);
            }
        };
    }

    private String address(CellProvenance p, Cell cell) {
        return cell == null ? p.cell() : new CellReference(cell.getRowIndex(), cell.getColumnIndex()).formatAsString(false);
    }

    /** The cell by table, header and row key; by its address when the table or row is gone. */
    private Optional<Cell> locate(CellProvenance p) {
        TableIndex table = p.table() == null ? null : table(p.table());
        if (table != null && p.column() != null && table.columns.containsKey(p.column()) && table.uniqueRows.containsKey(p.rowKey())) {
            Row row = table.sheet.getRow(table.uniqueRows.get(p.rowKey()));
            return Optional.ofNullable(row == null ? null : row.getCell(table.columns.get(p.column())));
        }
        XSSFSheet sheet = workbook.getSheet(p.sheet());
        if (sheet == null) {
            return Optional.empty();
        }
        CellReference ref = new CellReference(p.cell());
        Row row = sheet.getRow(ref.getRow());
        return Optional.ofNullable(row == null ? null : row.getCell(ref.getCol()));
    }

    private TableIndex table(String name) {
        return tables.computeIfAbsent(name, n -> {
            XSSFTable table = workbook.getTable(n);
            return table == null ? null : new TableIndex(table, formatter);
        });
    }

    private boolean hasContent(Row row, TableIndex table) {
        for (int c = table.firstColumn; c <= table.lastColumn; c++) {
            Cell cell = row.getCell(c);
            if (cell != null && !text(cell).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private String rowText(Row row, TableIndex table) {
        List<String> parts = new ArrayList<>();
        for (int c = table.firstColumn; c <= table.lastColumn; c++) {
            Cell cell = row.getCell(c);
            if (cell != null && !text(cell).isEmpty()) {
                parts.add(text(cell));
            }
        }
        return String.join(" | ", parts);
    }

    /** A cell's content as text; a formula as its text, never its evaluated value. */
    private String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return "=" + cell.getCellFormula();
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return CellProvenance.canonical(cell.getNumericCellValue());
        }
        return formatter.formatCellValue(cell).strip();
    }

    @Override
    public void close() throws IOException {
        // read-only: the package is let go, never saved (closing it would try to write it back)
        workbook.getPackage().revert();
    }

    /** What a returned workbook holds, beside what was filled. */
    public record ReadBack(List<ReturnedCell> cells, List<ReturnedComment> comments, List<LockedCell> locked,
                           List<AddedRow> addedRows) {
        public ReadBack {
            cells = List.copyOf(cells);
            comments = List.copyOf(comments);
            locked = List.copyOf(locked);
            addedRows = List.copyOf(addedRows);
        }

        public List<Edit> edits() {
            return EditFinder.find(cells, comments, locked, addedRows);
        }
    }

    /** A table's header columns and its rows by key (the Id column), as the person left them. */
    private static final class TableIndex {
        final String name;
        final XSSFSheet sheet;
        final int firstColumn;
        final int lastColumn;
        final int firstDataRow;
        final int lastDataRow;
        final Map<String, Integer> columns = new HashMap<>();
        final Map<String, Integer> uniqueRows = new HashMap<>();
        final Integer idColumn;

        TableIndex(XSSFTable table, DataFormatter formatter) {
            this.name = table.getName();
            this.sheet = table.getXSSFSheet();
            this.firstColumn = table.getStartColIndex();
            this.lastColumn = table.getEndColIndex();
            int headerRow = table.getStartRowIndex();
            this.firstDataRow = headerRow + table.getHeaderRowCount();
            this.lastDataRow = table.getEndRowIndex() - table.getTotalsRowCount();
            Row header = sheet.getRow(headerRow);
            for (int c = firstColumn; header != null && c <= lastColumn; c++) {
                Cell cell = header.getCell(c);
                if (cell != null) {
                    columns.putIfAbsent(formatter.formatCellValue(cell).strip(), c);
                }
            }
            this.idColumn = columns.get(ID_HEADER);
            Set<String> duplicates = new HashSet<>();
            for (int r = firstDataRow; idColumn != null && r <= lastDataRow; r++) {
                Row row = sheet.getRow(r);
                Cell cell = row == null ? null : row.getCell(idColumn);
                String key = cell == null ? "" : formatter.formatCellValue(cell).strip();
                if (!key.isEmpty() && uniqueRows.put(key, r) != null) {
                    duplicates.add(key);
                }
            }
            duplicates.forEach(uniqueRows::remove);
        }
    }
}
