package no.kostra.workbook.design;

import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Bar charts drawn from table columns. Each series points at one column of the template's sample row; the filler
 * moves it to the filled rows. The frame name is how the filler finds the chart.
 */
final class ChartDesigns {
    /** Series colours: the municipality strong, the ASSS extremes muted, further series distinct. */
    private static final List<byte[]> PALETTE = List.of(
            rgb(0x00, 0x5B, 0x7F), rgb(0xE0, 0x7A, 0x1F), rgb(0x9E, 0x9E, 0x9E), rgb(0x6A, 0xA8, 0x4F), rgb(0x8E, 0x44, 0xAD));

    private ChartDesigns() {
    }

    /** Where a chart sits, in cells: columns [firstColumn, lastColumn), rows [firstRow, lastRow). */
    record Place(int firstColumn, int firstRow, int lastColumn, int lastRow) {
    }

    /** One series: its legend title and the column (0-based, on the data sheet) its values come from. */
    record SeriesColumn(String title, int column) {
    }

    static XSSFChart bars(XSSFSheet chartSheet, String frameName, String title, Place place, BarDirection direction,
                          XSSFSheet dataSheet, int sampleRow, int categoryColumn, List<SeriesColumn> series) {
        XSSFDrawing drawing = chartSheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0,
                place.firstColumn(), place.firstRow(), place.lastColumn(), place.lastRow());
        XSSFChart chart = drawing.createChart(anchor);
        chart.getGraphicFrame().setName(frameName);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);

        boolean horizontal = direction == BarDirection.BAR;
        XDDFCategoryAxis categories = chart.createCategoryAxis(horizontal ? AxisPosition.LEFT : AxisPosition.BOTTOM);
        XDDFValueAxis values = chart.createValueAxis(horizontal ? AxisPosition.BOTTOM : AxisPosition.LEFT);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        values.setNumberFormat("#,##0");
        categories.getOrAddTextProperties().setFontSize(horizontal ? 8.0 : 9.0);
        values.getOrAddTextProperties().setFontSize(9.0);
        if (horizontal) {
            // First table row at the top, as in the table.
            categories.setOrientation(AxisOrientation.MAX_MIN);
        }

        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
        data.setBarDirection(direction);
        data.setBarGrouping(BarGrouping.CLUSTERED);
        data.setVaryColors(false);
        data.setGapWidth(60);
        XDDFDataSource<String> categoryData = XDDFDataSourcesFactory.fromStringCellRange(dataSheet,
                new CellRangeAddress(sampleRow, sampleRow, categoryColumn, categoryColumn));
        for (int i = 0; i < series.size(); i++) {
            SeriesColumn s = series.get(i);
            XDDFNumericalDataSource<Double> valueData = XDDFDataSourcesFactory.fromNumericCellRange(dataSheet,
                    new CellRangeAddress(sampleRow, sampleRow, s.column(), s.column()));
            XDDFChartData.Series added = data.addSeries(categoryData, valueData);
            added.setTitle(s.title(), null);
            added.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(PALETTE.get(i % PALETTE.size()))));
        }
        chart.plot(data);
        return chart;
    }

    private static byte[] rgb(int r, int g, int b) {
        return new byte[] {(byte) r, (byte) g, (byte) b};
    }
}
