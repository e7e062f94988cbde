package no.kostra.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import no.kostra.compute.ProfileRow;
import no.kostra.compute.ProfileTable;
import no.kostra.ingest.ImportFormat;
import no.kostra.ingest.ImportOptions;
import no.kostra.observation.Vintage;
import no.kostra.support.SeededServicesExtension;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Report workbooks follow the year's profile layout: a 2021 Kommunehelse with fewer rows (4) and with more rows (18)
 * than the template's example (17) fills its table, moves its chart series and maps its provenance to exactly those
 * rows. The layouts and 2021 figures are test fixtures (server/src/test/resources/profiles/).
 */
class ProfileWorkbooksByYearTest {
    private static final String TABLE = "Profil_KHT";
    private static final String CHART = "Graf_Profil_KHT";

    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();

    private void importFixture(String name, ImportFormat format) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/profiles/" + name)) {
            seeded.services().importer().importFile(name.startsWith("profile_rows") ? "profile_rows.csv" : name, in.readAllBytes(),
                    new ImportOptions(format, null, Vintage.FINAL, null));
        }
    }

    private ProfileTable layout2021(String layout) throws IOException {
        importFixture(layout, ImportFormat.CATALOG);
        importFixture("figures-2021.csv", null);
        importFixture("asss-2021.csv", null);
        return seeded.services().profiles().profile("3201", "KHT", 2021);
    }

    @Test
    void a2021LayoutWithFewerRowsThanTheTemplateFillsATableAndChartOfFourRows() throws Exception {
        ProfileTable profile = layout2021("profile_rows-2021.csv");
        assertThat(profile.rows()).hasSize(4);

        try (FilledWorkbook filled = new FilledWorkbook(seeded.services().reports().fill("kommunehelse", "3201", 2021).xlsx())) {
            assertFilledExactly(filled, profile);
            assertThat(filled.column(TABLE, "Kategori")).containsExactly("Prioritering", "Prioritering", "Dekningsgrader", "Sykefravær");
            assertThat(filled.column(TABLE, "Indikator").get(3)).isEqualTo("Sykefravær kommunehelse (prosent)*");
            assertThat(filled.headers(TABLE)).contains("2019", "2020", "2021");
        }
    }

    @Test
    void a2021LayoutWithMoreRowsThanTheTemplateFillsATableAndChartOfEighteenRows() throws Exception {
        ProfileTable profile = layout2021("profile_rows-2021-long.csv");
        assertThat(profile.rows()).hasSize(18);

        try (FilledWorkbook filled = new FilledWorkbook(seeded.services().reports().fill("kommunehelse", "3201", 2021).xlsx())) {
            assertFilledExactly(filled, profile);
            assertThat(filled.column(TABLE, "Indikator").get(16)).isEqualTo("Sykefravær kommunehelse (prosent)*");
            assertThat(filled.column(TABLE, "Id").get(17)).isEqualTo("KHT.serie_lege_arsverk");
        }
    }

    @Test
    void the2024WorkbookKeepsItsSeventeenRowsAndWeightedSickLeaveAfterA2021LayoutIsImported() throws Exception {
        layout2021("profile_rows-2021.csv");
        ProfileTable profile = seeded.services().profiles().profile("3201", "KHT", 2024);

        try (FilledWorkbook filled = new FilledWorkbook(seeded.services().reports().fill("kommunehelse", "3201", 2024).xlsx())) {
            assertFilledExactly(filled, profile);
            assertThat(filled.dataRows(TABLE)).isEqualTo(17);
            assertThat(filled.column(TABLE, "Indikator").get(16)).isEqualTo("Sykefravær kommunehelse (prosent)");
        }
    }

    /** The table, the chart's series and the provenance cover the profile's rows: no more, no fewer. */
    private void assertFilledExactly(FilledWorkbook filled, ProfileTable profile) {
        int n = profile.rows().size();
        List<String> ids = profile.rows().stream().map(ProfileRow::indicator).toList();
        XSSFTable table = filled.table(TABLE);
        int firstData = table.getStartRowIndex() + 1;

        assertThat(filled.dataRows(TABLE)).isEqualTo(n);
        assertThat(table.getEndRowIndex()).isEqualTo(firstData + n - 1);
        assertThat(filled.column(TABLE, "Id")).isEqualTo(ids);
        assertThat(filled.column(TABLE, "Indikator")).isEqualTo(profile.rows().stream().map(ProfileRow::name).toList());

        XSSFCell first = filled.cell(TABLE, ids.get(0), "Kommunen (ASSS = 100)");
        String column = org.apache.poi.ss.util.CellReference.convertNumToColString(first.getColumnIndex());
        XDDFChartData bars = filled.chart(CHART).getChartSeries().get(0);
        for (int i = 0; i < bars.getSeriesCount(); i++) {
            XDDFChartData.Series series = bars.getSeries(i);
            String reference = series.getValuesData().getDataRangeReference();
            assertThat(reference).as(reference).contains("$" + (firstData + 1) + ":$").endsWith("$" + (firstData + n));
            assertThat(series.getValuesData().getPointCount()).isEqualTo(n);
            assertThat(series.getCategoryData().getPointCount()).isEqualTo(n);
        }
        assertThat(filled.chart(CHART).getChartSeries().get(0).getSeries(0).getValuesData().getDataRangeReference())
                .isEqualTo("Profil!$" + column + "$" + (firstData + 1) + ":$" + column + "$" + (firstData + n));

        ProvenanceSheet.Provenance provenance = ProvenanceSheet.read(filled.workbook()).orElseThrow();
        assertThat(provenance.header().year()).isEqualTo(profile.year());
        Set<String> mapped = provenance.cells().stream().filter(c -> c.table().equals(TABLE)).map(CellProvenance::rowKey)
                .collect(Collectors.toSet());
        assertThat(mapped).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(provenance.cells().stream().filter(c -> c.table().equals(TABLE) && c.kind() == CellProvenance.Kind.DATA).count())
                .isEqualTo(6L * n);
        assertThat(provenance.cells().stream().filter(c -> c.table().equals(TABLE) && c.kind() == CellProvenance.Kind.DATA)
                .map(CellProvenance::year).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(profile.year() - 2, profile.year() - 1, profile.year());
        // nothing under the table in its columns: a shorter profile leaves no rows of the template's example behind
        int below = firstData + n;
        var sheet = table.getXSSFSheet();
        for (int c = table.getStartColIndex(); c <= table.getEndColIndex(); c++) {
            var row = sheet.getRow(below);
            assertThat(row == null ? "" : FilledWorkbook.text(row.getCell(c))).isEmpty();
        }
    }
}
