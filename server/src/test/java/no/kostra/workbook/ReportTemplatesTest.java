package no.kostra.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Indicator;
import no.kostra.catalog.MeanKind;
import no.kostra.catalog.ProfileDefinition;
import no.kostra.catalog.ProfileEntry;
import no.kostra.catalog.Unit;
import no.kostra.errors.NotFoundException;
import no.kostra.ingest.SeedFiles;
import no.kostra.ingest.SeedImporter;
import org.junit.jupiter.api.Test;

/**
 * The report templates come from the catalogue: one per service area of its profiles, and the summary across them.
 * Nothing but catalogue data says which templates, sheets, tables and charts exist.
 */
class ReportTemplatesTest {
    private static final Catalog SEEDS = SeedImporter.catalogOf(SeedFiles.fromClasspath());

    /** The seeds' catalogue with one more area, which the catalogue does not have: Kultur, a profile of two rows and no series. */
    private static Catalog withKultur(String sheet) {
        List<ProfileDefinition> profiles = new ArrayList<>(SEEDS.profiles());
        profiles.add(new ProfileDefinition("KUL", "KUL", "Kultur", "Kultur", 20, sheet, null, "Kultur"));
        List<Indicator> indicators = new ArrayList<>(SEEDS.indicators());
        indicators.add(new Indicator("KUL.netto_per_innbygger", "KUL", 1, "Netto driftsutgifter til kultur per innbygger (kroner)",
                Unit.fromCode("kroner"), 0, MeanKind.WEIGHTED, true, "test", null));
        indicators.add(new Indicator("KUL.andel_i_kulturskolen", "KUL", 2, "Andel barn 6–15 år i kulturskolen (prosent)",
                Unit.fromCode("prosent"), 1, MeanKind.WEIGHTED, true, "test", null));
        List<ProfileEntry> entries = new ArrayList<>(SEEDS.profileEntries());
        entries.add(new ProfileEntry("KUL", 2018, null, 1, "Prioritering", "KUL.netto_per_innbygger", MeanKind.WEIGHTED));
        entries.add(new ProfileEntry("KUL", 2018, null, 2, "Dekningsgrader", "KUL.andel_i_kulturskolen", MeanKind.WEIGHTED));
        return new Catalog(SEEDS.regions(), SEEDS.codeChanges(), SEEDS.memberships(), profiles, indicators, entries);
    }

    /** The ids of the seeds' templates: one per area of the catalogue, in its order, and the summary last. */
    private static final List<String> SEEDED = List.of("kommunehelse", "pleie-og-omsorg", "barnehage", "grunnskole", "barnevern",
            "sosiale-tjenester", "samferdsel", "eiendomsforvaltning", "byggesak", "sammendrag");

    @Test
    void everyAreaOfTheSeedsGetsATemplateNamedAfterItsTitleAndTheSummaryComesLast() {
        ReportTemplates templates = ReportTemplates.of(SEEDS);

        assertThat(templates.all()).extracting(ReportTemplate::id).containsExactlyElementsOf(SEEDED);
        assertThat(templates.require("pleie-og-omsorg").profileCodes()).containsExactly("PLO", "PLO_0_66", "PLO_67", "PLO_TTU");
        assertThat(templates.require("grunnskole").profileCodes()).containsExactly("GRS");
        assertThat(templates.require("sammendrag").profileCodes()).containsExactly("KHT", "PLO", "PLO_0_66", "PLO_67", "PLO_TTU",
                "BHG", "GRS", "BVT", "SOS", "SAM", "EIE", "BYG");
    }

    @Test
    void anAreasTemplateHasItsProfilesOnTheSheetsTheCatalogueNamesThenBarometerSeriesAndEfficiency() {
        ReportTemplate kommunehelse = ReportTemplates.of(SEEDS).require("kommunehelse");
        ReportTemplate pleie = ReportTemplates.of(SEEDS).require("pleie-og-omsorg");

        assertThat(pleie.parts()).extracting(TemplatePart::table).containsExactly("Profil_PLO", "Profil_PLO_0_66", "Profil_PLO_67",
                "Profil_PLO_TTU", "Kommunebarometer_PLO", "Effektivitet_PLO");
        assertThat(pleie.parts().subList(0, 4)).extracting(p -> ((TemplatePart.Profile) p).sheet())
                .containsExactly("Profil alle", "Profil 0–66 år", "Profil 67 år+", "Profil TTU");
        assertThat(pleie.parts().get(4)).isEqualTo(new TemplatePart.Barometer("PLO", List.of("Pleie og omsorg")));
        assertThat(kommunehelse.parts()).extracting(TemplatePart::table).containsExactly("Profil_KHT", "Kommunebarometer_KHT",
                "Serier_KHT", "Effektivitet_KHT");
        TemplatePart.Series series = (TemplatePart.Series) kommunehelse.parts().get(2);
        assertThat(series.charts()).hasSize(12).first()
                .isEqualTo(new TemplatePart.Series.Chart("KHT.serie_netto_per_innbygger", SEEDS.requireIndicator("KHT.serie_netto_per_innbygger").name()));
    }

