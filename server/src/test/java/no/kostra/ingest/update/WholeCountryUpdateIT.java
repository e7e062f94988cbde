package no.kostra.ingest.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import no.kostra.bench.LocalStatBank;
import no.kostra.ingest.ssb.RateLimiter;
import no.kostra.ingest.ssb.SsbClient;
import no.kostra.observation.Vintage;
import no.kostra.service.Services;
import no.kostra.store.DatabaseSettings;
import no.kostra.store.SourceRepository;
import org.junit.jupiter.api.Test;

/**
 * An update of every municipality against a local StatBank that enforces its limits, scaled so that a test sees them
 * bite: 30 calls in any 10 s and 4 000 cells a call (SSB: 30 a minute, 800 000), so that one table alone (07459) needs
 * more calls than a window allows: the client must wait for the window, and must not be refused.
 */
class WholeCountryUpdateIT {
    private static final int CELL_LIMIT = 4_000;
    private static final Duration WINDOW = Duration.ofSeconds(10);

    @Test
    void aWholeCountryUpdateMakesTheFewestCallsTheLimitsAllowPacedSoNoneIsRefused() throws Exception {
        try (Services services = Services.openSeeded(DatabaseSettings.inMemory("whole-country-" + System.nanoTime()), Clock.systemUTC())) {
            List<Integer> years = IntStream.rangeClosed(2022, 2024).boxed().toList();
            try (LocalStatBank bank = LocalStatBank.synthetic(services.catalogs().current(),
                    services.database().read(SourceRepository::all), years, 0, new LocalStatBank.Limits(30, WINDOW, CELL_LIMIT))) {
                List<Duration> waited = new java.util.concurrent.CopyOnWriteArrayList<>();
                RateLimiter limiter = new RateLimiter(30, WINDOW, Clock.systemUTC(), d -> {
                    waited.add(d);
                    Thread.sleep(d.toMillis() + 1);
                });
                SsbClient client = new SsbClient(bank.v2(), null, HttpClient.newHttpClient(), limiter, CELL_LIMIT, null,
                        new StoredMetadata(services.database(), services.clock()));

                UpdateSummary summary = new Updater(services.database(), services.importer(), services.catalogs()::current)
                        .run(new UpdateRequest(2024, Vintage.FINAL, years, true), client, UpdateProgress.none());

                // then a data call per piece, within 10 % of the fewest the cell limit allows (Σ per table ⌈cells / 4 000⌉:
                // a table's series that would cost more cells merged are asked apart, whose pieces need not fill up
                // together), and no metadata call: every table is planned from the catalogue's shape of it
                long fewest = summary.tables().stream().mapToLong(t -> -Math.floorDiv(-t.cells(), CELL_LIMIT)).sum();
                LocalStatBank.Counts counts = bank.counts();
                assertThat(counts.data()).as("%s", summary.tables())
                        .isEqualTo(summary.tables().stream().mapToInt(UpdateSummary.Table::pieces).sum())
                        .isLessThanOrEqualTo((int) (1.1 * fewest));
                assertThat(counts.metadata()).isZero();
                assertThat(counts.calls()).isEqualTo(summary.calls()).isEqualTo(counts.data());
                // and the client waited for the window rather than be refused
                assertThat(waited).isNotEmpty();
                assertThat(counts.tooManyRequests()).isZero();
                assertThat(counts.tooManyCells()).isZero();
                assertThat(summary.regions()).isGreaterThan(357);
                assertThat(summary.figures()).isPositive();
            }
        }
    }
}
