package no.kostra.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import no.kostra.compute.ProfileRow;
import no.kostra.ingest.ImportOptions;
import no.kostra.store.DatabaseSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A weighted profile row whose weight the catalogue does not name (barnehage's children per FTE: KS weighs it, the
 * weight is not in StatBank), before KS publishes its ASSS figures: every member's value stored, no mean to form.
 */
class WeightedMeanWithoutWeightsTest {
    private static final String INDICATOR = "BHG.barn_per_arsverk_grunnbemanning";
    private final Services services = Services.openSeeded(DatabaseSettings.inMemory("unweighted-" + System.nanoTime()),
            Clock.fixed(Instant.parse("2026-03-20T10:00:00Z"), ZoneOffset.UTC));

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void theRowShowsTheMembersHighestAndLowestAndSaysWhyItHasNoMean() {
        // given every ASSS member's children per FTE for 2025: 5.0, 5.2 … 7.2 in the members' order, Bærum among them
        List<String> members = services.catalogs().current().membersOf("ASSS", 2025);
        StringBuilder file = new StringBuilder("region;indicator;year;value\n");
        for (int k = 0; k < members.size(); k++) {
            file.append(members.get(k)).append(';').append(INDICATOR).append(";2025;").append(5.0 + 0.2 * k).append('\n');
        }
        services.importer().importFile("barn-per-arsverk.csv", file.toString().getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());

        // when Bærum's barnehage profile for 2025 is asked for
        ProfileRow row = services.profiles().profile("3201", "BHG", 2025).rows().stream()
                .filter(r -> r.indicator().equals(INDICATOR)).findFirst().orElseThrow();

        // then no mean (it would need weights), the highest and lowest member as stored, and a sentence saying why
        assertThat(row.asss().basis()).isEqualTo("computed");
        assertThat(row.asss().mean().value()).isNull();
        assertThat(row.asss().high().value()).isEqualTo(5.0 + 0.2 * (members.size() - 1), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(row.asss().low().value()).isEqualTo(5.0);
        assertThat(row.index()).isNull();
        assertThat(row.narrative()).contains("ASSS-snittet for 2025 er ikke publisert og kan ikke beregnes fra medlemmenes tall,"
                + " så barn per årsverk til grunnbemanning kan ikke sammenlignes med det.");
    }
}
