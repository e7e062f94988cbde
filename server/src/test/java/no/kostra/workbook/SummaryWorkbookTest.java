package no.kostra.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.kostra.catalog.Catalog;
import no.kostra.service.Services;
import no.kostra.support.SeededServices;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The summary across areas for Bærum 2024, from the seeds: resource use (000/001 "Ressursbruksindikator"), cost,
 * production and efficiency (000/001's statements) per area, and three findings each quoting the tables as shown.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryWorkbookTest {
    private static final String OVERVIEW = "Oversikt";
    /** The catalogue's areas, in its order. */
    private static final List<String> AREAS = List.of("KHT", "PLO", "BHG", "GRS", "BVT", "SOS", "SAM", "EIE", "BYG");

    private Services services;
    private FilledWorkbook filled;

    @BeforeAll
    void fill() {
        services = SeededServices.open();
        filled = new FilledWorkbook(services.reports().fill("sammendrag", "3201", 2024).xlsx());
    }

    @AfterAll
    void close() throws Exception {
        filled.close();
        services.close();
    }

    private double number(String area, String header) {
        return filled.cell(OVERVIEW, area, header).getNumericCellValue();
    }

    private String shown(String area, String header) {
        return Shown.text(filled.cell(OVERVIEW, area, header));
    }

    @Test
    void theOverviewHasARowPerAreaWithItsResourceUseAgainstTheAsssMean() {
        // every area of the catalogue has its row; the seeds have figures for Kommunehelse and Pleie og omsorg only
        assertThat(filled.column(OVERVIEW, "Id")).containsExactlyElementsOf(AREAS);
        assertThat(filled.column(OVERVIEW, "Tjenesteområde").subList(0, 3)).containsExactly("Kommunehelse", "Pleie og omsorg",
                "Barnehage");
        assertThat(shown("GRS", "Ressursbruksindikator")).isEqualTo("..");
        // 000: Bærum 0,972 against ASSS 1,000; 001: 1,076, "7,6 prosent mer ressurser … enn ASSS-snittet"
        assertThat(number("KHT", "Ressursbruksindikator")).isEqualTo(0.972);
        assertThat(number("KHT", "ASSS-snitt")).isEqualTo(1.0);
        assertThat(shown("KHT", "Avvik fra ASSS-snitt (%)")).isEqualTo("-2,8");
        assertThat(shown("PLO", "Avvik fra ASSS-snitt (%)")).isEqualTo("7,6");
        assertThat(filled.cell(OVERVIEW, "PLO", "Avvik fra ASSS-snitt (%)").getCellFormula()).contains("/", "-1)*100");
        // neither is KS's highest or lowest, and no member figures are stored: the place is not known
        assertThat(shown("KHT", "Plass i ASSS (1 = høyest)")).isEqualTo("..");
    }

    @Test
    void costProductionAndEfficiencyAreTheStatementsOfTheReportYearAndTheYearBefore() {
        assertThat(filled.headers(OVERVIEW)).contains("Kostnad 2024 (% over ASSS)", "Effektivitet 2023 (%)");
        // 000: cost 0,21 % under, efficiency 2,1 % over, so production (1,021 × 0,9979 − 1) 1,88559 % over
        assertThat(number("KHT", "Kostnad 2024 (% over ASSS)")).isEqualTo(-0.21);
        assertThat(number("KHT", "Produksjon 2024 (% over ASSS)")).isEqualTo(1.88559);
        assertThat(number("KHT", "Effektivitet 2024 (%)")).isCloseTo(2.1, within(1e-6));
        // 2023: the cost "en nedgang med 3,3 prosentpoeng fra 2023", production "økte … med 2 prosentpoeng"
        assertThat(number("KHT", "Kostnad 2023 (% over ASSS)")).isEqualTo(3.09);
        assertThat(number("KHT", "Produksjon 2023 (% over ASSS)")).isEqualTo(-0.11441);
        // 001: 9,5 % over (+2 pp), production 0,5 % over (+0,7 pp): 1,005 / 1,095 − 1 and 0,998 / 1,075 − 1
        assertThat(shown("PLO", "Effektivitet 2024 (%)")).isEqualTo("-8,2");
        assertThat(number("PLO", "Kostnad 2023 (% over ASSS)")).isEqualTo(7.5);
        assertThat(number("PLO", "Effektivitet 2023 (%)")).isCloseTo(-7.162791, within(1e-6));
        assertThat(filled.cell(OVERVIEW, "PLO", "Effektivitet 2024 (%)").getCellFormula()).contains("/100)/(1+");
    }

    @Test
    void theOverviewChartShowsCostProductionAndEfficiencyOfEveryArea() {
        XDDFChartData bars = filled.chart("Graf_Oversikt").getChartSeries().get(0);

        assertThat(bars.getSeriesCount()).isEqualTo(3);
        assertThat(bars.getSeries(0).getValuesData().getPointCount()).isEqualTo(AREAS.size());
        assertThat(bars.getSeries(0).getCategoryData().getPointAt(1)).isEqualTo("Pleie og omsorg");
        assertThat(bars.getSeries(0).getValuesData().getPointAt(1)).isEqualTo(9.5);
    }

    @Test
    void eachAreaHasThreeFindingsAndEveryNumberInThemIsAsItsAreasTablesShowIt() {
        List<String> keys = filled.column("Hovedfunn", "Id");
        List<String> findings = filled.column("Hovedfunn", "Funn");
        assertThat(keys.subList(0, 6)).containsExactly("KHT|1", "KHT|2", "KHT|3", "PLO|1", "PLO|2", "PLO|3");
        // an area without figures has one finding, which says so
        assertThat(keys.subList(6, keys.size())).containsExactlyElementsOf(
                AREAS.subList(2, AREAS.size()).stream().map(area -> area + "|1").toList());
        assertThat(findings.get(keys.indexOf("GRS|1"))).isEqualTo("Ingen tall for Bærum i Grunnskole for 2024. Tabellen fylles"
                + " når tallene er importert.");
        assertThat(findings.get(3)).isEqualTo("Ressursbruken i pleie og omsorg var 7,6 prosent høyere enn ASSS-snittet i 2024"
                + " (ressursbruksindikatoren 1,076).");

        Catalog catalog = services.catalogs().current();
        for (int i = 0; i < keys.size(); i++) {
            String area = keys.get(i).split("\\|")[0];
            Set<String> shown = new HashSet<>(Set.of("2023", "2024"));
            shown.addAll(Shown.numbersInRows(filled, OVERVIEW, "Id", area::equals));
            shown.addAll(Shown.numbersInRows(filled, "Sammendrag", "Id",
                    id -> !id.isEmpty() && catalog.requireIndicator(id).area().equals(area)));
            assertThat(Shown.numbers(findings.get(i))).as(findings.get(i)).isSubsetOf(shown);
        }
    }

    @Test
    void theIndicatorsTableShowsTheDeviationsWithTheDecimalsTheFindingsQuote() {
        assertThat(filled.dataRows("Sammendrag")).isEqualTo(17 + 21);
        assertThat(Shown.text(filled.cell("Sammendrag", "PLO.ressursbruksindikator", "Avvik fra ASSS-snitt (%)"))).isEqualTo("7,6");
    }

    @Test
    void withoutTheBarometerOf2025TheSheetSaysWhatToImport() {
        assertThat(filled.dataRows("Kommunebarometer")).isEqualTo(1);
        assertThat(Shown.text(filled.cell("Kommunebarometeret", "B2"))).isEqualTo("Kommunebarometeret 2025 (KOSTRA-tall for 2024)"
                + " har ingen plass for Bærum; importer kommunebarometer.csv med barometerets tabeller.");
        assertThat(shown("PLO", "Kommunebarometeret")).isEqualTo("..");
    }
}
