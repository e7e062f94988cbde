package no.kostra.ingest.update;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import no.kostra.bench.LocalStatBank;
import no.kostra.ingest.SeedFiles;
import no.kostra.ingest.ssb.RateLimiter;
import no.kostra.ingest.ssb.SsbClient;
import no.kostra.service.Services;
import no.kostra.store.DatabaseSettings;

/**
 * A seeded service and a local StatBank serving the recorded answers under ingest/ssb/update/ (and 12603 from
 * ingest/ssb/), for updates of report year 2025.
 */
final class StatBankFixture implements AutoCloseable {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-20T10:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    final Services services;
    final LocalStatBank bank;

    StatBankFixture() throws IOException {
        this(StatBankFixture::recorded);
    }

    /** With the tables the given function answers (the recorded ones changed, for a test of another shape). */
    StatBankFixture(java.util.function.Function<String, Optional<ObjectNode>> tables) throws IOException {
        services = Services.open(DatabaseSettings.inMemory("update-" + System.nanoTime()), CLOCK);
        services.loadSeeds(SeedFiles.fromClasspath());
        bank = new LocalStatBank(tables);
    }

    static Optional<ObjectNode> recorded(String table) {
        String path = table.equals("12603") ? "/ingest/ssb/12603-data.json" : "/ingest/ssb/update/" + table + "-data.json";
        try (InputStream in = StatBankFixture.class.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of((ObjectNode) JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SsbClient client() {
        return new SsbClient(bank.v2(), null, HttpClient.newHttpClient(),
                new RateLimiter(1_000, Duration.ofSeconds(60), Clock.systemUTC(), d -> { }), SsbClient.SSB_CELL_LIMIT, null,
                new StoredMetadata(services.database(), CLOCK));
    }

    /** A column (vintage, source) of the current revision of a stored figure, or null when none is stored. */
    String current(String column, String indicator, String region, int year) {
        return services.database().read(c -> {
            try (var s = c.prepareStatement("select " + column + " from observation where indicator_id = ? and region_code = ?"
                    + " and ref_year = ? order by revision desc")) {
                s.setString(1, indicator);
                s.setString(2, region);
                s.setInt(3, year);
                try (var r = s.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        });
    }

    Updater updater() {
        return new Updater(services.database(), services.importer(), services.catalogs()::current);
    }

    @Override
    public void close() {
        bank.close();
        services.close();
    }
}
