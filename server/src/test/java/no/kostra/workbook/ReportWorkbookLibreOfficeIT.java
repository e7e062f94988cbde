package no.kostra.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.kostra.service.Services;
import no.kostra.support.FillableTemplates;
import no.kostra.support.LibreOfficeCalc;
import no.kostra.support.PdfPages;
import no.kostra.support.SeededServices;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every filled workbook opened in a real spreadsheet engine: LibreOffice loads it without complaint, recalculates,
 * and every formula lands on the figure the service filled in; printed under nb_NO, every page is at 70 % or more
 * and every page a table runs onto starts with its heading. The PDFs and every page as PNG are kept in
 * {@code server/target/test-artifacts/} for a person to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportWorkbookLibreOfficeIT {
    private static final String RESSURSBRUK = "KHT.ressursbruksindikator";
    /** The service rounds computed figures to 6 decimals (compute.Rounding); the engine keeps full precision. */
    private static final double SERVICE_PRECISION = 1e-6;
    /** No printed page may be smaller (issue 23): below it the table text falls under 8 points. */
    private static final double MINIMUM_SCALE = 0.70;

    private Services services;
    private LibreOfficeCalc calc;

    @BeforeAll
    void open() throws Exception {
        calc = LibreOfficeCalc.require();
        services = SeededServices.open();
        Files.createDirectories(LibreOfficeCalc.ARTIFACTS);
    }

    @AfterAll
    void close() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void everyTemplateOfTheCatalogueRecalculatesToTheServicesFiguresAndRendersItsFirstPage() throws Exception {
        // the templates the seeds have figures for (FillableTemplates): the new areas are filled by the StatBank update
        for (ReportTemplate template : FillableTemplates.of(services, "3201", 2024)) {
            FilledReport report = services.reports().fill(template.id(), "3201", 2024);
            Path pdf = LibreOfficeCalc.ARTIFACTS.resolve(template.id() + ".pdf");

            assertOpensAndRecalculates(report, template.id(), pdf);

            Path png = LibreOfficeCalc.renderPage(pdf, 1, LibreOfficeCalc.ARTIFACTS.resolve(template.id() + "-side1"));
            assertThat(Files.size(png)).as(png + " has content").isGreaterThan(50_000);
        }
    }

    /**
     * A refreshable workbook (Power Query parts added, see {@code docs/power-query.md}): LibreOffice, which has no Power
     * Query, opens it without complaint, ignores its queries and recalculates as for a plain one.
     */
    @Test
    void everyRefreshableWorkbookOpensIgnoresItsQueriesRecalculatesAndRendersItsFirstPage() throws Exception {
        // the templates the seeds have figures for (FillableTemplates): the new areas are filled by the StatBank update
        for (ReportTemplate template : FillableTemplates.of(services, "3201", 2024)) {
            FilledReport report = services.refreshableReports().refreshable(services.reports().fill(template.id(), "3201", 2024),
                    java.net.URI.create("https://kostra.baerum.kommune.no"));
            String name = "refreshable-" + template.id();
            Path pdf = LibreOfficeCalc.ARTIFACTS.resolve(name + ".pdf");

            assertOpensAndRecalculates(report, name, pdf);

            Path png = LibreOfficeCalc.renderPage(pdf, 1, LibreOfficeCalc.ARTIFACTS.resolve(name + "-side1"));
            assertThat(Files.size(png)).as(png + " has content").isGreaterThan(50_000);
        }
    }

    @Test
    void anAreaImportedAsCatalogueDataAndTheSummaryOfItsYearOpenAndRecalculate() throws Exception {
        try (Services withGrunnskole = SeededServices.open()) {
            GrunnskoleFixture.importInto(withGrunnskole);
            for (String template : List.of("grunnskole", "sammendrag")) {
                FilledReport report = withGrunnskole.reports().fill(template, "3201", 2018);
                String name = template + "-2018";

                assertOpensAndRecalculates(report, name, LibreOfficeCalc.ARTIFACTS.resolve(name + ".pdf"));
            }
        }
    }

    /** LibreOffice loads the workbook without a repair question, and every formula lands on the service's figure. */
    private void assertOpensAndRecalculates(FilledReport report, String name, Path pdf) throws Exception {
        LibreOfficeCalc.Result result = calc.check(write(report, name + ".xlsx"), pdf, List.of());

        assertThat(result.loaded()).as(name + " opens in LibreOffice").isTrue();
        assertThat(result.problems()).as(name + ": LibreOffice reported the file as damaged").isEmpty();
        List<CellProvenance> formulas = formulaCells(report);
        assertThat(result.formulas()).as(name).hasSize(formulas.size());
        formulas.forEach(expected -> assertRecalculated(expected, result.formula(expected.sheet(), expected.cell())));
    }

    @Test
    void everyPageOfEveryWorkbookPrintsAtSeventyPercentOrMoreAndEveryTablePageStartsWithItsHeading() throws Exception {
        StringBuilder scales = new StringBuilder();
        // the templates the seeds have figures for (FillableTemplates): the new areas are filled by the StatBank update
        for (ReportTemplate template : FillableTemplates.of(services, "3201", 2024)) {
            FilledReport report = services.reports().fill(template.id(), "3201", 2024);
            Path pdf = LibreOfficeCalc.ARTIFACTS.resolve(template.id() + "-trykk.pdf");
            Path unscaled = LibreOfficeCalc.ARTIFACTS.resolve(template.id() + "-100.pdf");

            calc.check(write(report, template.id() + "-trykk.xlsx"), pdf, unscaled, List.of());

            PdfPages printed = PdfPages.read(pdf);
            Map<String, Double> scale = printed.scalesAgainst(PdfPages.read(unscaled));
            for (PdfPages.Page page : printed.pages()) {
                assertThat(scale).as(template.id() + " page " + page.number() + " (" + page.sheet() + ")").containsKey(page.sheet());
                assertThat(scale.get(page.sheet())).as(template.id() + " page " + page.number() + " (" + page.sheet() + ") prints at")
                        .isGreaterThanOrEqualTo(MINIMUM_SCALE);
            }
            scale.forEach((sheet, s) -> scales.append(template.id()).append(" / ").append(sheet).append(": ")
                    .append(Math.round(s * 1000) / 10.0).append(" %\n"));
            for (Heading heading : headings(report)) {
                assertHeadingOnEveryPageOfItsTable(template.id(), printed, heading);
            }
            LibreOfficeCalc.renderPages(pdf, LibreOfficeCalc.ARTIFACTS.resolve(template.id() + "-side"));
        }
        Files.writeString(LibreOfficeCalc.ARTIFACTS.resolve("skala.txt"), scales);
    }

    /** A table's sheet and the first word of its first printed heading cell. */
    private record Heading(String sheet, String firstWord) {
    }

    private static List<Heading> headings(FilledReport report) {
        List<Heading> headings = new ArrayList<>();
        try (FilledWorkbook filled = new FilledWorkbook(report.xlsx())) {
            for (var each : filled.workbook()) {
                XSSFSheet sheet = (XSSFSheet) each;
                for (XSSFTable table : sheet.getTables()) {
                    for (int c = table.getStartColIndex(); c <= table.getEndColIndex(); c++) {
                        if (!sheet.isColumnHidden(c)) {
                            String text = sheet.getRow(table.getStartRowIndex()).getCell(c).getStringCellValue();
                            headings.add(new Heading(sheet.getSheetName(), text.split(" ")[0]));
                            break;
                        }
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return headings;
    }

    /** From the page the heading first appears on, every page of the sheet has it, and after that page at its top. */
    private static void assertHeadingOnEveryPageOfItsTable(String template, PdfPages printed, Heading heading) {
        List<PdfPages.Page> pages = printed.pages().stream().filter(p -> p.sheet().equals(heading.sheet())).toList();
        int first = -1;
        for (int i = 0; i < pages.size(); i++) {
            PdfPages.Page page = pages.get(i);
            var word = page.body().stream().filter(w -> w.text().equals(heading.firstWord())).findFirst();
            if (first < 0 && word.isPresent()) {
                first = i;
            } else if (first >= 0) {
                String where = template + " page " + page.number() + " (" + heading.sheet() + ")";
                assertThat(word).as(where + " repeats the table heading «" + heading.firstWord() + "»").isPresent();
                double top = page.body().stream().mapToDouble(PdfPages.Word::yMin).min().orElseThrow();
                assertThat(word.get().yMin()).as(where + ": the heading is at the top").isLessThanOrEqualTo(top + 12);
            }
        }
        assertThat(first).as(template + ": the heading «" + heading.firstWord() + "» of " + heading.sheet() + " is printed")
                .isNotNegative();
    }

    /** A formula lands on the service's figure, its status symbol, or (a chart's helper) #N/A where it has none. */
    private static void assertRecalculated(CellProvenance expected, LibreOfficeCalc.Formula actual) {
        if (expected.value() != null) {
            assertThat(actual.error()).as(expected.toString()).isZero();
            assertThat(actual.value()).as(expected.toString()).isCloseTo(Double.parseDouble(expected.value()), within(SERVICE_PRECISION));
        } else if (CellWriter.NOT_PLOTTED.equals(expected.status())) {
            assertThat(actual.text()).as(expected.toString()).isEqualTo(CellWriter.NOT_PLOTTED);
        } else {
            assertThat(actual.error()).as(expected.toString()).isZero();
            assertThat(actual.text()).as(expected.toString()).isEqualTo(expected.status());
        }
    }

    @Test
    void ressursbruksindikatorIndexIs97Comma2InLibreOffice() throws Exception {
        FilledReport report = services.reports().fill("kommunehelse", "3201", 2024);
        CellProvenance index = cell(report, RESSURSBRUK, "Indeks (ASSS = 100)");

        LibreOfficeCalc.Formula recalculated = calc.check(write(report, "kommunehelse-index.xlsx"), null, List.of())
                .formula(index.sheet(), index.cell());

        assertThat(recalculated.value()).isCloseTo(97.2, within(1e-9));
        assertThat(recalculated.text()).isEqualTo("97,2"); // shown with the Norwegian decimal comma
        assertThat(recalculated.cachedValue()).isEqualTo(97.2); // what a viewer that does not recalculate shows
    }

    @Test
    void aReaderWhoseLibreOfficeRunsInEnglishStillSeesNorwegianNumbers() throws Exception {
        // given the Kommunehelse workbook, its number formats tagged bokmål
        FilledReport report = services.reports().fill("kommunehelse", "3201", 2024);
        CellProvenance index = cell(report, RESSURSBRUK, "Indeks (ASSS = 100)");
        Path pdf = LibreOfficeCalc.ARTIFACTS.resolve("kommunehelse-en-US.pdf");

        // when LibreOffice runs in American English
        LibreOfficeCalc.Formula recalculated = calc.checkIn("en-US", write(report, "kommunehelse-en-US.xlsx"), pdf)
                .formula(index.sheet(), index.cell());

        // then the index shows with a decimal comma, and the printed table's thousands with a space (4 260 kroner)
        assertThat(recalculated.text()).isEqualTo("97,2");
        String printed = String.join(" ", PdfPages.read(pdf).pages().stream().map(PdfPages.Page::text).toList());
        assertThat(printed).contains("4 260").doesNotContain("4,260");
    }

    @Test
    void changingOneMunicipalityValueMovesItsIndexDeviationAndChange() throws Exception {
        FilledReport report = services.reports().fill("kommunehelse", "3201", 2024);
        CellProvenance value2024 = cell(report, RESSURSBRUK, "2024");
        CellProvenance index = cell(report, RESSURSBRUK, "Indeks (ASSS = 100)");
        CellProvenance deviation = cell(report, RESSURSBRUK, "Avvik fra ASSS-snitt (%)");
        CellProvenance change = cell(report, RESSURSBRUK, "Endring fra året før");
        CellProvenance otherIndex = cell(report, "KHT.sykefravaer", "Indeks (ASSS = 100)");

        LibreOfficeCalc.Result edited = calc.check(write(report, "kommunehelse-edited.xlsx"), null,
                List.of(value2024.sheet() + "!" + value2024.cell() + "=1.05"));

        // 1.05 / 1.000 (ASSS mean) × 100; deviation 105 − 100; change from 2023 (0.998) in percent
        assertThat(edited.formula(index.sheet(), index.cell()).value()).isCloseTo(105.0, within(1e-9));
        assertThat(edited.formula(deviation.sheet(), deviation.cell()).value()).isCloseTo(5.0, within(1e-9));
        assertThat(edited.formula(change.sheet(), change.cell()).value()).isCloseTo((1.05 / 0.998 - 1) * 100, within(1e-9));
        assertThat(edited.formula(otherIndex.sheet(), otherIndex.cell()).value())
                .isCloseTo(Double.parseDouble(otherIndex.value()), within(SERVICE_PRECISION));
    }

    @Test
    void a2021KommunehelseWithFewerAndWithMoreRowsThanTheTemplateOpensAndRecalculates() throws Exception {
        for (String layout : List.of("profile_rows-2021.csv", "profile_rows-2021-long.csv")) {
            try (Services year2021 = SeededServices.open()) {
                for (String file : List.of(layout, "figures-2021.csv", "asss-2021.csv")) {
                    try (java.io.InputStream in = getClass().getResourceAsStream("/profiles/" + file)) {
                        year2021.importer().importFile(file.startsWith("profile_rows") ? "profile_rows.csv" : file, in.readAllBytes(),
                                new no.kostra.ingest.ImportOptions(file.startsWith("profile_rows") ? no.kostra.ingest.ImportFormat.CATALOG
                                        : null, null, no.kostra.observation.Vintage.FINAL, null));
                    }
                }
                FilledReport report = year2021.reports().fill("kommunehelse", "3201", 2021);
                String name = "kommunehelse-2021-" + year2021.profiles().profile("3201", "KHT", 2021).rows().size() + "-rader";

                assertOpensAndRecalculates(report, name, LibreOfficeCalc.ARTIFACTS.resolve(name + ".pdf"));
            }
        }
    }

    private static List<CellProvenance> formulaCells(FilledReport report) {
        try (FilledWorkbook filled = new FilledWorkbook(report.xlsx())) {
            return ProvenanceSheet.read(filled.workbook()).orElseThrow().cells().stream()
                    .filter(c -> c.kind() == CellProvenance.Kind.FORMULA).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CellProvenance cell(FilledReport report, String rowKey, String column) {
        try (FilledWorkbook filled = new FilledWorkbook(report.xlsx())) {
            return ProvenanceSheet.read(filled.workbook()).orElseThrow().cells().stream()
                    .filter(c -> c.rowKey().equals(rowKey) && c.column().equals(column) && c.table().equals("Profil_KHT"))
                    .findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path write(FilledReport report, String name) throws java.io.IOException {
        return Files.write(LibreOfficeCalc.ARTIFACTS.resolve(name), report.xlsx());
    }
}
