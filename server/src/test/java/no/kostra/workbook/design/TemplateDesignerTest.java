package no.kostra.workbook.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import no.kostra.workbook.ReportTemplate;
import no.kostra.workbook.TemplatePart;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A template is designed from its parts alone, once per definition. */
class TemplateDesignerTest {
    private static ReportTemplate grunnskole(String sheet) {
        return new ReportTemplate("grunnskole", "Grunnskole", "GRS", "Grunnskole", "grunnskole.xlsx", List.of(
                new TemplatePart.Profile("GRS", "Grunnskole", sheet), new TemplatePart.Barometer("GRS", List.of("Grunnskole")),
                new TemplatePart.Efficiency("GRS")));
    }

    @Test
    void aTemplateIsDesignedOnceAndAgainOnlyWhenItsDefinitionChanges() {
        TemplateDesigner designer = new TemplateDesigner();

        byte[] first = designer.bytes(grunnskole("Profil grunnskole"));
        byte[] again = new TemplateDesigner().bytes(grunnskole("Profil grunnskole"));
        byte[] renamed = designer.bytes(grunnskole("Grunnskole 2018"));

        assertThat(again).isSameAs(first);
        assertThat(renamed).isNotSameAs(first);
    }

    @Test
    void theSheetsAreTheOnesThePartsName() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(new TemplateDesigner().bytes(grunnskole("Effektivitet"))))) {
            // a profile on a sheet named like a fixed one keeps its place; the fixed sheet gets the next free name
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)))
                    .containsExactly("Effektivitet", "Kommunebarometeret", "Effektivitet (2)");
            assertThat(workbook.getTable("Profil_GRS").getSheetName()).isEqualTo("Effektivitet");
            assertThat(workbook.getName("Profil_GRS_Merknad").getRefersToFormula()).isEqualTo("'Effektivitet'!$B$4");
            assertThat(workbook.getName("Kommunebarometer_GRS_Tekst").getRefersToFormula()).isEqualTo("'Kommunebarometeret'!$B$2");
        }
    }
}
