package no.kostra.ingest.update;

import java.time.Clock;
import java.util.Optional;
import no.kostra.ingest.ssb.MetadataMemory;
import no.kostra.ingest.ssb.TableShape;
import no.kostra.store.Database;
import no.kostra.store.StatBankMetadataRepository;
import no.kostra.store.TableShapeRepository;

/**
 * The service's memory of StatBank tables' metadata, and the catalogue's shapes of them: in its database, so it
 * outlasts a command or a restart.
 */
public final class StoredMetadata implements MetadataMemory {
    private final Database database;
    private final Clock clock;

    public StoredMetadata(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Optional<String> recall(String table) {
        return database.read(c -> StatBankMetadataRepository.find(c, table));
    }

    @Override
    public Optional<TableShape> shape(String table) {
        return database.read(c -> TableShapeRepository.find(c, table));
    }

    @Override
    public void remember(String table, String metadata) {
        database.inTransaction(c -> {
            StatBankMetadataRepository.save(c, table, metadata, clock.instant());
            return null;
        });
    }
}
