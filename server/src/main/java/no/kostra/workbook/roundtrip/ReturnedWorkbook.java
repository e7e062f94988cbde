package no.kostra.workbook.roundtrip;

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
import no.kostra.workbook.CellProvenance;
import no.kostra.workbook.ProfileColumn;
import no.kostra.workbook.ProvenanceSheet;

/**
 * A workbook that came back: opened safely, streamed part by part (only the sheets that hold filled tables, only the
 * cells that matter), read as it is and never recalculated (a formula typed into a data or comment cell is read as its
 * text, "=…", never evaluated). Cells are found again through their table, column header and row key, so rows the
 * person inserted or sorted, and sheets moved or renamed, do not confuse the comparison; a computed cell is unchanged
 * while its formula means what it meant ({@link FormulaMeaning}); a cell whose table is gone is looked up by its address.
 */
public final class ReturnedWorkbook implements AutoCloseable {
    static final String COMMENT_HEADER = ProfileColumn.COMMENT.header();

    private final String fileName;
    private final WorkbookParts parts;
    private final Formulas formulas = new Formulas();

    private ReturnedWorkbook(String fileName, WorkbookParts parts) {
        this.fileName = fileName;
        this.parts = parts;
    }

    /** Opens an uploaded file; anything that is not a safe, whole xlsx workbook is refused with a message that says why. */
    public static ReturnedWorkbook open(String fileName, byte[] bytes) {
        return new ReturnedWorkbook(fileName, WorkbookParts.open(fileName, bytes));
    }

    public Optional<ProvenanceSheet.Provenance> provenance() {
        if (parts.sheetPart(ProvenanceSheet.SHEET_NAME).isEmpty()) {
            return Optional.empty();
        }
        SheetCells cells = new SheetReader(parts, formulas, ProvenanceSheet.SHEET_NAME).read((row, column) -> column <= 1);
        try {
            return Optional.of(ProvenanceSheet.read(new ProvenanceSheet.SheetText() {
                @Override
                public String text(int row, int column) {
                    SheetCell cell = cells.get(row, column);
                    return cell == null ? null : cell.shown();
                }

                @Override
                public int lastRow() {
                    return cells.lastRow();
                }
            }));
        } catch (RuntimeException e) {
            throw new InvalidInputException("Proveniensarket i " + fileName + " er endret og kan ikke leses; arbeidsboken kan ikke"
                    + " brukes til å lagre endringer", Map.of("file", fileName));
        }
    }

    /** Everything a person may have changed, beside what the service filled in. */
    public ReadBack readBack(ProvenanceSheet.Provenance provenance) {
        Map<String, FilledTable> filled = FilledTable.of(provenance.cells());
        Map<String, SheetCells> sheets = readSheets(provenance, filled);
        Map<String, LocatedTable> located = new HashMap<>();
        filled.forEach((name, table) -> {
            TablePart part = parts.tables().get(name);
            if (part != null) {
                located.put(name, LocatedTable.locate(part, table, sheets.get(part.sheet())));
            }
        });
        return new Comparison(provenance, filled, sheets, located).readBack();
    }

    /** Streams each sheet that holds a filled table or a cell mapped by address, keeping only those cells. */
    private Map<String, SheetCells> readSheets(ProvenanceSheet.Provenance provenance, Map<String, FilledTable> filled) {
        Map<String, List<int[]>> columnSpans = new HashMap<>();
        Map<String, Set<Long>> addresses = new HashMap<>();
        for (FilledTable table : filled.values()) {
            TablePart part = parts.tables().get(table.name);
            if (part != null) {
                columnSpans.computeIfAbsent(part.sheet(), s -> new ArrayList<>()).add(new int[] {part.firstColumn(), part.lastColumn()});
            }
        }
        for (CellProvenance p : provenance.cells()) {
            CellAddress at = CellAddress.parse(p.cell());
            if (at != null && (p.table() == null || !parts.tables().containsKey(p.table()))) {
                addresses.computeIfAbsent(p.sheet(), s -> new HashSet<>()).add(key(at.row(), at.column()));
            }
        }
        Set<String> names = new HashSet<>(columnSpans.keySet());
        names.addAll(addresses.keySet());
        Map<String, SheetCells> sheets = new HashMap<>();
        for (String sheet : names) {
            List<int[]> spans = columnSpans.getOrDefault(sheet, List.of());
            Set<Long> cells = addresses.getOrDefault(sheet, Set.of());
            sheets.put(sheet, new SheetReader(parts, formulas, sheet).read((row, column) -> {
                for (int[] span : spans) {
                    if (column >= span[0] && column <= span[1]) {
                        return true;
                    }
                }
                return cells.contains(key(row, column));
            }));
        }
        return sheets;
    }

