package no.kostra.workbook.design;

import java.util.List;
import no.kostra.workbook.BarometerColumn;
import no.kostra.workbook.FindingsColumn;
import no.kostra.workbook.OverviewColumn;
import no.kostra.workbook.ProfileColumn;
import no.kostra.workbook.ReportTemplate;
import no.kostra.workbook.TemplatePart;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The sheets of the summary across areas (overview, findings, every profile's report year) and the Kommunebarometeret
 * sheet, which an area's workbook has too.
 */
final class SummarySheets {
    private static final int OVERVIEW_CHART_ROWS = 22;
    /** Every profile's rows in one chart under the sheet's title: as many rows as one printed page holds. */
    private static final int INDICATOR_CHART_ROWS = 30;

    private SummarySheets() {
    }

    /** One row per area, its chart of cost, production and efficiency above it. */
    static void overview(XSSFWorkbook workbook, DesignStyles styles, ReportTemplate template, TemplatePart.Overview part,
                         boolean first) {
        XSSFSheet sheet = TemplateDesigner.sheet(workbook, "Sammendrag");
        int row = first ? TemplateDesigner.reportHeading(sheet, styles, template) : 0;
        TemplateDesigner.text(sheet, row, "Ressursbruk, produksjon og effektivitet per tjenesteområde, sammenlignet med ASSS",
                styles.title);
        int chartTop = row + 2;
        int headerRow = chartTop + OVERVIEW_CHART_ROWS + 1;
        List<OverviewColumn> columns = List.of(OverviewColumn.values());
        TableDesign.create(sheet, part.table(), headerRow, 0, columns.stream().map(c -> switch (c) {
            case ID -> TableDesign.Column.hidden(c.header(), styles.text);
            case AREA -> TableDesign.Column.of(c.header(), 20, styles.wrappedText);
            case RESOURCE_USE, BAROMETER -> TableDesign.Column.of(c.header(), 16, c == OverviewColumn.BAROMETER ? styles.text : styles.number);
            case ASSS_PLACE -> TableDesign.Column.of(c.header(), 13, styles.text);
            case RESOURCE_DEVIATION, EFFICIENCY, BASE_EFFICIENCY -> TableDesign.Column.of(c.header(), 12, styles.derived);
            case COST, PRODUCTION, BASE_COST, BASE_PRODUCTION -> TableDesign.Column.of(c.header(), 14, styles.number);
            default -> TableDesign.Column.of(c.header(), 10, styles.number);
        }).toList(), styles.header);
        ChartDesigns.bars(sheet, part.chart(), "Kostnad, produksjon og effektivitet per tjenesteområde (prosent over/under ASSS)",
                // the labels are sized for the scale the whole table prints at, not just the columns under the chart
                new ChartDesigns.Place(1, chartTop, 10, chartTop + OVERVIEW_CHART_ROWS,
                        PrintLayout.labelPoints(sheet, columns.size() - 1)),
                BarDirection.COL, ChartDesigns.Scale.SIGNED, sheet, headerRow + 1,
                columns.indexOf(OverviewColumn.AREA), List.of(
                        new ChartDesigns.SeriesColumn("Kostnad", columns.indexOf(OverviewColumn.COST)),
                        new ChartDesigns.SeriesColumn("Produksjon", columns.indexOf(OverviewColumn.PRODUCTION)),
                        new ChartDesigns.SeriesColumn("Effektivitet", columns.indexOf(OverviewColumn.EFFICIENCY))));
        PrintLayout.a4Landscape(sheet);
        PrintLayout.tableHeading(sheet, headerRow, false);
    }

    /** Three sentences per area. */
    static void findings(XSSFWorkbook workbook, DesignStyles styles, TemplatePart.Findings part) {
        XSSFSheet sheet = TemplateDesigner.sheet(workbook, "Hovedfunn");
        TemplateDesigner.text(sheet, 0, "Hovedfunn i analysen", styles.title);
        TableDesign.create(sheet, part.table(), 2, 0, List.of(FindingsColumn.values()).stream().map(c -> switch (c) {
            case ID -> TableDesign.Column.hidden(c.header(), styles.text);
            case AREA -> TableDesign.Column.of(c.header(), 22, styles.wrappedText);
            case FINDING -> TableDesign.Column.of(c.header(), 110, styles.wrappedText);
        }).toList(), styles.header);
        PrintLayout.a4Landscape(sheet);
        PrintLayout.tableHeading(sheet, 2, false);
    }

    /** The places of the municipality and the ASSS members per sector, under a sentence that says the municipality's. */
    static void barometer(XSSFWorkbook workbook, DesignStyles styles, String table, String textName, String title) {
        XSSFSheet sheet = TemplateDesigner.sheet(workbook, "Kommunebarometeret");
        TemplateDesigner.text(sheet, 0, title, styles.title);
        TemplateDesigner.text(sheet, 1, "Fylles fra kommunebarometer.csv.", styles.note);
        TemplateDesigner.name(workbook, textName, sheet, 1);
        TableDesign.create(sheet, table, 3, 0, List.of(BarometerColumn.values()).stream().map(c -> switch (c) {
            case ID -> TableDesign.Column.hidden(c.header(), styles.text);
            case SECTOR -> TableDesign.Column.of(c.header(), 24, styles.wrappedText);
            case MUNICIPALITY -> TableDesign.Column.of(c.header(), 20, styles.text);
            case PLACE, OF -> TableDesign.Column.of(c.header(), 9, styles.number);
            case GRADE -> TableDesign.Column.of(c.header(), 10, styles.number);
        }).toList(), styles.header);
        PrintLayout.a4Landscape(sheet);
        PrintLayout.tableHeading(sheet, 3, false);
    }

    /** The report year of every profile in one table, with an index chart. */
    static void indicators(XSSFWorkbook workbook, DesignStyles styles, ReportTemplate template, TemplatePart.Summary part,
                           boolean first) {
        XSSFSheet sheet = TemplateDesigner.sheet(workbook, "Indikatorer");
        int row = first ? TemplateDesigner.reportHeading(sheet, styles, template) : 0;
        TemplateDesigner.text(sheet, row, "Alle tjenesteprofiler – rapportåret mot ASSS-snittet (= 100)", styles.title);
        int chartTop = row + 1;
        int headerRow = chartTop + INDICATOR_CHART_ROWS + 1;
        List<ProfileColumn> columns = List.of(ProfileColumn.ID, ProfileColumn.AREA, ProfileColumn.NAME, ProfileColumn.UNIT,
                ProfileColumn.YEAR_2, ProfileColumn.REPORT_YEAR, ProfileColumn.MEAN, ProfileColumn.INDEX, ProfileColumn.DEVIATION,
                ProfileColumn.CHANGE, ProfileColumn.CHANGE_UNIT, ProfileColumn.CHART_INDEX, ProfileColumn.NARRATIVE,
                ProfileColumn.COMMENT);
        TableDesign.create(sheet, part.table(), headerRow, 0, TemplateDesigner.profileColumns(columns, styles), styles.header);
        ChartDesigns.bars(sheet, part.chart(), null,
                new ChartDesigns.Place(1, chartTop, columns.size() - 1, chartTop + INDICATOR_CHART_ROWS,
                        PrintLayout.labelPoints(sheet, columns.size() - 1)), BarDirection.BAR, ChartDesigns.Scale.INDEX,
                sheet, headerRow + 1, columns.indexOf(ProfileColumn.NAME),
                List.of(new ChartDesigns.SeriesColumn("Kommunen", columns.indexOf(ProfileColumn.CHART_INDEX))));
        PrintLayout.a4Landscape(sheet);
        PrintLayout.tableHeading(sheet, headerRow, true);
    }
}
