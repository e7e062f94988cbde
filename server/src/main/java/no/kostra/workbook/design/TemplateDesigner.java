package no.kostra.workbook.design;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import no.kostra.service.Product;
import no.kostra.workbook.EfficiencyColumn;
import no.kostra.workbook.ProfileColumn;
import no.kostra.workbook.ReportTemplate;
import no.kostra.workbook.SeriesColumn;
import no.kostra.workbook.TemplatePart;
import no.kostra.workbook.TemplateProperties;
import no.kostra.workbook.TextLines;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Designs a report template as an .xlsx an analyst could have built in Excel, from the template's parts alone (which
 * the catalogue defines: see {@code ReportTemplates}). Thread-safe.
 */
public final class TemplateDesigner {
    /**
     * Designs by template definition. A design is a pure function of the definition and costs POI a second or more
     * (charts), so every service in the process shares them, as the filler shares what it reads of a template.
     */
    private static final Cache<ReportTemplate, byte[]> DESIGNS = Caffeine.newBuilder().maximumSize(256).build();

    /** Bump when the designed layout changes; written into each template's custom properties. */
    public static final String VERSION = "3";
    private static final Date DESIGNED = Date.from(LocalDateTime.of(2026, 12, 7, 0, 0).toInstant(ZoneOffset.UTC));
    /** The profile chart fills the first printed page under the titles; the table starts on the next. */
    private static final int PROFILE_CHART_ROWS = 36;
    private static final int EFFICIENCY_CHART_ROWS = 16;
    /** Series charts: two side by side, two such rows on a printed page. */
    private static final int SERIES_CHART_ROWS = 14;
    private static final int SERIES_CHART_COLUMNS = 8;
    private static final int CHART_ROWS_PER_PAGE = 2;
    /** Explanatory text wraps across the efficiency sheet's chart width (columns B to J). */
    private static final int NOTE_LAST_COLUMN = 9;
    /** KOSTRA's mark for figures of the municipality's own accounts; a chart title leaves it out, the sheet says it. */
    private static final String ACCOUNTS_MARK = " (B)";

    /** Writes each template into the folder; returns the files written. */
    public List<Path> writeAll(Path folder, List<ReportTemplate> templates) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (ReportTemplate template : templates) {
            Path file = folder.resolve(template.fileName());
            try (XSSFWorkbook workbook = design(template); OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            written.add(file);
        }
        return written;
    }

    /** The designed template as the bytes of an .xlsx file, designed once per template definition. */
    public byte[] bytes(ReportTemplate template) {
        return DESIGNS.get(template, this::write);
    }

    private byte[] write(ReportTemplate template) {
        try (XSSFWorkbook workbook = design(template); ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Designing template " + template.id(), e);
        }
    }

    public XSSFWorkbook design(ReportTemplate template) {
        XSSFWorkbook workbook = new XSSFWorkbook();
        DesignStyles styles = new DesignStyles(workbook);
        boolean first = true;
        for (TemplatePart part : template.parts()) {
            if (part instanceof TemplatePart.Profile profile) {
                profileSheet(workbook, styles, template, profile, first);
            } else if (part instanceof TemplatePart.Series series) {
                seriesSheets(workbook, styles, series);
            } else if (part instanceof TemplatePart.Efficiency efficiency) {
                efficiencySheet(workbook, styles, efficiency);
            } else if (part instanceof TemplatePart.Barometer barometer) {
                SummarySheets.barometer(workbook, styles, barometer.table(), barometer.textName(),
                        "Kommunebarometeret – " + String.join(", ", barometer.sectors()));
            } else if (part instanceof TemplatePart.Summary summary) {
                SummarySheets.indicators(workbook, styles, template, summary, first);
            } else if (part instanceof TemplatePart.Overview overview) {
                SummarySheets.overview(workbook, styles, template, overview, first);
            } else if (part instanceof TemplatePart.Findings findings) {
                SummarySheets.findings(workbook, styles, findings);
            } else if (part instanceof TemplatePart.BarometerSummary barometer) {
                SummarySheets.barometer(workbook, styles, barometer.table(), barometer.textName(),
                        "Kommunebarometeret – alle sektorer");
            }
            first = false;
        }
        properties(workbook, template);
        return workbook;
    }

