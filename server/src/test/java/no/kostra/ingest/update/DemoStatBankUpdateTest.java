package no.kostra.ingest.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import no.kostra.bench.LocalStatBank;
import no.kostra.catalog.IndicatorSource;
import no.kostra.compute.ProfileRow;
import no.kostra.compute.YearFigure;
import no.kostra.ingest.ssb.RateLimiter;
import no.kostra.ingest.ssb.SsbClient;
import no.kostra.observation.Vintage;
import no.kostra.service.Services;
import no.kostra.store.DatabaseSettings;
import no.kostra.store.SourceRepository;
import org.junit.jupiter.api.Test;

/**
 * The demonstration the README gives: {@code demo-statbank} (made-up answers in the real tables' shapes) and
 * {@code update --year 2024} against it, then the profiles of the areas the seed reports have no figures for.
 */
class DemoStatBankUpdateTest {
    private static final List<String> NEW_AREAS = List.of("BHG", "GRS", "BVT", "SOS", "SAM", "EIE", "BYG");

    @Test
    void everyRowWithAStatBankSourceShowsBaerumsFigureForEachYearAfterAnUpdateFromTheDemoStatBank() throws Exception {
        try (Services services = Services.openSeeded(DatabaseSettings.inMemory("demo-" + System.nanoTime()),
                Clock.fixed(Instant.parse("2025-06-20T10:00:00Z"), ZoneOffset.UTC))) {
            List<IndicatorSource> sources = services.database().read(SourceRepository::all);
            Set<String> sourced = sources.stream().map(IndicatorSource::indicator).collect(Collectors.toSet());
            UpdateRequest request = UpdateRequest.forReportYear(2024, Vintage.FINAL);
            try (LocalStatBank bank = LocalStatBank.synthetic(services.catalogs().current(), sources, request.years(), 0,
                    LocalStatBank.Limits.NONE)) {
                SsbClient client = new SsbClient(bank.v2(), null, HttpClient.newHttpClient(),
                        new RateLimiter(1_000, Duration.ofSeconds(60), Clock.systemUTC(), d -> { }), SsbClient.SSB_CELL_LIMIT, null,
                        new StoredMetadata(services.database(), services.clock()));

                // when the update runs against the demo StatBank
                new Updater(services.database(), services.importer(), services.catalogs()::current).run(request, client, UpdateProgress.none());
            }

            // then every sourced row of every new area's profile has Bærum's figure for 2022, 2023 and 2024
            List<String> missing = new ArrayList<>();
            int checked = 0;
            for (var profile : services.catalogs().current().profiles()) {
                if (!NEW_AREAS.contains(profile.area())) {
                    continue;
                }
                for (ProfileRow row : services.profiles().profile("3201", profile.code(), 2024).rows()) {
                    if (!sourced.contains(row.indicator())) {
                        continue;
                    }
                    for (YearFigure figure : row.values()) {
                        checked++;
                        if (figure.value() == null) {
                            missing.add(row.indicator() + " " + figure.year() + " " + figure.status());
                        }
                    }
                }
            }
            assertThat(checked).isGreaterThanOrEqualTo(3 * 25);
            assertThat(missing).isEmpty();
        }
    }
}
