package no.kostra.workbook.design;

import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.Units;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickLabelPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
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
import org.openxmlformats.schemas.drawingml.x2006.chart.CTCatAx;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextBody;

/**
 * Bar charts drawn from table columns. Each series points at one column of the template's sample row; the filler
 * moves it to the filled rows. The frame name is how the filler finds the chart. Text is sized for paper: a chart's
 * labels are {@link Place#labelPoints} on the sheet, which the sheet's print scale takes to 8 points or more.
 */
final class ChartDesigns {
    /** Series colours: the municipality strong, the ASSS extremes muted, further series distinct. */
    private static final List<byte[]> PALETTE = List.of(
            rgb(0x00, 0x5B, 0x7F), rgb(0xE0, 0x7A, 0x1F), rgb(0x9E, 0x9E, 0x9E), rgb(0x6A, 0xA8, 0x4F), rgb(0x8E, 0x44, 0xAD));
    /** Where the index scale's mean sits: the category axis crosses the values here, so its line marks ASSS = 100. */
    static final double MEAN_ON_INDEX_SCALE = 100;

    private ChartDesigns() {
    }

    /**
     * Where a chart sits, in cells: columns [firstColumn, lastColumn] (to the right edge of the last, so a printout's
     * width ends there: LibreOffice prints the column a chart's corner is anchored in), rows [firstRow, lastRow); and
     * the size of its labels (axes, legend) on the sheet, in points; the title is a third larger.
     */
    record Place(int firstColumn, int firstRow, int lastColumn, int lastRow, double labelPoints) {
    }

    /** One series: its legend title and the column (0-based, on the data sheet) its values come from. */
    record SeriesColumn(String title, int column) {
    }

    /** How the value axis is drawn. */
    enum Scale {
        /**
         * ASSS mean = 100: bars grow from a line at 100 (the category axis crosses there), category labels at the left
         * edge. The filler sets the range to the data's useful part and marks a value outside it.
         */
        INDEX,
        /** A level (kroner, årsverk, a share): the axis starts at zero, so a bar's length is its size. */
        LEVEL,
        /** Percent over or under a mean: bars from zero either way, the range as the engine chooses. */
        SIGNED
    }

    /** @param title the chart's title, or null for none (the sheet's title says what the chart shows) */
    static XSSFChart bars(XSSFSheet chartSheet, String frameName, String title, Place place, BarDirection direction,
                          Scale scale, XSSFSheet dataSheet, int sampleRow, int categoryColumn, List<SeriesColumn> series) {
        XSSFDrawing drawing = chartSheet.createDrawingPatriarch();
        // 7 pixels of 9 525 EMU per unit of column width: just inside the column's right edge in Excel and LibreOffice;
        // and a pixel below the first row's top, so a chart that starts a printed page draws no edge on the page before
        int rightEdge = chartSheet.getColumnWidth(place.lastColumn()) / 256 * 7 * Units.EMU_PER_PIXEL;
        XSSFClientAnchor anchor = drawing.createAnchor(0, Units.EMU_PER_PIXEL, rightEdge, 0,
                place.firstColumn(), place.firstRow(), place.lastColumn(), place.lastRow());
        XSSFChart chart = drawing.createChart(anchor);
        chart.getGraphicFrame().setName(frameName);
        textSize(chart, place.labelPoints());
        if (title == null) {
            // a page-high chart whose sheet title says what it shows: its height goes to the categories
            chart.setAutoTitleDeleted(true);
        } else {
            chart.setTitleText(title);
            chart.setTitleOverlay(false);
            chart.getTitle().getBody().getParagraph(0).getTextRuns().forEach(run -> {
                run.setFontSize(Math.round(place.labelPoints() * 4 / 3.0) * 1.0);
                run.setBold(true);
            });
        }
        if (series.size() > 1) {
            chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        }
        // The profile chart's ASSS extremes come from columns a printout hides; they are plotted all the same.
        chart.setPlotOnlyVisibleCells(false);
        // A missing figure (#N/A in the helper columns) is a gap, not a bar to zero.
        chart.displayBlanksAs(DisplayBlanks.GAP);

        boolean horizontal = direction == BarDirection.BAR;
        XDDFCategoryAxis categories = chart.createCategoryAxis(horizontal ? AxisPosition.LEFT : AxisPosition.BOTTOM);
        XDDFValueAxis values = chart.createValueAxis(horizontal ? AxisPosition.BOTTOM : AxisPosition.LEFT);
        // Horizontal bars list the first table row at the top (categories max to min); the value axis then crosses at
        // the last category, so it is drawn at the bottom.
        values.setCrosses(horizontal ? AxisCrosses.MAX : AxisCrosses.AUTO_ZERO);
        values.setNumberFormat(no.kostra.workbook.NorwegianFormats.tagged("#,##0"));
        values.getOrAddMajorGridProperties().setLineProperties(line(0xD9, 0.5));
        if (horizontal) {
            // First table row at the top, as in the table.
            categories.setOrientation(AxisOrientation.MAX_MIN);
        }
        switch (scale) {
            case INDEX -> {
                CTCatAx axis = chart.getCTChart().getPlotArea().getCatAxArray(0);
                axis.unsetCrosses();
                axis.addNewCrossesAt().setVal(MEAN_ON_INDEX_SCALE);
                categories.setTickLabelPosition(AxisTickLabelPosition.LOW);
                categories.getOrAddShapeProperties().setLineProperties(line(0x00, 2.0));
            }
            case LEVEL -> values.setMinimum(0);
            case SIGNED -> categories.setTickLabelPosition(AxisTickLabelPosition.LOW);
        }

        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
        data.setBarDirection(direction);
        data.setBarGrouping(BarGrouping.CLUSTERED);
        data.setVaryColors(false);
        data.setGapWidth(50);
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

    /** The chart's default text size (axes, legend, labels), in points on the sheet. */
    private static void textSize(XSSFChart chart, double points) {
        CTTextBody text = chart.getCTChartSpace().addNewTxPr();
        text.addNewBodyPr();
        text.addNewLstStyle();
        text.addNewP().addNewPPr().addNewDefRPr().setSz((int) Math.round(points * 100));
    }

    /** A solid grey line ({@code grey} 0 is black) of this width in points. */
    private static XDDFLineProperties line(int grey, double widthPoints) {
        XDDFLineProperties line = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(rgb(grey, grey, grey))));
        line.setWidth(widthPoints);
        return line;
    }

    private static byte[] rgb(int r, int g, int b) {
        return new byte[] {(byte) r, (byte) g, (byte) b};
    }
}