    private void profileSheet(XSSFWorkbook workbook, DesignStyles styles, ReportTemplate template,
                              TemplatePart.Profile part, boolean first) {
        XSSFSheet sheet = sheet(workbook, part.sheet());
        int row = first ? reportHeading(sheet, styles, template) : 0;
        text(sheet, row, "Tjenesteprofil – " + part.title(), styles.title);
        name(workbook, part.titleName(), sheet, row);
        text(sheet, row + 1, "", styles.note);
        name(workbook, part.noteName(), sheet, row + 1);
        int chartTop = row + 2;
        int headerRow = chartTop + PROFILE_CHART_ROWS + 1;
        List<ProfileColumn> columns = List.of(ProfileColumn.ID, ProfileColumn.CATEGORY, ProfileColumn.NAME,
                ProfileColumn.UNIT, ProfileColumn.YEAR_1, ProfileColumn.YEAR_2, ProfileColumn.REPORT_YEAR,
                ProfileColumn.MEAN, ProfileColumn.HIGH, ProfileColumn.LOW, ProfileColumn.INDEX, ProfileColumn.DEVIATION,
                ProfileColumn.CHANGE, ProfileColumn.CHANGE_UNIT, ProfileColumn.CHART_INDEX, ProfileColumn.HIGH_INDEX,
                ProfileColumn.LOW_INDEX, ProfileColumn.NARRATIVE, ProfileColumn.COMMENT);
        TableDesign.create(sheet, part.table(), headerRow, 0, profileColumns(columns, styles), styles.header);
        ChartDesigns.bars(sheet, part.chart(), "Tjenesteprofil for " + part.title() + " (ASSS-snitt = 100)",
                new ChartDesigns.Place(1, chartTop, columns.size() - 1, chartTop + PROFILE_CHART_ROWS,
                        PrintLayout.labelPoints(sheet, columns.size() - 1)), BarDirection.BAR, ChartDesigns.Scale.INDEX,
                sheet, headerRow + 1, columns.indexOf(ProfileColumn.NAME), List.of(
                        new ChartDesigns.SeriesColumn("Kommunen", columns.indexOf(ProfileColumn.CHART_INDEX)),
                        new ChartDesigns.SeriesColumn("Høyest ASSS", columns.indexOf(ProfileColumn.HIGH_INDEX)),
                        new ChartDesigns.SeriesColumn("Lavest ASSS", columns.indexOf(ProfileColumn.LOW_INDEX))));
        PrintLayout.a4Landscape(sheet);
        PrintLayout.tableHeading(sheet, headerRow, true);
    }

