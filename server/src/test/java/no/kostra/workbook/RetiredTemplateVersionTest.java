package no.kostra.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import no.kostra.errors.InvalidInputException;
import no.kostra.service.Services;
import no.kostra.support.SeededServices;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A workbook made from a template version the service no longer has is refused, even with intact provenance. */
class RetiredTemplateVersionTest {
    @Test
    void aWorkbookFromARetiredTemplateVersionIsRefusedAndChangesNothing() throws Exception {
        try (Services services = SeededServices.open()) {
            byte[] filled = services.reports().fill("kommunehelse", "3201", 2024).xlsx();
            byte[] retired;
            // given the same workbook, signed by this service, but made from template version "0.9"
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(filled));
                 ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                ProvenanceSheet.Provenance provenance = ProvenanceSheet.read(workbook).orElseThrow();
                ProvenanceHeader h = provenance.header();
                workbook.removeSheetAt(workbook.getSheetIndex(ProvenanceSheet.SHEET_NAME));
                ProvenanceSigner signer = new SigningKeys(services.database(), SeededServices.CLOCK).current();
                ProvenanceSheet.write(workbook, new ProvenanceHeader(h.templateId(), "0.9", h.templateSha256(), h.region(),
                        h.regionName(), h.year(), h.dataRevision(), h.madeAt(), h.keyId()), provenance.cells(), signer);
                workbook.write(out);
                retired = out.toByteArray();
            }
            long revision = services.figures().dataRevision();

            assertThatThrownBy(() -> services.roundTrip().receive("gammel.xlsx", retired, "Ole", null, false))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("gammel.xlsx er laget fra versjon 0.9 av malen 'Kommunehelse', som ikke finnes lenger");
            assertThat(services.figures().dataRevision()).isEqualTo(revision);
        }
    }
}
