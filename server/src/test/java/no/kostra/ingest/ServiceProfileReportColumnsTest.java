package no.kostra.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import no.kostra.catalog.ProfileDefinition;
import no.kostra.errors.InvalidInputException;
import no.kostra.observation.Vintage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * service_profiles.csv's optional report columns: the profile's sheet title in its area's workbook, its
 * ressursbruksindikator, and the Kommunebarometeret sector its area is ranked in. Rows without them (written before
 * the columns existed) still import.
 */
class ServiceProfileReportColumnsTest {
    private static final ImportOptions CATALOG = new ImportOptions(ImportFormat.CATALOG, null, Vintage.FINAL, null);
    private final IngestFixture fixture = new IngestFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private ImportReport importProfiles(String text) {
        return fixture.services.importer().importFile("service_profiles.csv", text.getBytes(StandardCharsets.UTF_8), CATALOG);
    }

    private ProfileDefinition stored(String code) {
        return fixture.services.catalogs().current().requireProfile(code);
    }

    @Test
    void theSeedsNameEachProfilesSheetResourceIndicatorAndBarometerSector() {
        assertThat(stored("PLO_67").sheetTitle()).isEqualTo("Profil 67 år+");
        assertThat(stored("PLO").resourceIndicator()).isEqualTo("PLO.ressursbruksindikator");
        assertThat(stored("PLO_TTU").resourceIndicator()).isNull();
        assertThat(stored("PLO_0_66").barometerSector()).isEqualTo("Pleie og omsorg");
        assertThat(stored("KHT").barometerSector()).isEqualTo("Helse");
    }

    @Test
    void aRowWithTheFiveOriginalColumnsOnlyImportsWithoutReportColumns() {
        ImportReport report = importProfiles("code,area,area_title,title,sort,sheet,resource_indicator,barometer_sector\n"
                + "KHT_LEGE,KHT,Kommunehelse,Kommunehelse – legetjenester,6\n");

        assertThat(report.added()).isEqualTo(1);
        assertThat(stored("KHT_LEGE").sheetTitle()).isNull();
        assertThat(stored("KHT_LEGE").area()).isEqualTo("KHT");
    }

    @Test
    void anUnknownResourceIndicatorIsRefusedNamingFileProfileAndColumnAndChangesNothing() {
        long revision = fixture.services.figures().dataRevision();

        assertThatThrownBy(() -> importProfiles("code,area,area_title,title,sort,resource_indicator\n"
                + "KUL,KUL,Kultur,Kultur,20,KUL.ressursbruksindikator\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("service_profiles.csv: profilen KUL, kolonne resource_indicator: ukjent indikator"
                        + " KUL.ressursbruksindikator; importer indicators.csv med den først");
        assertThat(fixture.services.figures().dataRevision()).isEqualTo(revision);
        assertThat(fixture.services.catalogs().current().findProfile("KUL")).isEmpty();
    }

    @Test
    void aSheetTitleExcelCannotHoldIsRefusedNamingLineAndColumn() {
        assertThatThrownBy(() -> importProfiles("code,area,area_title,title,sort,sheet\n"
                + "KUL,KUL,Kultur,Kultur,20,Profil: kultur\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("service_profiles.csv linje 2: arknavnet 'Profil: kultur' har tegnet ':', som Excel ikke"
                        + " tillater i et arknavn (: \\ / ? * [ ])");
    }
}
