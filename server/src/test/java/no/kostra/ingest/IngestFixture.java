package no.kostra.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import no.kostra.observation.Vintage;
import no.kostra.service.Services;
import no.kostra.store.DatabaseSettings;

/** A service on a fresh in-memory database loaded with the seeds, and the fixture files under ingest/. */
final class IngestFixture implements AutoCloseable {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-20T10:00:00Z"), ZoneOffset.UTC);

    final Services services;

    IngestFixture() {
        services = Services.open(DatabaseSettings.inMemory("ingest-" + System.nanoTime()), CLOCK);
        services.loadSeeds(SeedFiles.fromClasspath());
    }

    static byte[] file(String path) {
        try (InputStream in = IngestFixture.class.getResourceAsStream("/ingest/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture ingest/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ImportReport importFile(String path) {
        return importFile(path, ImportOptions.defaults());
    }

    ImportReport importFile(String path, ImportOptions options) {
        return services.importer().importFile(path.substring(path.lastIndexOf('/') + 1), file(path), options);
    }

    static ImportOptions vintage(Vintage vintage) {
        return new ImportOptions(null, null, vintage, null);
    }

    /** Data revision and row counts of every table an import writes: equal before and after a refused import. */
    List<Long> state() {
        return services.database().read(c -> {
            long[] counts = new long[3];
            String[] tables = {"observation", "group_statistic", "import_log"};
            for (int i = 0; i < tables.length; i++) {
                try (PreparedStatement s = c.prepareStatement("select count(*) from " + tables[i]); ResultSet r = s.executeQuery()) {
                    r.next();
                    counts[i] = r.getLong(1);
                }
            }
            return List.of(services.figures().dataRevision(), counts[0], counts[1], counts[2]);
        });
    }

    @Override
    public void close() {
        services.close();
    }
}
