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
        setNamedText(template, ReportTemplate.SOURCE_NAME, "Kilde: KOSTRA (SSB) og ASSS. Datarevisjon " + data.dataRevision()
                + ", laget " + MADE_AT.format(data.madeAt()) + " av " + Product.NAME + ".");
        for (TemplatePart part : data.template().parts()) {
            TableLayout table = new TableLayout(template, template.requireTable(part.table()));
            if (part instanceof TemplatePart.Profile profile) {
                ProfileTable profileTable = data.profiles().get(profile.profileCode());
                setNamedText(template, profile.titleName(),
                        "Tjenesteprofil – " + profileTable.profile().title() + " – " + region + " " + data.year());
                fillProfiles(template, table, cells, List.of(profileTable), profile.chart(), data);
            } else if (part instanceof TemplatePart.Summary summary) {
                List<ProfileTable> tables = new ArrayList<>();
                summary.profileCodes().forEach(code -> tables.add(data.profiles().get(code)));
                fillProfiles(template, table, cells, tables, summary.chart(), data);
            } else if (part instanceof TemplatePart.Series series) {
                fillSeries(template, table, cells, series, data.series().get(series.area()), data.seriesYears());
            } else if (part instanceof TemplatePart.Efficiency efficiency) {
                fillEfficiency(template, table, cells, efficiency, data);
            }
        }
        ProvenanceSheet.write(template.workbook(), new ProvenanceHeader(data.template().id(), template.version(),
                template.sha256(), data.region().code(), region, data.year(), data.dataRevision(), data.madeAt(),
                signer.keyId()), cells.provenance(), signer);
        try {
            return template.write();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the filled workbook", e);
        }
    }

    private static void fillProfiles(TemplateWorkbook template, TableLayout table, CellWriter cells,
                                     List<ProfileTable> profiles, String chartName, ReportData data) {
        int rows = new ProfileTableWriter(table, cells).write(profiles, data.year());
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
