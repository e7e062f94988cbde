package no.kostra.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A profile's report columns (sheet title, resource indicator, barometer sector) are optional; a sheet title must suit Excel. */
class ProfileDefinitionTest {
    @Test
    void blankReportColumnsAreAbsent() {
        ProfileDefinition profile = new ProfileDefinition("KHT", "KHT", "Kommunehelse", "Kommunehelse", 1, " ", "", null);

        assertThat(profile.sheetTitle()).isNull();
        assertThat(profile.resourceIndicator()).isNull();
        assertThat(profile.barometerSector()).isNull();
    }

    @Test
    void aSheetTitleLongerThanExcelAllowsIsRefusedNamingTheLimit() {
        assertThatThrownBy(() -> new ProfileDefinition("PLO_67", "PLO", "Pleie og omsorg", "Pleie og omsorg – 67 år+", 4,
                "Profil innbyggere 67 år og eldre", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("arknavnet 'Profil innbyggere 67 år og eldre' har 32 tegn; Excel tillater høyst 31");
    }

    @Test
    void aSheetTitleWithACharacterExcelRefusesIsRefused() {
        assertThatThrownBy(() -> new ProfileDefinition("PLO_67", "PLO", "Pleie og omsorg", "Pleie og omsorg – 67 år+", 4,
                "Profil 67/80 år", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("arknavnet 'Profil 67/80 år' har tegnet '/', som Excel ikke tillater i et arknavn (: \\ / ? * [ ])");
    }
}