    private static long key(int row, int column) {
        return (long) row << 16 | column;
    }

    @Override
    public void close() {
        parts.close();
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

    /** Where a mapped cell is now: its sheet and place, and the cell (null when it holds nothing). */
    private record Found(String sheet, int row, int column, SheetCell cell) {
        String address() {
            return CellAddress.format(row, column);
        }
    }

    /** One comparison of the returned cells with the provenance map. */
    private final class Comparison {
        private final ProvenanceSheet.Provenance provenance;
        private final Map<String, FilledTable> filled;
        private final Map<String, SheetCells> sheets;
        private final Map<String, LocatedTable> located;
        private final FormulaMeaning.Geometry asFilled;
        private final FormulaMeaning.Geometry asReturned;

        Comparison(ProvenanceSheet.Provenance provenance, Map<String, FilledTable> filled, Map<String, SheetCells> sheets,
                   Map<String, LocatedTable> located) {
            this.provenance = provenance;
            this.filled = filled;
            this.sheets = sheets;
            this.located = located;
            this.asFilled = geometry(filled.values().stream().map(t -> (Lookup) (sheet, row, column) ->
                    sheet.equals(t.sheet) ? t.cellAt(row, column) : null).toList(), Map.of());
            Map<String, String> renamed = new HashMap<>();
            located.values().forEach(t -> renamed.putIfAbsent(t.part.sheet(), t.filled.sheet));
            this.asReturned = geometry(located.values().stream().map(t -> (Lookup) (sheet, row, column) ->
                    sheet.equals(t.part.sheet()) ? t.cellAt(row, column) : null).toList(), renamed);
        }

        ReadBack readBack() {
            Map<String, String> filledComments = new HashMap<>();
            List<ReturnedCell> cells = new ArrayList<>();
            List<LockedCell> locked = new ArrayList<>();
            for (CellProvenance p : provenance.cells()) {
                if (p.kind() == CellProvenance.Kind.COMMENT) {
                    filledComments.put(p.rowKey(), p.value());
                    continue;
                }
                Found found = find(p);
                String sheet = found == null ? p.sheet() : found.sheet();
                SheetCell cell = found == null ? null : found.cell();
                if (p.kind() == CellProvenance.Kind.FORMULA) {
                    if (!sameFormula(p, found)) {
                        locked.add(new LockedCell(sheet, address(p, found), p.indicator(), p.region(), p.year(), p.formula(),
                                cell != null && cell.type() == SheetCell.Type.FORMULA ? cell.formula() : null,
                                cell == null ? "" : cell.shown()));
                    }
                } else if (p.statistic() == null) {
                    ReturnedCell returned = returned(p, sheet, p.cell(), cell);
                    // where the cell is now is spelled out only for the few a person changed
                    cells.add(returned.unchanged() ? returned : returned(p, sheet, address(p, found), cell));
                } else {
                    // a group's published figure is not the municipality's to correct: treat it like a computed cell
                    String now = cell == null ? "" : cell.content();
                    String filledText = p.value() != null ? p.value() : p.status();
                    if (!now.equals(filledText) && !sameNumber(cell, p.value())) {
                        locked.add(new LockedCell(sheet, address(p, found), p.indicator(), p.region(), p.year(), "=" + filledText,
                                null, now));
                    }
                }
            }
            List<ReturnedComment> comments = new ArrayList<>();
            List<AddedRow> added = new ArrayList<>();
            for (LocatedTable table : located.values()) {
                Integer commentColumn = table.column(COMMENT_HEADER);
                for (FilledTable.Row row : commentColumn == null ? List.<FilledTable.Row>of() : table.filled.rowsInOrder()) {
                    Integer now = table.rowOf(row.key());
                    if (now != null) {
                        comments.add(new ReturnedComment(table.part.sheet(), CellAddress.format(now, commentColumn), row.id(),
                                provenance.header().region(), provenance.header().year(), filledComments.getOrDefault(row.key(), ""),
                                table.cells.content(now, commentColumn)));
                    }
                }
                for (int r : table.addedRows()) {
                    added.add(new AddedRow(table.part.sheet(), CellAddress.format(r, table.part.firstColumn()), table.part.name(),
                            table.rowText(r)));
                }
            }
            return new ReadBack(cells, comments, locked, added);
        }

        private static String address(CellProvenance p, Found found) {
            return found == null ? p.cell() : found.address();
        }

        /** The cell by table, header and row key; by its address when its table is gone. */
        private Found find(CellProvenance p) {
            LocatedTable table = p.table() == null ? null : located.get(p.table());
            if (table != null) {
                Integer row = table.rowOf(p.rowKey());
                Integer column = p.column() == null ? null : table.column(p.column());
                return row == null || column == null ? null : new Found(table.part.sheet(), row, column, table.cells.get(row, column));
            }
            CellAddress at = CellAddress.parse(p.cell());
            SheetCells cells = sheets.get(p.sheet());
            if (at == null || cells == null || parts.sheetPart(p.sheet()).isEmpty()) {
                return null;
            }
            return new Found(p.sheet(), at.row(), at.column(), cells.get(at.row(), at.column()));
        }

        private boolean sameFormula(CellProvenance p, Found found) {
            CellAddress filledAt = CellAddress.parse(p.cell());
            if (found == null || found.cell() == null || found.cell().type() != SheetCell.Type.FORMULA || filledAt == null) {
                return false;
            }
            return FormulaMeaning.same(formulas, p.formula(), new FormulaMeaning.Place(p.sheet(), filledAt.row(), filledAt.column()),
                    asFilled, found.cell().formula(), new FormulaMeaning.Place(found.sheet(), found.row(), found.column()), asReturned);
        }

        private ReturnedCell returned(CellProvenance p, String sheet, String address, SheetCell cell) {
            Double filledValue = p.value() == null ? null : Double.valueOf(p.value());
            if (cell == null) {
                return new ReturnedCell(sheet, address, p.indicator(), p.region(), p.year(), filledValue, p.status(), "", null, null);
            }
            return switch (cell.type()) {
                case FORMULA -> new ReturnedCell(sheet, address, p.indicator(), p.region(), p.year(), filledValue, p.status(),
                        cell.content(), null, cell.formula());
                // the filled value's text is its canonical form already: only a changed number is spelled out anew
                case NUMBER -> new ReturnedCell(sheet, address, p.indicator(), p.region(), p.year(), filledValue, p.status(),
                        filledValue != null && Double.compare(filledValue, cell.number()) == 0 ? p.value() : cell.content(),
                        cell.number(), null);
                case TEXT -> {
                    String text = cell.content();
                    OptionalDouble number = text.isEmpty() || text.startsWith("=") ? OptionalDouble.empty() : NorwegianNumber.parse(text);
                    yield new ReturnedCell(sheet, address, p.indicator(), p.region(), p.year(), filledValue, p.status(),
                            text, number.isPresent() ? number.getAsDouble() : null, null);
                }
            };
        }

        private static boolean sameNumber(SheetCell cell, String filled) {
            return cell != null && filled != null && cell.type() == SheetCell.Type.NUMBER
                    && Double.compare(cell.number(), Double.parseDouble(filled)) == 0;
        }
    }

    private interface Lookup {
        String cellAt(String sheet, int row, int column);
    }

    private static FormulaMeaning.Geometry geometry(List<Lookup> tables, Map<String, String> renamed) {
        return new FormulaMeaning.Geometry() {
            @Override
            public String tableCell(String sheet, int row, int column) {
                for (Lookup table : tables) {
                    String cell = table.cellAt(sheet, row, column);
                    if (cell != null) {
                        return cell;
                    }
                }
                return null;
            }

            @Override
            public String sheetAsFilled(String sheet) {
                return renamed.getOrDefault(sheet, sheet);
            }
        };
    }
}
