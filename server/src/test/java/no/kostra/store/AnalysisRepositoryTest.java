package no.kostra.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import no.kostra.ingest.ImportFormat;
import no.kostra.ingest.ImportOptions;
import no.kostra.observation.Preliminary;
import no.kostra.observation.Vintage;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which stored figures are preliminary, asked for many indicators and regions at once. */
class AnalysisRepositoryTest {
    private static final String DOCTORS = "KHT.arsverk_leger_per_10000";
    private static final String NURSES = "KHT.arsverk_helsestasjon_per_1000_0_5";
    private static final String SICK_LEAVE = "KHT.sykefravaer";

    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();

    @Test
    void onlyTheAskedIndicatorsAndRegionsCurrentPreliminaryFiguresAreTold() {
        // given March figures for Bærum and Asker, one of Bærum's since confirmed by June's final figure
        importFigures(Vintage.PRELIMINARY, "3201;" + DOCTORS + ";2024;10,5", "3201;" + SICK_LEAVE + ";2024;7,5",
                "3201;" + NURSES + ";2024;4,5", "3203;" + DOCTORS + ";2024;11,5");
        importFigures(Vintage.FINAL, "3201;" + NURSES + ";2024;4,6");

        // when asked for two of the indicators for Bærum, the sick leave between them in the key's order not asked
        Preliminary preliminary = new AnalysisRepository(seeded.services().database()).preliminary(List.of(DOCTORS, NURSES),
                List.of("3201"), 2021, 2024);

        // then only Bærum's doctors answer: not Asker's, not the indicator not asked, not the figure June confirmed
        assertThat(preliminary.keys()).containsExactly(Preliminary.figure(DOCTORS, "3201", 2024));
    }

    @Test
    void anIndicatorOrRegionAskedTwiceIsToldOnce() {
        // given one March figure
        importFigures(Vintage.PRELIMINARY, "3201;" + DOCTORS + ";2024;10,5");

        // when its indicator and region are both asked twice
        Preliminary preliminary = new AnalysisRepository(seeded.services().database()).preliminary(List.of(DOCTORS, DOCTORS),
                List.of("3201", "3201"), 2024, 2024);

        // then it is told once
        assertThat(preliminary.keys()).containsExactly(Preliminary.figure(DOCTORS, "3201", 2024));
    }

    private void importFigures(Vintage vintage, String... rows) {
        String csv = "kommune;indikator;år;verdi\n" + String.join("\n", rows) + "\n";
        seeded.services().importer().importFile(vintage.code() + ".csv", csv.getBytes(StandardCharsets.UTF_8),
                new ImportOptions(ImportFormat.CSV, null, vintage, null));
    }
}
