package no.kostra.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import no.kostra.errors.NotFoundException;
import no.kostra.support.SeededServices;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A template is checked when it is opened: broken ones are refused with a message naming template and part. */
class TemplateCheckTest {
    private static final ReportTemplate KOMMUNEHELSE = ReportTemplates.require("kommunehelse");

    @Test
    void everyPackagedTemplateOpensWithAllItsParts() throws Exception {
        for (ReportTemplate template : ReportTemplates.all()) {
            try (TemplateWorkbook opened = TemplateWorkbook.open(template, ReportTemplates.packagedBytes(template))) {
                assertThat(opened.version()).isEqualTo(no.kostra.workbook.design.TemplateDesigner.VERSION);
                assertThat(opened.sha256()).hasSize(64);
            }
        }
    }

    @Test
    void theCommittedTemplatesHaveWhatTheDesignerMakesTablesNamesAndCharts() throws Exception {
        try (var services = SeededServices.open()) {
            var designer = new no.kostra.workbook.design.TemplateDesigner(services.catalogs().current());
            for (ReportTemplate template : ReportTemplates.all()) {
                try (XSSFWorkbook designed = designer.design(template);
                     XSSFWorkbook committed = new XSSFWorkbook(new java.io.ByteArrayInputStream(ReportTemplates.packagedBytes(template)))) {
                    assertThat(structure(committed)).as(template.fileName() + " is stale: run kostra-server design-templates")
                            .isEqualTo(structure(designed));
                }
            }
        }
    }

    /** Sheets, tables with their column names, defined names with their targets, chart frame names. */
    private static java.util.List<String> structure(XSSFWorkbook workbook) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (var each : workbook) {
            var sheet = (org.apache.poi.xssf.usermodel.XSSFSheet) each;
            parts.add("sheet " + sheet.getSheetName());
            sheet.getTables().forEach(t -> parts.add("table " + t.getName() + " " + t.getArea().formatAsString() + " "
                    + t.getColumns().stream().map(c -> c.getName()).toList()));
            if (sheet.getDrawingPatriarch() != null) {
                sheet.getDrawingPatriarch().getShapes().forEach(s -> parts.add("chart " + s.getShapeName()));
            }
        }
        workbook.getAllNames().forEach(n -> parts.add("name " + n.getNameName() + " " + n.getRefersToFormula()));
        return parts;
    }

    @Test
    void aFileThatIsNotAnXlsxIsRefusedAtLoad() {
        assertThatThrownBy(() -> TemplateWorkbook.open(KOMMUNEHELSE, "id;name\n1;Bærum\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("Rapportmalen 'kommunehelse' (kommunehelse.xlsx) er ikke en gyldig xlsx-fil: ");
    }

    @Test
    void aMissingTableIsNamed() {
        byte[] edited = edit(w -> w.getSheet("Profil").getTables().get(0).setName("Profil_Gammel"));

        assertThatThrownBy(() -> TemplateWorkbook.open(KOMMUNEHELSE, edited))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Rapportmalen 'kommunehelse' (kommunehelse.xlsx) mangler tabellen 'Profil_KHT'");
    }

    @Test
    void aMissingDefinedNameIsNamed() {
        byte[] edited = edit(w -> w.removeName(w.getName("Profil_KHT_Tittel")));

        assertThatThrownBy(() -> TemplateWorkbook.open(KOMMUNEHELSE, edited))
                .hasMessage("Rapportmalen 'kommunehelse' (kommunehelse.xlsx) mangler navnet 'Profil_KHT_Tittel'");
    }

    @Test
    void aMissingChartIsNamed() {
        byte[] edited = edit(w -> w.getSheet("Profil").getDrawingPatriarch().getShapes().stream()
                .filter(s -> s instanceof org.apache.poi.xssf.usermodel.XSSFGraphicFrame)
                .map(s -> (org.apache.poi.xssf.usermodel.XSSFGraphicFrame) s)
                .forEach(f -> f.setName("Diagram 1")));

        assertThatThrownBy(() -> TemplateWorkbook.open(KOMMUNEHELSE, edited))
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
        try (var services = SeededServices.open(); TemplateWorkbook template = TemplateWorkbook.open(KOMMUNEHELSE, edited)) {
            ReportData data = services.reports().gather(KOMMUNEHELSE, "3201", 2024);
            ReportFiller filler = new ReportFiller(new SigningKeys(services.database(), SeededServices.CLOCK).current());

            assertThatThrownBy(() -> filler.fill(template, data))
                    .isInstanceOf(TemplateException.class)
                    .hasMessage("Rapportmalen 'kommunehelse' (kommunehelse.xlsx) mangler kolonnen 'ASSS-snitt' i tabellen "
                            + "'Profil_KHT' (formelen i 'Indeks (ASSS = 100)' bruker den)");
        }
    }

    @Test
    void anUnknownTemplateIdIsNotFoundAndTheKnownOnesAreListed() {
        assertThatThrownBy(() -> ReportTemplates.require("barnehage"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Fant ikke rapportmalen 'barnehage'; malene er kommunehelse, pleie-og-omsorg og sammendrag.")
                .satisfies(e -> assertThat(((NotFoundException) e).detail().toString())
                        .contains("kommunehelse", "pleie-og-omsorg", "sammendrag"));
    }

    private static byte[] edit(Consumer<XSSFWorkbook> change) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(ReportTemplates.packagedBytes(KOMMUNEHELSE)))) {
            change.accept(workbook);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
