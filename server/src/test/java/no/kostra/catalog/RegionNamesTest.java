package no.kostra.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import no.kostra.errors.InvalidInputException;
import no.kostra.errors.NotFoundException;
import org.junit.jupiter.api.Test;

/** Municipalities by the name a person types, wherever a code is accepted (Catalog.requireRegion). */
class RegionNamesTest {
    private static Region municipality(String code, String name) {
        return new Region(code, name, RegionKind.MUNICIPALITY);
    }

    private final Catalog catalog = new Catalog(
            List.of(municipality("3201", "Bærum"), municipality("3203", "Asker"), municipality("0301", "Oslo"),
                    municipality("4012", "Bamble"), municipality("5046", "Berg"), municipality("1108", "Sandnes"),
                    municipality("3419", "Våler (Innlandet)"), municipality("3114", "Våler (Østfold)"),
                    municipality("1515", "Herøy"), municipality("1818", "Herøy"),
                    municipality("5610", "Kárášjohka - Karasjok"), municipality("3228", "Nes"), municipality("3430", "Nesbyen"),
                    municipality("3428", "Nesna"), municipality("1563", "Nesodden"), municipality("3212", "Nesseby"),
                    municipality("3227", "Neset"),
                    new Region("ASSS", "ASSS-snitt", RegionKind.GROUP)),
            List.of(new CodeChange("0219", "3024", 2020), new CodeChange("3024", "3201", 2024)),
            List.of(), List.of(), List.of(), List.of());

    private String code(String asked) {
        return catalog.requireRegion(asked).code();
    }

    @Test
    void baerumIsFoundByItsNameHoweverItIsTyped() {
        assertThat(List.of("Bærum", "bærum", "BÆRUM", "Baerum", "baerum", "  Bærum ", "Bærum kommune"))
                .allSatisfy(asked -> assertThat(code(asked)).as(asked).isEqualTo("3201"));
    }

    @Test
    void æøåMayBeTypedAsAeOeAaOrAsPlainLetters() {
        assertThat(code("Vaaler (Oestfold)")).isEqualTo("3114");
        assertThat(code("Valer (Ostfold)")).isEqualTo("3114");
        assertThat(code("Barum")).isEqualTo("3201");
    }

    @Test
    void everyNumberTheMunicipalityHasHadStillWorksAndAThreeDigitNumberGetsItsLeadingZero() {
        assertThat(code("3201")).isEqualTo("3201");
        assertThat(code("3024")).isEqualTo("3201");
        assertThat(code("0219")).isEqualTo("3201");
        assertThat(code("219")).isEqualTo("3201");
        assertThat(code("301")).isEqualTo("0301");
    }

    @Test
    void aGroupIsFoundByItsCodeInAnyCaseAndByItsName() {
        assertThat(code("ASSS")).isEqualTo("ASSS");
        assertThat(code("asss")).isEqualTo("ASSS");
        assertThat(code("ASSS-snitt")).isEqualTo("ASSS");
    }

    @Test
    void aNameWithItsCountyIsFoundWithOrWithoutBracketsAndWithI() {
        assertThat(code("Våler (Østfold)")).isEqualTo("3114");
        assertThat(code("Våler Østfold")).isEqualTo("3114");
        assertThat(code("Våler i Innlandet")).isEqualTo("3419");
    }

    @Test
    void aMunicipalityWithASamiAndANorwegianNameIsFoundByEither() {
        assertThat(code("Karasjok")).isEqualTo("5610");
        assertThat(code("Kárášjohka")).isEqualTo("5610");
        assertThat(code("karasjohka")).isEqualTo("5610");
    }

    @Test
    void aNameTwoMunicipalitiesShareIsRefusedNamingBothWithTheirNumbers() {
        assertThatThrownBy(() -> catalog.requireRegion("Våler"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("«Våler» passer til flere kommuner: Våler (Innlandet, 3419) og Våler (Østfold, 3114). "
                        + "Skriv kommunenummeret, eller navnet med fylket i parentes.");
        assertThatThrownBy(() -> catalog.requireRegion("heroy"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("«heroy» passer til flere kommuner: Herøy (1515) og Herøy (1818). "
                        + "Skriv kommunenummeret, eller navnet med fylket i parentes.");
    }

    @Test
    void aMistypedNameIsRefusedWithTheNearestNamesAndTheirNumbers() {
        assertThatThrownBy(() -> catalog.requireRegion("Bærun"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Fant ingen kommune som heter «Bærun». Mente du Bærum (3201)?")
                .satisfies(e -> assertThat(((NotFoundException) e).detail())
                        .isEqualTo(Map.of("asked", "Bærun", "suggestions", List.of(Map.of("code", "3201", "name", "Bærum")))));
        assertThatThrownBy(() -> catalog.requireRegion("Bearum"))
                .hasMessage("Fant ingen kommune som heter «Bearum». Mente du Bærum (3201)?");
    }

    @Test
    void atMostFiveSuggestionsComeNearestFirst() {
        assertThatThrownBy(() -> catalog.requireRegion("Nesx"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Fant ingen kommune som heter «Nesx». Mente du Nes (3228), Neset (3227) eller Nesna (3428)?");
        // six names begin with «Ne»: Nesseby, the sixth by name, is left out
        assertThatThrownBy(() -> catalog.requireRegion("Ne"))
                .hasMessage("Fant ingen kommune som heter «Ne». Mente du Nes (3228), Nesbyen (3430), Neset (3227),"
                        + " Nesna (3428) eller Nesodden (1563)?");
    }

    @Test
    void aNameNothingResemblesSaysWhereTheNamesAre() {
        assertThatThrownBy(() -> catalog.requireRegion("Xyzzyplugh"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Fant ingen kommune som heter «Xyzzyplugh». Skriv navnet slik det står i /api/regions, eller"
                        + " kommunenummeret.");
    }

    @Test
    void anUnknownNumberSaysSoAndWhereTheNumbersAre() {
        assertThatThrownBy(() -> catalog.requireRegion("9999"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Fant ingen kommune med nummer 9999. Kommunene og numrene deres står i /api/regions.")
                .satisfies(e -> assertThat(((NotFoundException) e).detail()).isEqualTo(Map.of("asked", "9999")));
    }

    @Test
    void codesInDataFilesAreStillCodesOnly() {
        assertThat(catalog.findRegion("Bærum")).isEmpty();
        assertThat(catalog.findRegion("3024")).map(Region::code).contains("3201");
    }
}