    @Test
    void anAreaAddedToTheCatalogueGetsATemplateWithoutCodeAndTheSummaryCoversIt() {
        ReportTemplates templates = ReportTemplates.of(withKultur(null));

        ReportTemplate kultur = templates.require("kultur");
        assertThat(kultur.title()).isEqualTo("Kultur");
        assertThat(kultur.area()).isEqualTo("KUL");
        assertThat(kultur.parts()).containsExactly(new TemplatePart.Profile("KUL", "Kultur", "Profil"),
                new TemplatePart.Barometer("KUL", List.of("Kultur")), new TemplatePart.Efficiency("KUL"));
        assertThat(templates.all()).extracting(ReportTemplate::id).containsSubsequence("byggesak", "kultur", "sammendrag");
        TemplatePart.Overview overview = (TemplatePart.Overview) templates.require("sammendrag").parts().get(0);
        assertThat(overview.areas()).extracting(TemplatePart.Overview.Area::code).containsExactly("KHT", "PLO", "BHG", "GRS",
                "BVT", "SOS", "SAM", "EIE", "BYG", "KUL");
        assertThat(overview.areas().get(1).resourceIndicator()).isEqualTo("PLO.ressursbruksindikator");
        assertThat(overview.areas().get(9).resourceIndicator()).isNull();
    }

    @Test
    void aProfileWithoutASheetTitleIsOnProfilAloneInItsAreaOrProfilAndItsCodeBesideOthers() {
        List<ProfileDefinition> profiles = new ArrayList<>(SEEDS.profiles());
        profiles.add(new ProfileDefinition("KHT_LEGE", "KHT", "Kommunehelse", "Kommunehelse – legetjenester", 6));
        Catalog twoKht = new Catalog(SEEDS.regions(), SEEDS.codeChanges(), SEEDS.memberships(), profiles, SEEDS.indicators(),
                SEEDS.profileEntries());

        assertThat(ReportTemplates.of(withKultur(null)).require("kultur").parts().get(0))
                .extracting(p -> ((TemplatePart.Profile) p).sheet()).isEqualTo("Profil");
        assertThat(ReportTemplates.of(twoKht).require("kommunehelse").parts().subList(0, 2))
                .extracting(p -> ((TemplatePart.Profile) p).sheet()).containsExactly("Profil", "Profil KHT_LEGE");
    }

    @Test
    void equalCataloguesGiveEqualTemplatesSoADesignedWorkbookIsMadeOncePerTemplate() {
        assertThat(ReportTemplates.of(withKultur("Profil kultur")).require("kultur"))
                .isEqualTo(ReportTemplates.of(withKultur("Profil kultur")).require("kultur"))
                .isNotEqualTo(ReportTemplates.of(withKultur("Kultur")).require("kultur"));
    }

    @Test
    void anUnknownTemplateIdIsNotFoundAndTheMessageListsTheValidOnes() {
        assertThatThrownBy(() -> ReportTemplates.of(SEEDS).require("kultur"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Fant ikke rapportmalen 'kultur'; malene er kommunehelse, pleie-og-omsorg, barnehage, grunnskole,"
                        + " barnevern, sosiale-tjenester, samferdsel, eiendomsforvaltning, byggesak og sammendrag")
                .satisfies(e -> assertThat(((NotFoundException) e).detail().toString()).contains(SEEDED));
    }

    @Test
    void templateIdsAreTheAreaTitlesAsAPersonWouldTypeThem() {
        assertThat(ReportTemplates.id("Pleie og omsorg")).isEqualTo("pleie-og-omsorg");
        assertThat(ReportTemplates.id("Sosiale tjenester")).isEqualTo("sosiale-tjenester");
        assertThat(ReportTemplates.id("Eiendomsforvaltning – bygg")).isEqualTo("eiendomsforvaltning-bygg");
        assertThat(ReportTemplates.id("Kjøkken, bæredyktighet og pårørende")).isEqualTo("kjokken-baeredyktighet-og-parorende");
    }
}