    private void seriesSheets(XSSFWorkbook workbook, DesignStyles styles, TemplatePart.Series part) {
        XSSFSheet charts = sheet(workbook, "Serier");
        XSSFSheet data = sheet(workbook, "Seriedata");
        text(charts, 0, "Utvikling over tid – kommunen, nabokommunen og sammenligningsgrupper", styles.title);
        if (part.charts().stream().anyMatch(c -> c.title().contains(ACCOUNTS_MARK))) {
            text(charts, 1, "Tall KOSTRA merker (B) er fra kommunens bevilgningsregnskap; diagramtitlene utelater merket,"
                    + " arket Seriedata har hele navnet.", styles.subtitle);
        }
        text(data, 0, "Tallgrunnlag for seriene", styles.title);
        List<SeriesColumn> columns = List.of(SeriesColumn.values());
        TableDesign.create(data, part.table(), 2, 0, columns.stream().map(c -> switch (c) {
            case ID -> TableDesign.Column.hidden(c.header(), styles.text);
            case NAME -> TableDesign.Column.of(c.header(), 50, styles.wrappedText);
            case REGION -> TableDesign.Column.of(c.header(), 18, styles.text);
            case UNIT -> TableDesign.Column.of(c.header(), 10, styles.text);
            default -> TableDesign.Column.of(c.header(), 11, styles.number);
        }).toList(), styles.header);
        for (int c = 0; c <= 2 * SERIES_CHART_COLUMNS + 1; c++) {
            charts.setColumnWidth(c, (c == 0 || c == SERIES_CHART_COLUMNS + 1 ? 2 * 256 : 8 * 256 + 128));
        }
        double labelPoints = PrintLayout.labelPoints(charts, 2 * SERIES_CHART_COLUMNS + 1);
        for (int i = 0; i < part.charts().size(); i++) {
            TemplatePart.Series.Chart chart = part.charts().get(i);
            int top = 3 + (i / 2) * (SERIES_CHART_ROWS + 1);
            int left = 1 + (i % 2) * (SERIES_CHART_COLUMNS + 1);
            if (i > 0 && i % (2 * CHART_ROWS_PER_PAGE) == 0) {
                charts.setRowBreak(top - 1); // whole charts on each printed page
            }
            ChartDesigns.bars(charts, TemplatePart.Series.chartOf(chart.indicator()), chart.title().replace(ACCOUNTS_MARK, ""),
                    new ChartDesigns.Place(left, top, left + SERIES_CHART_COLUMNS - 1, top + SERIES_CHART_ROWS, labelPoints),
                    BarDirection.COL, ChartDesigns.Scale.LEVEL, data, 3,
                    columns.indexOf(SeriesColumn.REGION), List.of(
                            new ChartDesigns.SeriesColumn(SeriesColumn.YEAR_1.header(), columns.indexOf(SeriesColumn.YEAR_1)),
                            new ChartDesigns.SeriesColumn(SeriesColumn.YEAR_2.header(), columns.indexOf(SeriesColumn.YEAR_2)),
                            new ChartDesigns.SeriesColumn(SeriesColumn.YEAR_3.header(), columns.indexOf(SeriesColumn.YEAR_3)),
                            new ChartDesigns.SeriesColumn(SeriesColumn.REPORT_YEAR.header(), columns.indexOf(SeriesColumn.REPORT_YEAR))));
        }
        PrintLayout.a4Landscape(charts);
        PrintLayout.a4Landscape(data);
        PrintLayout.tableHeading(data, 2, false);
    }

    private void efficiencySheet(XSSFWorkbook workbook, DesignStyles styles, TemplatePart.Efficiency part) {
        XSSFSheet sheet = sheet(workbook, "Effektivitet");
        sheet.setColumnWidth(0, 2 * 256);
        text(sheet, 0, "Ressursbruk, produksjon og effektivitet sammenlignet med ASSS", styles.title);
        text(sheet, 1, "Fylles når effektivitetsanalysen for området er beregnet.", styles.note);
        name(workbook, part.noteName(), sheet, 1);
        int chartTop = 3;
        int headerRow = chartTop + EFFICIENCY_CHART_ROWS + 1;
        List<EfficiencyColumn> columns = List.of(EfficiencyColumn.values());
        TableDesign.create(sheet, part.table(), headerRow, 1, columns.stream()
                .map(c -> c == EfficiencyColumn.YEAR ? TableDesign.Column.of(c.header(), 10, styles.text)
                        : TableDesign.Column.of(c.header(), 16, styles.number))
                .toList(), styles.header);
        for (int c = 1 + columns.size(); c <= NOTE_LAST_COLUMN; c++) {
            sheet.setColumnWidth(c, 12 * 256);
        }
        PrintLayout.wrappedAcross(sheet, 1, 1, NOTE_LAST_COLUMN);
        ChartDesigns.bars(sheet, part.chart(), "Kostnad, produksjon og effektivitet (prosent over/under ASSS)",
                new ChartDesigns.Place(1, chartTop, NOTE_LAST_COLUMN, chartTop + EFFICIENCY_CHART_ROWS,
                        PrintLayout.labelPoints(sheet, NOTE_LAST_COLUMN)), BarDirection.COL, ChartDesigns.Scale.SIGNED, sheet,
                headerRow + 1, 1, List.of(
                        new ChartDesigns.SeriesColumn(EfficiencyColumn.COST.header(), 2),
                        new ChartDesigns.SeriesColumn(EfficiencyColumn.PRODUCTION.header(), 3),
                        new ChartDesigns.SeriesColumn(EfficiencyColumn.EFFICIENCY.header(), 4)));
        PrintLayout.a4Landscape(sheet);
        PrintLayout.tableHeading(sheet, headerRow, false);
    }

