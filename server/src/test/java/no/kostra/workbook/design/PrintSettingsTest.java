package no.kostra.workbook.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import no.kostra.workbook.ReportTemplate;
import no.kostra.service.Services;
import no.kostra.support.SeededServices;
import no.kostra.workbook.ReportTemplates;
import no.kostra.workbook.TemplatePart;
import no.kostra.workbook.TextLines;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The packaged templates' print settings, read with POI: every sheet prints landscape on A4, one page wide, at 70 % or
 * more; every table's heading repeats on each page and is as high as its text; a chart's labels print at 8 points or
 * more; a chart's page fits on one printed page, and the table under it starts the next.
 */
class PrintSettingsTest {
    /** The templates the seeded catalogue yields, as the service designs them. */
    private static final ReportTemplates TEMPLATES = seededTemplates();

    private static final String DATA_SHEET = "_kostra";
    /** How much wider LibreOffice prints a unit of column width than Excel: 5,6 against 5,25 points. */
    private static final double LIBREOFFICE_OVER_EXCEL = 5.6 / 5.25;
    /** A heading is kept with at least this many of its rows. */
    private static final int FIRST_ROWS = 3;

    @Test
    void everySheetPrintsLandscapeOnA4OnePageWideAtSeventyPercentOrMore() throws IOException {
        for (Sheet sheet : printedSheets()) {
            PrintSetup print = sheet.sheet().getPrintSetup();
            assertThat(print.getLandscape()).as(sheet.name()).isTrue();
            assertThat(print.getPaperSize()).as(sheet.name()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.sheet().getFitToPage()).as(sheet.name()).isTrue();
            assertThat(print.getFitWidth()).as(sheet.name()).isEqualTo((short) 1);
            assertThat(print.getFitHeight()).as(sheet.name()).isZero();
            assertThat(sheet.scale()).as(sheet.name() + " prints at").isGreaterThanOrEqualTo(PrintLayout.MINIMUM_SCALE);
        }
    }

    @Test
    void theWidestSheetsAreTheProfilesAtAboutThreeQuarters() throws IOException {
        // LibreOffice measured 0,77 for the profile sheets (ReportWorkbookLibreOfficeIT keeps checking it)
        Sheet profile = printedSheets().stream().filter(s -> s.name().equals("kommunehelse/Profil")).findFirst().orElseThrow();

        assertThat(profile.scale()).isBetween(0.73, 0.78);
    }

    @Test
    void everyTablesHeadingRepeatsOnEveryPageItRunsOntoAndIsAsHighAsItsText() throws IOException {
        List<String> tables = new ArrayList<>();
        for (Sheet sheet : printedSheets()) {
            for (XSSFTable table : sheet.sheet().getTables()) {
                int header = table.getStartRowIndex();
                assertThat(sheet.sheet().getRepeatingRows()).as(sheet.name())
                        .isEqualTo(new CellRangeAddress(header, header, -1, -1));
                XSSFRow row = sheet.sheet().getRow(header);
                for (int c = table.getStartColIndex(); c <= table.getEndColIndex(); c++) {
                    XSSFCell cell = row.getCell(c);
                    if (!sheet.sheet().isColumnHidden(c)) {
                        int lines = TextLines.count(cell.getStringCellValue(), sheet.sheet().getColumnWidth(c) / 256.0, true);
                        assertThat(row.getHeightInPoints()).as(sheet.name() + " heading " + cell.getStringCellValue())
                                .isGreaterThanOrEqualTo(TextLines.height(lines));
                    }
                }
                tables.add(sheet.template() + "/" + table.getName());
            }
        }
        // every part of every template the catalogue yields is a table on a printed sheet, and each was checked
        assertThat(tables).containsExactlyInAnyOrderElementsOf(partTables(part -> true));
    }

    @Test
    void aTablesHeadingIsKeptWithItsFirstRowsOrStartsAPageAndWhatStandsAboveFitsOnePage() throws IOException {
        List<String> ownPages = new ArrayList<>();
        for (Sheet sheet : printedSheets()) {
            for (XSSFTable table : sheet.sheet().getTables()) {
                int header = table.getStartRowIndex();
                double above = 0;
                for (int r = 0; r < header; r++) {
                    XSSFRow row = sheet.sheet().getRow(r);
                    above += row == null ? sheet.sheet().getDefaultRowHeightInPoints() : row.getHeightInPoints();
                }
                // Excel prints the same widths a little narrower, so at a larger scale: the rows must fit at that one too
                double scale = Math.min(1.0, sheet.scale() * LIBREOFFICE_OVER_EXCEL);
                double page = PrintLayout.printableHeight(1.0);
                boolean newPage = java.util.Arrays.stream(sheet.sheet().getRowBreaks()).anyMatch(b -> b == header - 1);
                double heading = sheet.sheet().getRow(header).getHeightInPoints();
                if (newPage) {
                    ownPages.add(sheet.template() + "/" + table.getName());
                    assertThat(above * scale).as(sheet.name() + ": what stands above the table fits one page").isLessThanOrEqualTo(page);
                } else {
                    assertThat((above + heading + FIRST_ROWS * TextLines.height(1)) * scale)
                            .as(sheet.name() + ": the heading and its first rows fit under what stands above").isLessThanOrEqualTo(page);
                }
            }
        }
        // every profile's table (under its page-high chart) and the summary's table of every profile's indicators
        assertThat(ownPages).containsExactlyInAnyOrderElementsOf(partTables(
                part -> part instanceof TemplatePart.Profile || part instanceof TemplatePart.Summary));
        assertThat(ownPages).contains("kommunehelse/Profil_KHT", "pleie-og-omsorg/Profil_PLO_TTU", "sammendrag/Sammendrag");
    }

