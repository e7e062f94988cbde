package no.kostra.workbook;

import java.util.Optional;
import java.util.function.IntFunction;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFRow;

/**
 * Moves a chart's series onto filled table rows. Each series keeps the table column it pointed at in the template (so
 * an analyst may add, remove or reorder series in Excel); only its rows change. The series caches are refreshed from
 * the filled cells, so viewers that do not recalculate draw the right bars.
 */
final class ChartRetargeter {
    private ChartRetargeter() {
    }

    /**
     * @param firstRow first sheet row (0-based) of the data the chart shows
     * @param lastRow  last sheet row, inclusive
     * @param title    a series title for a value column, or empty to keep the template's
     */
    static void retarget(XSSFChart chart, String chartName, TableLayout table, int firstRow, int lastRow,
                         IntFunction<Optional<String>> title) {
        DataFormatter formatter = new DataFormatter();
        for (XDDFChartData data : chart.getChartSeries()) {
            for (int i = 0; i < data.getSeriesCount(); i++) {
                XDDFChartData.Series series = data.getSeries(i);
                int valueColumn = column(series.getValuesData().getDataRangeReference(), chartName, table);
                int categoryColumn = column(series.getCategoryData().getDataRangeReference(), chartName, table);
                int n = lastRow - firstRow + 1;
                String[] categories = new String[n];
                Double[] values = new Double[n];
                for (int r = 0; r < n; r++) {
                    categories[r] = text(formatter, table, firstRow + r, categoryColumn);
                    values[r] = number(table, firstRow + r, valueColumn);
                }
                series.replaceData(
                        XDDFDataSourcesFactory.fromArray(categories, table.absoluteRange(categoryColumn, firstRow, lastRow)),
                        XDDFDataSourcesFactory.fromArray(values, table.absoluteRange(valueColumn, firstRow, lastRow)));
                title.apply(valueColumn).ifPresent(series::setTitle);
                // Series.plot, not XDDFChart.plot: the latter builds an embedded workbook for the chart's data, which a
                // chart in a spreadsheet does not need (its data is in the sheet) and which costs more than the fill.
                series.plot();
            }
        }
    }

    private static int column(String range, String chartName, TableLayout table) {
        AreaReference area;
        try {
            area = new AreaReference(range, SpreadsheetVersion.EXCEL2007);
        } catch (IllegalArgumentException e) {
            throw table.template().missing("en gyldig dataserie i diagrammet '" + chartName + "' (fant '" + range + "')");
        }
        CellReference first = area.getFirstCell();
        boolean sameSheet = first.getSheetName() == null || first.getSheetName().equals(table.sheet().getSheetName());
        if (!sameSheet || !table.contains(first.getCol()) || area.getLastCell().getCol() != first.getCol()) {
            throw table.template().missing("en dataserie i diagrammet '" + chartName + "' som peker på én kolonne i tabellen '"
                    + table.tableName() + "' (fant '" + range + "')");
        }
        return first.getCol();
    }

    private static String text(DataFormatter formatter, TableLayout table, int row, int column) {
        XSSFCell cell = cellAt(table, row, column);
        return cell == null ? "" : formatter.formatCellValue(cell);
    }

    /** The number a cell shows (a formula's cached result), or null for a status symbol or blank. */
    private static Double number(TableLayout table, int row, int column) {
        XSSFCell cell = cellAt(table, row, column);
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return type == CellType.NUMERIC ? cell.getNumericCellValue() : null;
    }

    private static XSSFCell cellAt(TableLayout table, int row, int column) {
        XSSFRow r = table.sheet().getRow(row);
        return r == null ? null : r.getCell(column);
    }
}
