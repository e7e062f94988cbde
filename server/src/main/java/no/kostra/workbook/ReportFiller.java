package no.kostra.workbook;

import no.kostra.compute.efficiency.EfficiencyReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.kostra.compute.ProfileTable;
import no.kostra.compute.barometer.Standings;
import no.kostra.compute.summary.AreaFigures;
import no.kostra.service.Product;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Fills an opened template with gathered report data: every part's table, its charts, the titles, and the signed
 * provenance sheet. Pure with respect to the database: everything it writes is in {@link ReportData}.
 */
public final class ReportFiller {
    private static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter MADE_AT = DateTimeFormatter.ofPattern("d.M.yyyy 'kl.' HH.mm").withZone(NORWAY);

    private final ProvenanceSigner signer;

    public ReportFiller(ProvenanceSigner signer) {
        this.signer = signer;
    }

    /** Fills the template (which is changed in place) and returns the workbook's bytes. */
    public byte[] fill(TemplateWorkbook template, ReportData data) {
        CellWriter cells = new CellWriter(new StyleBook(template.workbook()));
        String region = data.region().name();
        setNamedText(template, ReportTemplate.TITLE_NAME,
                "KOSTRA " + data.year() + " – " + data.template().title() + " – " + region);
        for (TemplatePart part : data.template().parts()) {
            TableLayout table = new TableLayout(template, template.requireTable(part.table()));
            if (part instanceof TemplatePart.Profile profile) {
                fillProfile(template, table, cells, profile, data);
            } else if (part instanceof TemplatePart.Summary summary) {
                List<ProfileTable> tables = new ArrayList<>();
                summary.profileCodes().stream().filter(data.profiles()::containsKey).forEach(code -> tables.add(data.profiles().get(code)));
                fillProfiles(template, table, new ProfileTableWriter(table, cells, AreaFigures.PERCENT_DECIMALS), tables,
                        summary.chart(), data);
            } else if (part instanceof TemplatePart.Barometer barometer) {
                Standings standings = data.barometer().only(barometer.sectors());
                new BarometerTableWriter(table, cells).write(standings);
                setNamedText(template, barometer.textName(),
                        String.join(" ", barometer.sectors().stream().map(standings::sentence).toList()));
            } else if (part instanceof TemplatePart.BarometerSummary barometer) {
                new BarometerTableWriter(table, cells).write(data.barometer());
                setNamedText(template, barometer.textName(), data.barometer().summary());
            } else if (part instanceof TemplatePart.Overview overview) {
                int rows = new OverviewTableWriter(table, cells).write(data.areas(), data.region().code(), data.year());
                ChartRetargeter.retarget(template.requireChart(overview.chart()), table, table.firstDataRow(),
                        table.firstDataRow() + Math.max(rows, 1) - 1, column -> Optional.empty());
            } else if (part instanceof TemplatePart.Findings) {
                new FindingsTableWriter(table).write(data.areas());
            } else if (part instanceof TemplatePart.Series series) {
                fillSeries(template, table, cells, series, data.series().get(series.area()), data.seriesYears());
            } else if (part instanceof TemplatePart.Efficiency efficiency) {
                fillEfficiency(template, table, cells, efficiency, data);
            }
        }
        setNamedText(template, ReportTemplate.SOURCE_NAME, "Kilde: KOSTRA (SSB) og ASSS. Datarevisjon " + data.dataRevision()
                + ", laget " + MADE_AT.format(data.madeAt()) + " av " + Product.NAME + "."
                + (cells.preliminaryFigures() == 0 ? "" : " Tall merket (f) er foreløpige (publisert 15. mars);"
                        + " de endelige kommer 15. juni."));
        ProvenanceSheet.write(template.workbook(), new ProvenanceHeader(data.template().id(), template.version(),
                template.sha256(), data.region().code(), region, data.year(), data.dataRevision(), data.madeAt(),
                signer.keyId()), cells.provenance(), signer);
        try {
            return template.write();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the filled workbook", e);
        }
    }