    static List<TableDesign.Column> profileColumns(List<ProfileColumn> columns, DesignStyles styles) {
        // Sized so the table prints at PrintLayout.MINIMUM_SCALE or more; the change column's number format carries its
        // unit, and the chart's helper columns print in the chart, so those two are hidden.
        return columns.stream().map(c -> switch (c) {
            case ID -> TableDesign.Column.hidden(c.header(), styles.text);
            case CHANGE_UNIT -> TableDesign.Column.hidden(c.header(), styles.text);
            case CHART_INDEX, HIGH_INDEX, LOW_INDEX -> TableDesign.Column.hidden(c.header(), styles.derived);
            case AREA -> TableDesign.Column.of(c.header(), 16, styles.wrappedText);
            case CATEGORY -> TableDesign.Column.of(c.header(), 17, styles.wrappedText);
            case NAME -> TableDesign.Column.of(c.header(), 29, styles.wrappedText);
            case UNIT -> TableDesign.Column.of(c.header(), 11, styles.wrappedText);
            case INDEX, DEVIATION, CHANGE -> TableDesign.Column.of(c.header(), 9, styles.derived);
            case NARRATIVE -> TableDesign.Column.of(c.header(), 27, styles.wrappedText);
            case COMMENT -> TableDesign.Column.of(c.header(), 22, styles.comment);
            default -> TableDesign.Column.of(c.header(), 9, styles.number);
        }).toList();
    }

    /** The report title and source line, found by name; returns the next free row. */
    static int reportHeading(XSSFSheet sheet, DesignStyles styles, ReportTemplate template) {
        text(sheet, 0, "KOSTRA – " + template.title(), styles.title);
        text(sheet, 1, "Kilde: KOSTRA (SSB) og ASSS. Tallene fylles inn av " + Product.NAME + ".", styles.subtitle);
        name(sheet.getWorkbook(), ReportTemplate.TITLE_NAME, sheet, 0);
        name(sheet.getWorkbook(), ReportTemplate.SOURCE_NAME, sheet, 1);
        return 2;
    }

    /**
     * A new sheet under the name, or under "name (2)", "name (3)" … when the workbook has a sheet of that name (Excel
     * compares sheet names without case): a profile the catalogue put on a sheet named like a fixed one still gets one.
     */
    static XSSFSheet sheet(XSSFWorkbook workbook, String name) {
        String unique = name;
        for (int n = 2; workbook.getSheet(unique) != null; n++) { // POI, as Excel, finds a sheet whatever its case
            String suffix = " (" + n + ")";
            unique = name.substring(0, Math.min(name.length(), 31 - suffix.length())) + suffix;
        }
        return workbook.createSheet(unique);
    }

    static void text(XSSFSheet sheet, int row, String value, org.apache.poi.xssf.usermodel.XSSFCellStyle style) {
        var r = Optional.ofNullable(sheet.getRow(row)).orElseGet(() -> sheet.createRow(row));
        r.createCell(1).setCellValue(value);
        r.getCell(1).setCellStyle(style);
        // the row's height for its font: neither engine grows a row for a large title on opening a file
        r.setHeightInPoints(Math.max(TextLines.LINE_POINTS, style.getFont().getFontHeightInPoints() * 1.3f));
    }

    static void name(XSSFWorkbook workbook, String name, XSSFSheet sheet, int row) {
        XSSFName n = workbook.createName();
        n.setNameName(name);
        n.setRefersToFormula("'" + sheet.getSheetName().replace("'", "''") + "'!$B$" + (row + 1));
    }

    private static void properties(XSSFWorkbook workbook, ReportTemplate template) {
        var core = workbook.getProperties().getCoreProperties();
        core.setTitle("KOSTRA – " + template.title());
        core.setCreator(Product.NAME);
        core.setCreated(Optional.of(DESIGNED));
        var custom = workbook.getProperties().getCustomProperties();
        custom.addProperty(TemplateProperties.TEMPLATE_ID, template.id());
        custom.addProperty(TemplateProperties.TEMPLATE_VERSION, VERSION);
    }
}
