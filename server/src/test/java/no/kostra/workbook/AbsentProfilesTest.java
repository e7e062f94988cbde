package no.kostra.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import no.kostra.ingest.ImportFormat;
import no.kostra.ingest.ImportOptions;
import no.kostra.observation.Vintage;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A year whose layouts lack some of an area's profiles fills the others and says which are absent. The 2021 layouts
 * (KHT, PLO 0–66 and PLO 67+ only) and 2021 figures are the test fixtures in server/src/test/resources/profiles/.
 */
class AbsentProfilesTest {
    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();

    private void importFixture(String name, ImportFormat format) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/profiles/" + name)) {
            seeded.services().importer().importFile(name.startsWith("profile_rows") ? "profile_rows.csv" : name, in.readAllBytes(),
                    new ImportOptions(format, null, Vintage.FINAL, null));
        }
    }

    @Test
    void a2021PleieOgOmsorgFillsTheProfilesWithA2021LayoutAndNotesTheOthers() throws Exception {
        // given the 2021 layouts of PLO 0–66 and PLO 67+ (none for PLO alle and PLO TTU) and Bærum's 2021 figures
        importFixture("profile_rows-2021.csv", ImportFormat.CATALOG);
        importFixture("figures-2021.csv", null);

        // when
        try (FilledWorkbook filled = new FilledWorkbook(seeded.services().reports().fill("pleie-og-omsorg", "3201", 2021).xlsx())) {
            // then the profiles with a 2021 layout hold its rows and Bærum's 2021 figures (3024 then)
            assertThat(filled.column("Profil_PLO_67", "Id")).containsExactly("PLO.bistandsbehov_hjemmetjeneste_67",
                    "PLO.andel_80_hjemmetjeneste", "PLO.sykefravaer");
            assertThat(filled.cell("Profil_PLO_67", "PLO.andel_80_hjemmetjeneste", "2021").getNumericCellValue()).isEqualTo(24.6);
            assertThat(filled.column("Profil_PLO_0_66", "Id")).containsExactly("PLO.bistandsbehov_hjemmetjeneste_0_66",
                    "PLO.sykefravaer");
            assertThat(FilledWorkbook.text(filled.cell("Profil 67 år+", "B2"))).isEmpty();

            // and the two without one are empty, each with a note saying why and what to do
            assertThat(filled.dataRows("Profil_PLO")).isEqualTo(1);
            assertThat(filled.column("Profil_PLO", "Id")).containsExactly("");
            assertThat(FilledWorkbook.text(filled.cell("Profil alle", "B3"))).isEqualTo(
                    "Tjenesteprofil – Pleie og omsorg – alle aldersgrupper – Bærum 2021");
            assertThat(FilledWorkbook.text(filled.cell("Profil alle", "B4"))).isEqualTo("Ingen tjenesteprofil for Pleie og omsorg –"
                    + " alle aldersgrupper i 2021: katalogen har ikke profilens rader for 2021 (de første er fra 2024)."
                    + " Importer profile_rows.csv for 2021 for å fylle tabellen.");
            assertThat(FilledWorkbook.text(filled.cell("Profil TTU", "B2")))
                    .startsWith("Ingen tjenesteprofil for Pleie og omsorg – tjenester til utviklingshemmede (TTU) i 2021:");
            assertThat(filled.chart("Graf_Profil_PLO_TTU").getTitleText().getString()).endsWith("– ingen tall for 2021");
            ProvenanceSheet.Provenance provenance = ProvenanceSheet.read(filled.workbook()).orElseThrow();
            assertThat(provenance.cells()).noneMatch(c -> c.table().equals("Profil_PLO") || c.table().equals("Profil_PLO_TTU"))
                    .anyMatch(c -> c.table().equals("Profil_PLO_67"));
        }
    }

    @Test
    void aProfileWithALayoutButNoFiguresForTheMunicipalityIsNotedToo() throws Exception {
        // given the 2021 layouts but no 2021 figures for PLO 0–66's rows of Asker
        importFixture("profile_rows-2021.csv", ImportFormat.CATALOG);
        importFixture("figures-2021.csv", null);

        try (FilledWorkbook filled = new FilledWorkbook(seeded.services().reports().fill("sammendrag", "3201", 2021).xlsx())) {
            // the summary of 2021 lists the rows of the profiles it has: KHT's 4, PLO 0–66's 2, PLO 67+'s 3
            assertThat(filled.dataRows("Sammendrag")).isEqualTo(9);
        }
    }
}