    /** A profile's table and chart, or an empty table with a note saying why (no layout or no figures for the year). */
    private static void fillProfile(TemplateWorkbook template, TableLayout table, CellWriter cells, TemplatePart.Profile part,
                                    ReportData data) {
        setNamedText(template, part.titleName(), "Tjenesteprofil – " + part.title() + " – " + data.region().name() + " " + data.year());
        ProfileTable profile = data.profiles().get(part.profileCode());
        if (profile == null) {
            new ProfileTableWriter(table, cells).write(List.of(), data.year());
            ChartRetargeter.retargetWithNote(template.requireChart(part.chart()), table, table.firstDataRow(), table.firstDataRow(),
                    column -> Optional.empty(), "ingen tall for " + data.year());
            setNamedText(template, part.noteName(), data.absent().get(part.profileCode()));
            return;
        }
        fillProfiles(template, table, new ProfileTableWriter(table, cells), List.of(profile), part.chart(), data);
        setNamedText(template, part.noteName(), barometerLine(data));
    }

    /**
     * The area's Kommunebarometeret place, shown beside each of its profiles; empty when the area has no sector or the
     * municipality no place (the barometer sheet says what to import).
     */
    private static String barometerLine(ReportData data) {
        return data.template().parts().stream().filter(p -> p instanceof TemplatePart.Barometer)
                .map(p -> ((TemplatePart.Barometer) p).sectors().get(0)).findFirst()
                .filter(sector -> data.barometer().place(sector).isPresent())
                .map(sector -> data.barometer().sentence(sector)).orElse("");
    }

    private static void fillProfiles(TemplateWorkbook template, TableLayout table, ProfileTableWriter writer,
                                     List<ProfileTable> profiles, String chartName, ReportData data) {
        int rows = writer.write(profiles, data.year());
        Optional<Integer> index = table.findColumn(ProfileColumn.CHART_INDEX.header());
        ChartRetargeter.retargetOnIndexScale(template.requireChart(chartName), table, table.firstDataRow(),
                table.firstDataRow() + Math.max(rows, 1) - 1,
                column -> index.isPresent() && index.get() == column ? Optional.of(data.region().name()) : Optional.empty());
    }

    private static void fillEfficiency(TemplateWorkbook template, TableLayout table, CellWriter cells,
                                       TemplatePart.Efficiency part, ReportData data) {
        EfficiencyReport split = data.efficiency().get(part.area());
        if (split == null) {
            setNamedText(template, part.noteName(), "Ingen effektivitetstall for " + data.template().areaTitle() + " "
                    + data.year() + " er lagret. Tabellen og diagrammet fylles når de er det.");
            return;
        }
        int rows = new EfficiencyTableWriter(table, cells).write(part.area(), data.region().code(), split.years());
        ChartRetargeter.retarget(template.requireChart(part.chart()), table, table.firstDataRow(),
                table.firstDataRow() + rows - 1, column -> Optional.of(table.header(column)));
        setNamedText(template, part.noteName(), String.join(" ", split.narrative()));
    }

    private static void fillSeries(TemplateWorkbook template, TableLayout table, CellWriter cells, TemplatePart.Series part,
                                   List<SeriesRow> rows, List<Integer> years) {
        Map<String, SeriesTableWriter.Block> blocks = new SeriesTableWriter(table, cells).write(rows, years);
        for (String chartName : template.chartNamesStartingWith(TemplatePart.Series.chartOf(part.area() + "."))) {
            TemplateCharts.Chart chart = template.requireChart(chartName);
            SeriesTableWriter.Block block = blocks.entrySet().stream()
                    .filter(e -> TemplatePart.Series.chartOf(e.getKey()).equalsIgnoreCase(chartName))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (block == null) {
                // Nothing stored for this indicator: point the chart at the header row (no bars) and say so, rather
                // than leave it on the template's first data row, which now holds another indicator.
                ChartRetargeter.retargetWithNote(chart, table, table.firstDataRow() - 1, table.firstDataRow() - 1,
                        column -> Optional.of(table.header(column)),
                        "ingen tall for " + years.get(0) + "–" + years.get(years.size() - 1));
            } else {
                ChartRetargeter.retarget(chart, table, block.firstRow(), block.lastRow(),
                        column -> Optional.of(table.header(column)));
            }
        }
    }

    private static void setNamedText(TemplateWorkbook template, String name, String text) {
        CellReference target = new AreaReference(template.requireName(name).getRefersToFormula(), SpreadsheetVersion.EXCEL2007)
                .getFirstCell();
        XSSFSheet sheet = template.workbook().getSheet(target.getSheetName());
        XSSFRow row = sheet.getRow(target.getRow()) == null ? sheet.createRow(target.getRow()) : sheet.getRow(target.getRow());
        InlineText.set(row.getCell(target.getCol()) == null ? row.createCell(target.getCol()) : row.getCell(target.getCol()), text);
        TextLines.fitMerged(sheet, target.getRow(), target.getCol(), text);
    }
}