    @Test
    void everyChartsLabelsPrintAtEightPointsOrMore() throws IOException {
        int charts = 0;
        for (Sheet sheet : printedSheets()) {
            for (XSSFChart chart : charts(sheet.sheet())) {
                double points = chart.getCTChartSpace().getTxPr().getPArray(0).getPPr().getDefRPr().getSz() / 100.0;
                assertThat(points * sheet.scale()).as(sheet.name() + " " + chart.getTitleText())
                        .isGreaterThanOrEqualTo(PrintLayout.MINIMUM_PRINTED_POINTS);
                charts++;
            }
        }
        // a chart above every profile, efficiency, overview and indicators table, and one per series indicator
        int expected = TEMPLATES.all().stream().flatMap(t -> t.parts().stream()).mapToInt(part -> part instanceof TemplatePart.Series series
                ? series.charts().size()
                : part instanceof TemplatePart.Profile || part instanceof TemplatePart.Efficiency
                        || part instanceof TemplatePart.Overview || part instanceof TemplatePart.Summary ? 1 : 0).sum();
        assertThat(charts).isEqualTo(expected).isGreaterThanOrEqualTo(5 + 12 + 2 + 1 + 1);
    }

    @Test
    void aProfileChartNamesItsProfileAndItsBarsGrowFromALineAtTheMean() throws IOException {
        try (XSSFWorkbook workbook = template("pleie-og-omsorg")) {
            XSSFChart chart = charts(workbook.getSheet("Profil 67 år+")).get(0);
            var categories = chart.getCTChart().getPlotArea().getCatAxArray(0);

            assertThat(chart.getTitleText().getString())
                    .isEqualTo("Tjenesteprofil for Pleie og omsorg – innbyggere 67 år og eldre (ASSS-snitt = 100)");
            assertThat(categories.getCrossesAt().getVal()).isEqualTo(ChartDesigns.MEAN_ON_INDEX_SCALE);
            assertThat(categories.getSpPr().getLn().getW()).isGreaterThanOrEqualTo(25400); // 2 points: the mean line
            assertThat(chart.getCTChart().getDispBlanksAs().getVal().toString()).isEqualTo("gap");
            assertThat(chart.getCTChart().getPlotVisOnly().getVal()).isFalse(); // its helper columns are hidden
        }
    }

    @Test
    void aSeriesChartStartsAtZeroAndItsTitleLeavesOutKostrasAccountsMark() throws IOException {
        try (XSSFWorkbook workbook = template("kommunehelse")) {
            XSSFSheet sheet = workbook.getSheet("Serier");
            XSSFChart chart = charts(sheet).get(0);

            assertThat(chart.getTitleText().getString()).isEqualTo("Netto driftsutgifter pr. innbygger til Kommunehelse");
            assertThat(chart.getCTChart().getPlotArea().getValAxArray(0).getScaling().getMin().getVal()).isZero();
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).startsWith("Tall KOSTRA merker (B) er fra");
        }
    }

    /** A sheet a printout shows, with the scale fit-to-width prints it at. */
    private record Sheet(String template, String name, XSSFSheet sheet, double scale) {
    }

    /** "template/table" of every template part the filter takes: each part of a template is one table. */
    private static List<String> partTables(java.util.function.Predicate<TemplatePart> filter) {
        return TEMPLATES.all().stream().flatMap(t -> t.parts().stream().filter(filter).map(p -> t.id() + "/" + p.table())).toList();
    }

    private static List<Sheet> printedSheets() throws IOException {
        List<Sheet> sheets = new ArrayList<>();
        for (ReportTemplate template : TEMPLATES.all()) {
            XSSFWorkbook workbook = template(template.id());
            for (var each : workbook) {
                XSSFSheet sheet = (XSSFSheet) each;
                if (!sheet.getSheetName().startsWith(DATA_SHEET)) {
                    sheets.add(new Sheet(template.id(), template.id() + "/" + sheet.getSheetName(), sheet,
                            PrintLayout.scale(sheet, lastColumn(sheet))));
                }
            }
        }
        return sheets;
    }

    /** The last column anything on the sheet reaches: a cell, a table, a chart's right edge. */
    private static int lastColumn(XSSFSheet sheet) {
        int last = 0;
        for (var row : sheet) {
            last = Math.max(last, row.getLastCellNum() - 1);
        }
        for (XSSFTable table : sheet.getTables()) {
            last = Math.max(last, table.getEndColIndex());
        }
        XSSFDrawing drawing = sheet.getDrawingPatriarch();
        if (drawing != null) {
            for (XSSFShape shape : drawing.getShapes()) {
                XSSFClientAnchor anchor = (XSSFClientAnchor) shape.getAnchor();
                last = Math.max(last, anchor.getCol2() - (anchor.getDx2() == 0 ? 1 : 0));
            }
        }
        return last;
    }

    private static List<XSSFChart> charts(XSSFSheet sheet) {
        XSSFDrawing drawing = sheet.getDrawingPatriarch();
        return drawing == null ? List.of() : drawing.getCharts();
    }

    private static XSSFWorkbook template(String id) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(new TemplateDesigner().bytes(TEMPLATES.require(id))));
    }

    private static ReportTemplates seededTemplates() {
        try (Services services = SeededServices.open()) {
            return services.reports().templates();
        }
    }
}
