package no.kostra.workbook.powerquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.kostra.service.Services;
import no.kostra.support.LibreOfficeCalc;
import no.kostra.support.SeededServices;
import no.kostra.workbook.FilledReport;
import no.kostra.workbook.ReportTemplate;
import no.kostra.workbook.ReportTemplates;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every refreshable workbook in LibreOffice, which has no Power Query: it opens without complaint, ignores the queries,
 * and recalculates every formula to the figure the service filled in, as for a plain workbook. Page 1 is rendered to
 * {@code server/target/test-artifacts/refreshable-*.png} for a person to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefreshableWorkbookLibreOfficeIT {
    private static final double SERVICE_PRECISION = 1e-6;

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
    void libreOfficeOpensEveryRefreshableWorkbookIgnoresItsQueriesAndRecalculatesItsFormulas() throws Exception {
        for (ReportTemplate template : ReportTemplates.all()) {
            FilledReport report = services.refreshableReports().refreshable(services.reports().fill(template.id(), "3201", 2024),
                    URI.create("https://kostra.baerum.kommune.no"));
            Path xlsx = LibreOfficeCalc.ARTIFACTS.resolve("refreshable-" + template.id() + ".xlsx");
            Files.write(xlsx, report.xlsx());
            Path pdf = LibreOfficeCalc.ARTIFACTS.resolve("refreshable-" + template.id() + ".pdf");

            LibreOfficeCalc.Result result = calc.check(xlsx, pdf, List.of());

            assertThat(result.loaded()).as(template.id() + " opens in LibreOffice").isTrue();
            assertThat(result.problems()).as(template.id() + ": LibreOffice reported the file as damaged").isEmpty();
            List<Cell> formulas = formulaCells(report.xlsx());
            assertThat(result.formulas()).as(template.id()).hasSize(formulas.size());
            for (Cell expected : formulas) {
                LibreOfficeCalc.Formula actual = result.formula(expected.getSheet().getSheetName(), expected.getAddress().formatAsString());
                assertThat(actual.error()).as(expected.getAddress().formatAsString()).isZero();
                if (expected.getCachedFormulaResultType() == CellType.NUMERIC) {
                    assertThat(actual.value()).as(actual.toString()).isCloseTo(expected.getNumericCellValue(), within(SERVICE_PRECISION));
                } else {
                    assertThat(actual.text()).as(actual.toString()).isEqualTo(expected.getStringCellValue());
                }
            }
            Path png = LibreOfficeCalc.renderPage(pdf, 1, LibreOfficeCalc.ARTIFACTS.resolve("refreshable-" + template.id() + "-profil"));
            assertThat(Files.size(png)).as(png + " has content").isGreaterThan(50_000);
        }
    }

    /** Every formula cell of the workbook as POI reads it, with the value the service filled in as its cached result. */
    private static List<Cell> formulaCells(byte[] xlsx) throws Exception {
        List<Cell> cells = new java.util.ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> {
                if (cell.getCellType() == CellType.FORMULA) {
                    cells.add(cell);
                }
            })));
        }
        return cells;
    }
}
