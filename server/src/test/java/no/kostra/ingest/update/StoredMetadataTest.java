package no.kostra.ingest.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.kostra.service.Services;
import no.kostra.store.DatabaseSettings;
import org.junit.jupiter.api.Test;

/** The service remembers StatBank tables' metadata in its database: across runs, and under concurrent updates. */
class StoredMetadataTest {
    @Test
    void metadataRememberedByOneRunIsRecalledByTheNext() {
        DatabaseSettings settings = DatabaseSettings.inMemory("stored-metadata-" + System.nanoTime());
        try (Services services = Services.open(settings, Clock.systemUTC())) {
            StoredMetadata first = new StoredMetadata(services.database(), services.clock());
            first.remember("07459", "{\"updated\":\"2025-03-15T07:00:00Z\"}");
            first.remember("07459", "{\"updated\":\"2025-06-15T07:00:00Z\"}");

            StoredMetadata next = new StoredMetadata(services.database(), services.clock());

            assertThat(next.recall("07459")).contains("{\"updated\":\"2025-06-15T07:00:00Z\"}");
            assertThat(next.recall("12367")).isEmpty();
        }
    }

    @Test
    void updatesRememberingTheSameTablesAtOnceLeaveOneRowPerTable() throws Exception {
        try (Services services = Services.open(DatabaseSettings.inMemory("stored-metadata-" + System.nanoTime()), Clock.systemUTC())) {
            StoredMetadata memory = new StoredMetadata(services.database(), services.clock());
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int writer = 0; writer < 4; writer++) {
                    int w = writer;
                    done.add(threads.submit((Callable<Void>) () -> {
                        for (int i = 0; i < 25; i++) {
                            memory.remember("12367", "{\"writer\":" + w + ",\"i\":" + i + "}");
                            memory.remember("07459", "{\"writer\":" + w + "}");
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                threads.shutdownNow();
            }

            assertThat(memory.recall("12367")).get().asString().matches("\\{\"writer\":[0-3],\"i\":24}");
            int rows = services.database().read(c -> {
                try (var s = c.prepareStatement("select count(*) from statbank_metadata"); var r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            });
            assertThat(rows).isEqualTo(2);
        }
    }
}
