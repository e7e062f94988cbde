package no.kostra.workbook;

import java.util.ArrayList;
import java.util.List;
import no.kostra.compute.YearFigure;
import no.kostra.observation.Vintage;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * Writes figures and formulas into table cells and records each one's provenance. A missing figure shows its status
 * symbol, never 0; a formula cell also carries the value the service computed, so viewers that do not recalculate
 * show the right number.
 */
final class CellWriter {
    /** What a formula shows when an input is missing (SSB: not available). */
    static final String NOT_AVAILABLE = "..";
    /**
     * What a chart's helper formula gives when an input is missing: Excel and LibreOffice draw text as a bar to zero,
     * which on the index scale reaches from the mean line to the edge; #N/A is a gap.
     */
    static final String NOT_PLOTTED = "#N/A";

    private final StyleBook styles;
    /**
     * A preliminary figure (published 15 March, final 15 June) shows the pane's mark after its number, in the cell's
     * format only: the value, and so every formula and returned workbook, is the figure itself.
     */
    static final String PRELIMINARY_FORMAT = "\" (f)\"";
    private final List<CellProvenance> provenance = new ArrayList<>();
    private int preliminaryFigures;

    CellWriter(StyleBook styles) {
        this.styles = styles;
    }

    List<CellProvenance> provenance() {
        return provenance;
    }

    /** How many preliminary figures were written: the source line explains the mark when there are any. */
    int preliminaryFigures() {
        return preliminaryFigures;
    }

    /** Where a cell sits and which row it belongs to, for the provenance map. */
    record Place(TableLayout table, int dataRow, int column, String rowKey) {
        void put(FilledRows.Cell cell) {
            table.put(dataRow, column, cell);
        }

        XSSFCellStyle sampleStyle() {
            return table.sampleStyle(column);
        }

        String address() {
            return TableLayout.ref(table.firstDataRow() + dataRow, column);
        }
    }

    /** A stored figure of an indicator for a region (statistic null) or a group statistic. */
    void figure(Place place, int decimals, String indicator, String region, String statistic, YearFigure figure) {
        boolean preliminary = figure.value() != null && Vintage.PRELIMINARY.code().equals(figure.vintage());
        XSSFCellStyle style = styles.withFormat(place.sampleStyle(),
                StyleBook.numberFormat(decimals) + (preliminary ? PRELIMINARY_FORMAT : ""));
        if (preliminary) {
            preliminaryFigures++;
        }
        String value = null;
        String status = null;
        if (figure.value() != null) {
            place.put(new FilledRows.Number(style, figure.value()));
            value = CellProvenance.canonical(figure.value());
        } else {
            status = figure.status() == null ? NOT_AVAILABLE : figure.status();
            place.put(new FilledRows.Text(style, status));
        }
        provenance.add(new CellProvenance(place.table().sheet().getSheetName(), place.address(), place.table().tableName(),
                place.table().header(place.column()), place.rowKey(), CellProvenance.Kind.DATA, indicator, region,
                figure.year(), statistic, value, status, null));
    }

    /**
     * A service leader's comment (blank when there is none). A written comment is mapped, so a returned workbook
     * tells a changed comment from the one it was filled with.
     */
    void comment(Place place, String indicator, String region, int year, String text) {
        if (text == null || text.isEmpty()) {
            place.put(new FilledRows.Blank(place.sampleStyle()));
            return;
        }
        place.put(new FilledRows.Text(place.sampleStyle(), text));
        provenance.add(new CellProvenance(place.table().sheet().getSheetName(), place.address(), place.table().tableName(),
                place.table().header(place.column()), place.rowKey(), CellProvenance.Kind.COMMENT, indicator, region, year,
                null, text, null, null));
    }

    /**
     * A live formula with the service's own result as its cached value ({@code ..} when the service has none), shown in
     * {@code numberFormat}: the precision the narrative tells it with ({@link no.kostra.compute.TablePrecision}).
     */
    void formula(Place place, String numberFormat, String formula, Double computed, String indicator, String region, int year) {
        formula(place, numberFormat, formula, computed, NOT_AVAILABLE, indicator, region, year);
    }

    /** A chart's helper formula: as {@link #formula}, with {@link #NOT_PLOTTED} where the service has no figure. */
    void plotted(Place place, String numberFormat, String formula, Double computed, String indicator, String region, int year) {
        formula(place, numberFormat, formula, computed, NOT_PLOTTED, indicator, region, year);
    }

    private void formula(Place place, String numberFormat, String formula, Double computed, String missing, String indicator,
                         String region, int year) {
        XSSFCellStyle style = styles.withFormat(place.sampleStyle(), numberFormat);
        place.put(new FilledRows.Formula(style, formula, computed, computed == null ? missing : null));
        String value = computed == null ? null : CellProvenance.canonical(computed);
        String status = computed == null ? missing : null;
        provenance.add(new CellProvenance(place.table().sheet().getSheetName(), place.address(), place.table().tableName(),
                place.table().header(place.column()), place.rowKey(), CellProvenance.Kind.FORMULA, indicator, region, year,
                null, value, status, formula));
    }

    /** Text in the column's style, or a blank cell for none. */
    static void text(Place place, String text) {
        place.put(text == null || text.isEmpty() ? new FilledRows.Blank(place.sampleStyle())
                : new FilledRows.Text(place.sampleStyle(), text));
    }
}
