package no.kostra.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import no.kostra.catalog.IndicatorSource;
import no.kostra.errors.InvalidInputException;
import no.kostra.observation.Vintage;
import no.kostra.store.SourceRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SourceTableTest {
    private static final String HEADER = "indicator,role,table,contents,filters,factor,status,evidence\n";
    private static final ImportOptions CATALOG = new ImportOptions(ImportFormat.CATALOG, null, Vintage.FINAL, null);
    private final IngestFixture fixture = new IngestFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private ImportReport importSources(String text) {
        return fixture.services.importer().importFile("indicator_sources.csv", text.getBytes(StandardCharsets.UTF_8), CATALOG);
    }

    private List<IndicatorSource> stored() {
        return fixture.services.database().read(SourceRepository::all);
    }

    private IndicatorSource stored(String indicator, IndicatorSource.Role role) {
        return stored().stream().filter(s -> s.indicator().equals(indicator) && s.role() == role).findFirst().orElseThrow();
    }

    @Test
    void theSeedsMapShippedKhtAndPloIndicatorsEachMarkedVerifiedOrNotWithEvidence() {
        List<IndicatorSource> seeded = stored();

        assertThat(seeded).extracting(IndicatorSource::indicator).contains("KHT.netto_driftsutgifter_per_innbygger",
                "KHT.arsverk_leger_per_10000", "PLO.andel_80_hjemmetjeneste");
        assertThat(seeded).allSatisfy(s -> assertThat(s.evidence()).isNotBlank());
        assertThat(stored("KHT.netto_driftsutgifter_per_innbygger", IndicatorSource.Role.NUMERATOR).filters())
                .containsEntry("KOKfunksjon0000", List.of("232", "233", "241")).containsEntry("KOKart0000", List.of("AGD2"));
        assertThat(stored("PLO.andel_80_hjemmetjeneste", IndicatorSource.Role.DENOMINATOR).filters().get("Alder"))
                .hasSize(26).startsWith("080").endsWith("105+");
    }

    @Test
    void aSourcesFileAddsAndReplacesEntriesByIndicatorAndRoleAndRemovesNone() {
        int before = stored().size();

        ImportReport report = importSources(HEADER
                + "KHT.arsverk_leger_per_10000,numerator,11996,KOSlegeaarsverk0000,KOKavtaleform0000=sum;KOKfunksjon0000=241,10 000,verified,SSB metadata 11996\n"
                + "KHT.sykefravaer,value,12345,KOSsykefravaer0000,,,unverified,\n");

        assertThat(report.read()).isEqualTo(2);
        assertThat(report.added()).isEqualTo(1);
        assertThat(report.changed()).isEqualTo(1);
        assertThat(stored()).hasSize(before + 1);
        IndicatorSource replaced = stored("KHT.arsverk_leger_per_10000", IndicatorSource.Role.NUMERATOR);
        assertThat(replaced.filters()).isEqualTo(Map.of("KOKavtaleform0000", List.of("sum"), "KOKfunksjon0000", List.of("241")));
        assertThat(replaced.factor()).isEqualTo(10_000);
        assertThat(replaced.verified()).isTrue();
        assertThat(stored("KHT.sykefravaer", IndicatorSource.Role.VALUE).factor()).isEqualTo(1);
    }

    @Test
    void theSameSourcesFileTwiceChangesNothing() {
        String file = HEADER + "KHT.sykefravaer,value,12345,KOSsykefravaer0000,KOKfunksjon0000=241+232,,unverified,\n";
        importSources(file);
        long revision = fixture.services.figures().dataRevision();

        ImportReport again = importSources(file);

        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(again.added() + again.changed()).isZero();
        assertThat(fixture.services.figures().dataRevision()).isEqualTo(revision);
    }

    @Test
    void aBadLineIsRefusedInBokmalNamingLineAndColumnAndChangesNothing() {
        List<IndicatorSource> before = stored();
        List<Long> state = fixture.state();

        assertThatThrownBy(() -> importSources(HEADER
                + "KHT.sykefravaer,value,12345,KOSsykefravaer0000,,,unverified,\n"
                + "KHT.sykefravaer,ratio,12345,KOSsykefravaer0000,,,unverified,\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("indicator_sources.csv linje 3, kolonne role: forventet value, numerator eller denominator, fant 'ratio'");
        assertThat(stored()).isEqualTo(before);
        assertThat(fixture.state()).isEqualTo(state);
    }

    @Test
    void anUnknownIndicatorABadFilterAndAVerifiedRowWithoutEvidenceAreEachRefused() {
        assertThatThrownBy(() -> importSources(HEADER + "KHT.finnes_ikke,value,12345,KOSx0000,,,unverified,\n"))
                .hasMessageContaining("linje 2, kolonne indicator: ukjent indikator 'KHT.finnes_ikke'");
        assertThatThrownBy(() -> importSources(HEADER + "KHT.sykefravaer,value,12345,KOSx0000,KOKfunksjon0000,,unverified,\n"))
                .hasMessageContaining("linje 2, kolonne filters: forventet DIMENSJON=KODE");
        assertThatThrownBy(() -> importSources(HEADER + "KHT.sykefravaer,value,12345,KOSx0000,Tid=2024,,unverified,\n"))
                .hasMessageContaining("linje 2, kolonne filters: Tid velges ikke med filter");
        assertThatThrownBy(() -> importSources(HEADER + "KHT.sykefravaer,value,12345,KOSx0000,,,verified,\n"))
                .hasMessageContaining("linje 2, kolonne evidence: en verifisert kilde må si hvor den er lest");
        assertThatThrownBy(() -> importSources(HEADER + "KHT.sykefravaer,value,12345,KOSx0000,,0,unverified,\n"))
                .hasMessageContaining("linje 2, kolonne factor: faktoren må være større enn 0");
    }

    @Test
    void aNumeratorWithoutADenominatorIsRefusedAsAWhole() {
        assertThatThrownBy(() -> importSources(HEADER + "KHT.sykefravaer,numerator,12345,KOSx0000,,,unverified,\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("indicator_sources.csv linje 2, kolonne role: KHT.sykefravaer har en numerator men ingen denominator;"
                        + " en brøk trenger begge");
    }
}
