package no.kostra.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import no.kostra.ingest.ImportFormat;
import no.kostra.ingest.ImportOptions;
import no.kostra.observation.Vintage;
import no.kostra.service.Services;
import no.kostra.support.SeededServices;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A preliminary figure is marked where a person reads it in a report workbook (issue 20 item 11). */
class PreliminaryFiguresTest {
    private static final String TABLE = "Profil_KHT";
    private static final String DOCTORS = "KHT.arsverk_leger_per_10000";

    private Services services;

    @BeforeEach
    void open() {
        services = SeededServices.open();
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void aPreliminaryFigureShowsTheMarkAfterItsNumberAndTheSourceLineSaysWhatTheMarkMeans() throws Exception {
        // given Bærum's doctors per 10 000 for 2024 imported as a March (preliminary) figure
        services.importer().importFile("mars.csv", ("kommune;indikator;år;verdi\n3201;" + DOCTORS + ";2024;10,5\n")
                .getBytes(StandardCharsets.UTF_8), new ImportOptions(ImportFormat.CSV, null, Vintage.PRELIMINARY, null));

        // when the Kommunehelse workbook is filled
        try (FilledWorkbook filled = new FilledWorkbook(services.reports().fill("kommunehelse", "3201", 2024).xlsx())) {
            XSSFCell preliminary = filled.cell(TABLE, DOCTORS, "2024");
            XSSFCell earlier = filled.cell(TABLE, DOCTORS, "2023");

            // then the cell holds the figure itself, its format shows «(f)» after it, the final figure beside it has none
            assertThat(preliminary.getNumericCellValue()).isEqualTo(10.5);
            assertThat(preliminary.getCellStyle().getDataFormatString()).endsWith("\" (f)\"");
            assertThat(earlier.getCellStyle().getDataFormatString()).doesNotContain("(f)");
            // and the source line explains the mark
            assertThat(namedText(filled, ReportTemplate.SOURCE_NAME))
                    .endsWith("Tall merket (f) er foreløpige (publisert 15. mars); de endelige kommer 15. juni.");
        }
    }

    @Test
    void aWorkbookWithOnlyFinalFiguresSaysNothingOfPreliminaryOnes() throws Exception {
        try (FilledWorkbook filled = new FilledWorkbook(services.reports().fill("kommunehelse", "3201", 2024).xlsx())) {
            assertThat(namedText(filled, ReportTemplate.SOURCE_NAME)).doesNotContain("(f)");
            assertThat(filled.cell(TABLE, DOCTORS, "2024").getCellStyle().getDataFormatString()).doesNotContain("(f)");
        }
    }

    private static String namedText(FilledWorkbook filled, String name) {
        var reference = new AreaReference(filled.workbook().getName(name).getRefersToFormula(),
                org.apache.poi.ss.SpreadsheetVersion.EXCEL2007).getFirstCell();
        return filled.workbook().getSheet(reference.getSheetName()).getRow(reference.getRow())
                .getCell(reference.getCol()).getStringCellValue();
    }
}
