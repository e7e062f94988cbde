package no.kostra.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import no.kostra.errors.NotFoundException;
import no.kostra.service.Services;
import no.kostra.support.SeededServices;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A template is checked when it is opened: broken ones are refused with a message naming template and part. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplateCheckTest {
    private Services services;
    private ReportTemplate kommunehelse;

    @BeforeAll
    void open() {
        services = SeededServices.open();
        kommunehelse = services.reports().templates().require("kommunehelse");
    }

    @AfterAll
    void close() {
        services.close();
    }

    @Test
    void everyTemplateOfTheCatalogueIsDesignedWithAllItsParts() throws Exception {
        for (ReportTemplate template : services.reports().templates().all()) {
            try (TemplateWorkbook opened = services.reports().open(template)) {
                assertThat(opened.version()).isEqualTo(no.kostra.workbook.design.TemplateDesigner.VERSION);
                assertThat(opened.sha256()).hasSize(64);
            }
        }
    }

    @Test
    void aFileThatIsNotAnXlsxIsRefusedAtLoad() {
        assertThatThrownBy(() -> TemplateWorkbook.open(kommunehelse, "id;name\n1;Bærum\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("Rapportmalen 'kommunehelse' (kommunehelse.xlsx) er ikke en gyldig xlsx-fil: ");
    }

    @Test
    void aMissingTableIsNamed() {
        byte[] edited = edit(w -> w.getSheet("Profil").getTables().get(0).setName("Profil_Gammel"));

        assertThatThrownBy(() -> TemplateWorkbook.open(kommunehelse, edited))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Rapportmalen 'kommunehelse' (kommunehelse.xlsx) mangler tabellen 'Profil_KHT'");
    }

    @Test
    void aMissingDefinedNameIsNamed() {
        byte[] edited = edit(w -> w.removeName(w.getName("Profil_KHT_Merknad")));

        assertThatThrownBy(() -> TemplateWorkbook.open(kommunehelse, edited))
                .hasMessage("Rapportmalen 'kommunehelse' (kommunehelse.xlsx) mangler navnet 'Profil_KHT_Merknad'");
    }

    @Test
    void aMissingChartIsNamed() {
        byte[] edited = edit(w -> w.getSheet("Profil").getDrawingPatriarch().getShapes().stream()
                .filter(s -> s instanceof org.apache.poi.xssf.usermodel.XSSFGraphicFrame)
                .map(s -> (org.apache.poi.xssf.usermodel.XSSFGraphicFrame) s)
                .forEach(f -> f.setName("Diagram 1")));

        assertThatThrownBy(() -> TemplateWorkbook.open(kommunehelse, edited))
                .hasMessage("Rapportmalen 'kommunehelse' (kommunehelse.xlsx) mangler diagrammet 'Graf_Profil_KHT'");
    }

    @Test
    void aMissingColumnAFormulaNeedsIsNamedWhenFilling() throws Exception {
        byte[] edited = edit(w -> {
            var sheet = w.getSheet("Profil");
            var table = sheet.getTables().get(0);
            sheet.getRow(table.getStartRowIndex()).getCell(table.getStartColIndex() + 7).setCellValue("Snitt");
            table.updateHeaders();
        });
        try (TemplateWorkbook template = TemplateWorkbook.open(kommunehelse, edited)) {
            ReportData data = services.reports().gather(kommunehelse, "3201", 2024);
            ReportFiller filler = new ReportFiller(new SigningKeys(services.database(), SeededServices.CLOCK).current());

            assertThatThrownBy(() -> filler.fill(template, data))
                    .isInstanceOf(TemplateException.class)
                    .hasMessage("Rapportmalen 'kommunehelse' (kommunehelse.xlsx) mangler kolonnen 'ASSS-snitt' i tabellen "
                            + "'Profil_KHT' (formelen i 'Indeks (ASSS = 100)' bruker den)");
        }
    }

    @Test
    void anUnknownTemplateIdIsNotFoundAndTheKnownOnesAreListed() {
        assertThatThrownBy(() -> services.reports().templates().require("kultur"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("Fant ikke rapportmalen 'kultur'; malene er kommunehelse, ")
                .hasMessageEndingWith(" og sammendrag")
                .satisfies(e -> assertThat(((NotFoundException) e).detail().toString())
                        .contains("kommunehelse", "pleie-og-omsorg", "sammendrag"));
    }

    private byte[] edit(Consumer<XSSFWorkbook> change) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(services.reports().templateFile(kommunehelse)))) {
            change.accept(workbook);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
