package no.kostra.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.kostra.compute.ProfileRow;
import no.kostra.compute.ProfileTable;
import no.kostra.service.Services;
import no.kostra.support.SeededServices;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Kommunehelse 2024 for Bærum, filled from the seeds and read back with POI. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportFillingTest {
    private static final String PROFILE = "Profil_KHT";
    private static final String RESSURSBRUK = "KHT.ressursbruksindikator";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Services services;
    private ProfileTable profile;
    private FilledReport report;
    private FilledWorkbook filled;

    @BeforeAll
    void fill() {
        services = SeededServices.open();
        profile = services.profiles().profile("3201", "KHT", 2024);
        report = services.reports().fill("kommunehelse", "3201", 2024);
        filled = new FilledWorkbook(report.xlsx());
    }

    @AfterAll
    void close() throws Exception {
        filled.close();
        services.close();
    }

    @Test
    void profileTableHoldsTheSeventeenRowsInCatalogueOrderUnderTheYearsFilled() {
        assertThat(filled.dataRows(PROFILE)).isEqualTo(17);
        assertThat(filled.column(PROFILE, "Id")).isEqualTo(profile.rows().stream().map(ProfileRow::indicator).toList());
        assertThat(filled.headers(PROFILE)).contains("2022", "2023", "2024").doesNotContain("År 1", "År 2", "Rapportår");
        assertThat(filled.table(PROFILE).getColumns().stream().map(c -> c.getName()).toList()).contains("2022", "2023", "2024");
    }

    @Test
    void figuresAreTheStoredSeedValues() {
        // seeds/observations.csv: Bærum 0.998 (2023, as 3024) and 0.972 (2024, as 3201); group_statistics.csv: ASSS 1.000
        assertThat(filled.cell(PROFILE, RESSURSBRUK, "2023").getNumericCellValue()).isEqualTo(0.998);
        assertThat(filled.cell(PROFILE, RESSURSBRUK, "2024").getNumericCellValue()).isEqualTo(0.972);
        assertThat(filled.cell(PROFILE, RESSURSBRUK, "ASSS-snitt").getNumericCellValue()).isEqualTo(1.0);
        assertThat(filled.cell(PROFILE, RESSURSBRUK, "2024").getCellStyle().getDataFormatString()).isEqualTo("[$-414]#,##0.000");
        assertThat(filled.cell(PROFILE, "KHT.netto_driftsutgifter_per_innbygger", "2024").getCellStyle().getDataFormatString())
                .isEqualTo("[$-414]#,##0");
    }

    @Test
    void indexIsALiveFormulaOverTheRowCarryingTheServicesFigure() {
        XSSFCell index = filled.cell(PROFILE, RESSURSBRUK, "Indeks (ASSS = 100)");
        XSSFCell value = filled.cell(PROFILE, RESSURSBRUK, "2024");
        XSSFCell mean = filled.cell(PROFILE, RESSURSBRUK, "ASSS-snitt");

        assertThat(index.getCellType()).isEqualTo(CellType.FORMULA);
        assertThat(index.getCellFormula()).contains(value.getAddress() + "/" + mean.getAddress() + "*100");
        assertThat(index.getNumericCellValue()).isEqualTo(97.2); // 0.972 / 1.000 × 100
    }

    @Test
    void everyDerivedCellCachesTheServicesOwnFigure() {
        for (ProfileRow row : profile.rows()) {
            assertCached(row.indicator(), "Indeks (ASSS = 100)", row.index());
            assertCached(row.indicator(), "Avvik fra ASSS-snitt (%)", row.deviationPercent());
            assertCached(row.indicator(), "Endring fra året før", row.change() == null ? null : row.change().value());
            assertCached(row.indicator(), "Høyest ASSS (ASSS = 100)", row.chart().high());
            assertCached(row.indicator(), "Lavest ASSS (ASSS = 100)", row.chart().low());
        }
    }

    @Test
    void aMissingFigureShowsItsStatusSymbolAndSoDoesWhatDependsOnIt() {
        ProfileRow withGap = profile.rows().stream().filter(r -> r.values().get(0).value() == null).findFirst().orElseThrow();
        String symbol = withGap.values().get(0).status();

        XSSFCell cell = filled.cell(PROFILE, withGap.indicator(), "2022");
        assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
        assertThat(cell.getStringCellValue()).isEqualTo(symbol);
        if (withGap.values().get(1).value() == null) {
            assertThat(filled.cell(PROFILE, withGap.indicator(), "Endring fra året før").getStringCellValue()).isEqualTo("..");
        }
    }

    @Test
    void profileChartSeriesPointAtTheFilledRows() {
        XSSFChart chart = chart("Graf_Profil_KHT");
        XSSFCell first = filled.cell(PROFILE, profile.rows().get(0).indicator(), "Kommunen (ASSS = 100)");
        XSSFCell last = filled.cell(PROFILE, profile.rows().get(16).indicator(), "Kommunen (ASSS = 100)");
        XDDFChartData.Series municipality = chart.getChartSeries().get(0).getSeries(0);

        assertThat(municipality.getValuesData().getDataRangeReference())
                .isEqualTo("Profil!$" + col(first) + "$" + (first.getRowIndex() + 1) + ":$" + col(last) + "$" + (last.getRowIndex() + 1));
        assertThat(municipality.getValuesData().getPointCount()).isEqualTo(17);
        assertThat(municipality.getValuesData().getPointAt(0)).isEqualTo(97.2);
        assertThat(municipality.getCategoryData().getPointAt(0)).isEqualTo(profile.rows().get(0).name());
        assertThat(chart.getChartSeries().get(0).getSeries(1).getValuesData().getDataRangeReference())
                .contains("$" + (first.getRowIndex() + 1) + ":").endsWith("$" + (last.getRowIndex() + 1));
    }

    @Test
    void eachSeriesChartShowsItsIndicatorsRowsByRegionWithTheYearsAsSeries() {
        List<String> ids = filled.column("Serier_KHT", "Id");
        List<String> regions = filled.column("Serier_KHT", "Region");
        String indicator = "KHT.serie_netto_per_innbygger";
        int first = ids.indexOf(indicator);
        int last = ids.lastIndexOf(indicator);
        XDDFChartData.Series year2024 = chart("Graf_" + indicator).getChartSeries().get(0).getSeries(3);

        // the ASSS line keeps the label the source printed for it (000: "ASSS med Oslo")
        assertThat(regions.subList(first, last + 1)).containsExactly("Bærum", "Asker", "ASSS med Oslo");
        assertThat(year2024.getValuesData().getPointCount()).isEqualTo(3);
        assertThat(year2024.getValuesData().getPointAt(0)).isEqualTo(4537.0); // seeds: Bærum 2024
        assertThat(year2024.getValuesData().getPointAt(2)).isEqualTo(4713.0); // seeds: ASSS mean 2024
        assertThat(year2024.getValuesData().getDataRangeReference()).startsWith("Seriedata!");
    }

    @Test
    void aSeriesChartWithoutStoredFiguresSaysSoInsteadOfShowingAnotherIndicator() throws Exception {
        ReportTemplate template = services.reports().templates().require("kommunehelse");
        ReportData all = services.reports().gather(template, "3201", 2024);
        String dropped = "KHT.serie_netto_per_innbygger";
        ReportData without = all.withSeries("KHT", all.series().get("KHT").stream().filter(r -> !r.indicator().equals(dropped)).toList());
        byte[] xlsx;
        try (TemplateWorkbook workbook = services.reports().open(template)) {
            xlsx = new ReportFiller(new SigningKeys(services.database(), SeededServices.CLOCK).current()).fill(workbook, without);
        }

        try (FilledWorkbook reopened = new FilledWorkbook(xlsx)) {
            XSSFChart chart = reopened.chart("Graf_" + dropped);
            assertThat(chart.getTitleText().getString()).endsWith("– ingen tall for 2021–2024");
            int headerRow = reopened.table("Serier_KHT").getStartRowIndex() + 1;
            assertThat(chart.getChartSeries().get(0).getSeries(0).getValuesData().getDataRangeReference())
                    .endsWith("$" + headerRow + ":$E$" + headerRow);
        }
    }

    @Test
    void efficiencyTableHoldsTheSplitWithEfficiencyAsALiveFormula() {
        // given 000_…: "brutto driftsutgifter … 0,21 prosent lavere enn ASSS-snittet", "effektiviteten … 2,1 prosent over"
        List<String> years = filled.column("Effektivitet_KHT", "År");
        int row2024 = years.indexOf("2024");
        assertThat(row2024).isNotNegative();

        var table = filled.table("Effektivitet_KHT");
        var row = table.getXSSFSheet().getRow(table.getStartRowIndex() + 1 + row2024);
        List<String> headers = filled.headers("Effektivitet_KHT");
        XSSFCell cost = row.getCell(table.getStartColIndex() + headers.indexOf("Kostnad (% over ASSS)"));
        XSSFCell efficiency = row.getCell(table.getStartColIndex() + headers.indexOf("Effektivitet (%)"));
        assertThat(cost.getNumericCellValue()).isCloseTo(-0.21, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(efficiency.getCellFormula()).contains("/100)/(1+");
        assertThat(efficiency.getNumericCellValue()).isCloseTo(2.1, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(FilledWorkbook.text(filled.cell("Effektivitet", "B2"))).contains("Effektiviteten var 2,1 prosent høyere enn ASSS-snittet");
        // the note counts the changes from 2023, so the table shows 2023 too: 0,21 % under after a fall of 3,3 points
        assertThat(years).containsExactly("2023", "2024");
        XSSFCell cost2023 = table.getXSSFSheet().getRow(table.getStartRowIndex() + 1).getCell(table.getStartColIndex() + 1);
        assertThat(cost2023.getNumericCellValue()).isCloseTo(3.09, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void provenanceMapsEveryDataCellToItsFigureAndIsSigned() {
        ProvenanceSheet.Provenance provenance = ProvenanceSheet.read(filled.workbook()).orElseThrow();
        ProvenanceSigner signer = new SigningKeys(services.database(), SeededServices.CLOCK).current();

        assertThat(provenance.header()).isEqualTo(new ProvenanceHeader("kommunehelse", no.kostra.workbook.design.TemplateDesigner.VERSION,
                provenance.header().templateSha256(), "3201", "Bærum", 2024, services.figures().dataRevision(),
                SeededServices.CLOCK.instant(), "k1"));
        assertThat(provenance.isIntact(signer)).isTrue();
        assertThat(provenance.tamperedRows(signer)).isEmpty();
        Map<CellProvenance.Kind, Long> kinds = provenance.cells().stream()
                .filter(c -> c.table().equals(PROFILE))
                .collect(Collectors.groupingBy(CellProvenance::kind, Collectors.counting()));
        assertThat(kinds).containsEntry(CellProvenance.Kind.DATA, 17L * 6).containsEntry(CellProvenance.Kind.FORMULA, 17L * 6);
        for (CellProvenance cell : provenance.cells()) {
            XSSFCell written = filled.cell(cell.sheet(), cell.cell());
            assertThat(FilledWorkbook.text(written).isEmpty()).as(cell.toString()).isFalse();
            if (cell.kind() == CellProvenance.Kind.DATA && cell.value() != null) {
                assertThat(CellProvenance.canonical(written.getNumericCellValue())).as(cell.toString()).isEqualTo(cell.value());
            }
        }
        CellProvenance ressursbruk2024 = provenance.cells().stream()
                .filter(c -> c.rowKey().equals(RESSURSBRUK) && c.column().equals("2024")).findFirst().orElseThrow();
        assertThat(ressursbruk2024).extracting(CellProvenance::indicator, CellProvenance::region, CellProvenance::year,
                CellProvenance::value).containsExactly(RESSURSBRUK, "3201", 2024, "0.972");
        assertThat(filled.workbook().isSheetVeryHidden(filled.workbook().getSheetIndex(ProvenanceSheet.SHEET_NAME))).isTrue();
    }

    @Test
    void anOfflineEditLeavesTheMapIntactButDiffersFromTheRecordedValue() throws Exception {
        try (FilledWorkbook edited = new FilledWorkbook(report.xlsx())) {
            edited.cell(PROFILE, RESSURSBRUK, "2024").setCellValue(1.05);
            ProvenanceSheet.Provenance provenance = ProvenanceSheet.read(new FilledWorkbook(edited.bytes()).workbook()).orElseThrow();
            ProvenanceSigner signer = new SigningKeys(services.database(), SeededServices.CLOCK).current();
            CellProvenance recorded = provenance.cells().stream()
                    .filter(c -> c.rowKey().equals(RESSURSBRUK) && c.column().equals("2024")).findFirst().orElseThrow();

            assertThat(provenance.isIntact(signer)).isTrue();
            assertThat(recorded.value()).isEqualTo("0.972");
            assertThat(CellProvenance.canonical(edited.cell(recorded.sheet(), recorded.cell()).getNumericCellValue())).isEqualTo("1.05");
        }
    }

    @Test
    void aTamperedMapIsDetectedRowByRow() throws Exception {
        try (FilledWorkbook tampered = new FilledWorkbook(report.xlsx())) {
            var sheet = tampered.workbook().getSheet(ProvenanceSheet.SHEET_NAME);
            var lastChunk = sheet.getRow(sheet.getLastRowNum()).getCell(0);
            List<List<String>> entries = JSON.readValue(lastChunk.getStringCellValue(), new TypeReference<>() { });
            List<String> lastEntry = entries.get(entries.size() - 1);
            String before = lastEntry.get(1);
            lastEntry.set(1, "A1");
            InlineText.set(lastChunk, JSON.writeValueAsString(entries));
            ProvenanceSheet.Provenance provenance = ProvenanceSheet.read(tampered.workbook()).orElseThrow();
            ProvenanceSigner signer = new SigningKeys(services.database(), SeededServices.CLOCK).current();

            assertThat(before).isNotEqualTo("A1");
            assertThat(provenance.isIntact(signer)).isFalse();
            assertThat(provenance.tamperedRows(signer)).hasSize(1).first().extracting(CellProvenance::cell).isEqualTo("A1");
        }
    }

    @Test
    void theMapIsKeptInAFewLargeCellsOfAtMostThirtyThousandCharacters() {
        var sheet = filled.workbook().getSheet(ProvenanceSheet.SHEET_NAME);
        int firstMapRow = sheet.getLastRowNum();
        while (!"cells".equals(FilledWorkbook.text(sheet.getRow(firstMapRow - 1).getCell(0)))) {
            firstMapRow--;
        }
        int mapRows = sheet.getLastRowNum() - firstMapRow + 1;
        int entries = ProvenanceSheet.read(filled.workbook()).orElseThrow().cells().size();

        assertThat(FilledWorkbook.text(sheet.getRow(0).getCell(1))).isEqualTo(ProvenanceSheet.FORMAT);
        assertThat(mapRows).isGreaterThan(1).isLessThan(entries / 20);
        for (int r = firstMapRow; r <= sheet.getLastRowNum(); r++) {
            assertThat(FilledWorkbook.text(sheet.getRow(r).getCell(0)).length()).isLessThanOrEqualTo(ProvenanceSheet.MAX_CELL_CHARS);
        }
    }

    @Test
    void theProfileChartsAxisKeepsToTheUsefulRangeAndLabelsTheOneValueOffIt() {
        // given 000: ledig listekapasitet i prosent, lowest ASSS −1,85 against a mean of 1,70: −108,8 on the index scale
        XSSFChart chart = chart("Graf_Profil_KHT");
        var scaling = chart.getCTChart().getPlotArea().getValAxArray(0).getScaling();
        var series = chart.getCTChart().getPlotArea().getBarChartArray(0);
        int row = profile.rows().stream().map(ProfileRow::indicator).toList().indexOf("KHT.ledig_listekapasitet_prosent_innbyggere");

        // then the axis runs 0–300 (the highest, 4,39 / 1,70 = 258, stays on it) and the lowest is labelled off the scale
        assertThat(scaling.getMin().getVal()).isEqualTo(0.0);
        assertThat(scaling.getMax().getVal()).isEqualTo(300.0);
        assertThat(series.getSerArray(0).xmlText()).doesNotContain("dLbl");
        assertThat(series.getSerArray(1).xmlText()).doesNotContain("dLbl");
        String lowest = series.getSerArray(2).xmlText();
        assertThat(lowest.split("dLbl>").length).as(lowest).isEqualTo(3); // one label: <dLbl>…</dLbl>
        assertThat(lowest).containsPattern("<c:dLbl><c:idx val=\"" + row + "\"/><c:numFmt formatCode=\"\\[\\$-414\\]#,##0\\.0&quot;"
                + " \\(utenfor skala\\)&quot;\"");
        assertThat(chart.getCTChart().getPlotArea().getCatAxArray(0).getCrossesAt().getVal()).isEqualTo(100.0);
    }

    @Test
    void aMissingFigureIsAGapInTheChartNotABarFromTheMeanLine() {
        // given PLO 67+: Bærum's share of 80+ in institutions is ".." for 2024
        try (FilledWorkbook plo = new FilledWorkbook(services.reports().fill("pleie-og-omsorg", "3201", 2024).xlsx())) {
            XSSFCell plotted = plo.cell("Profil_PLO_67", "PLO.andel_80_institusjon_heldogn", "Kommunen (ASSS = 100)");
            XSSFCell shown = plo.cell("Profil_PLO_67", "PLO.andel_80_institusjon_heldogn", "Indeks (ASSS = 100)");

            assertThat(plotted.getCachedFormulaResultType()).isEqualTo(CellType.ERROR);
            assertThat(plotted.getCellFormula()).endsWith(",NA())");
            assertThat(shown.getStringCellValue()).isEqualTo("..");
            assertThat(plo.chart("Graf_Profil_PLO_67").getCTChart().getDispBlanksAs().getVal().toString()).isEqualTo("gap");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aRatioReadsForholdstallAndAChangeShowsItsUnit() {
        assertThat(FilledWorkbook.text(filled.cell(PROFILE, RESSURSBRUK, "Enhet"))).isEqualTo("forholdstall");
        assertThat(filled.cell(PROFILE, RESSURSBRUK, "Endring fra året før").getCellStyle().getDataFormatString())
                .isEqualTo("[$-414]#,##0.0\\ \\%");
        assertThat(filled.cell(PROFILE, "KHT.sykefravaer", "Endring fra året før").getCellStyle().getDataFormatString())
                .isEqualTo("[$-414]#,##0.0\\ \\p\\p");
    }

    @Test
    void theEfficiencyNoteWrapsAcrossThePageInARowAsHighAsItsText() {
        var sheet = filled.workbook().getSheet("Effektivitet");
        var note = filled.cell("Effektivitet", "B2");
        var merged = sheet.getMergedRegions().stream().filter(m -> m.isInRange(note)).findFirst().orElseThrow();
        double width = 0;
        for (int c = merged.getFirstColumn(); c <= merged.getLastColumn(); c++) {
            width += sheet.getColumnWidth(c) / 256.0;
        }

        assertThat(note.getCellStyle().getWrapText()).isTrue();
        assertThat(merged.getLastColumn()).isGreaterThan(merged.getFirstColumn());
        assertThat(sheet.getRow(1).getHeightInPoints())
                .isEqualTo(TextLines.height(TextLines.count(note.getStringCellValue(), width, false)))
                .isGreaterThan(3 * TextLines.LINE_POINTS);
    }

    @Test
    void theSourceLineNamesTheProductInBokmaal() {
        assertThat(FilledWorkbook.text(filled.cell("Profil", "B2"))).startsWith("Kilde: KOSTRA (SSB) og ASSS. Datarevisjon ")
                .endsWith(" av Kostra-arbeidsbenken.");
    }

    @Test
    void theFileNameIsOneAPersonWouldKeep() {
        assertThat(report.fileName()).isEqualTo("KOSTRA 2024 Kommunehelse - Bærum.xlsx");
    }

    private void assertCached(String indicator, String header, Double expected) {
        XSSFCell cell = filled.cell(PROFILE, indicator, header);
        assertThat(cell.getCellType()).as(indicator + " / " + header).isEqualTo(CellType.FORMULA);
        if (expected == null) {
            assertThat(cell.getCachedFormulaResultType()).as(indicator + " / " + header).isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).isEqualTo("..");
        } else {
            assertThat(cell.getNumericCellValue()).as(indicator + " / " + header).isCloseTo(expected, within(1e-9));
        }
    }

    private XSSFChart chart(String name) {
        return filled.chart(name);
    }

    private static String col(XSSFCell cell) {
        return org.apache.poi.ss.util.CellReference.convertNumToColString(cell.getColumnIndex());
    }
}
