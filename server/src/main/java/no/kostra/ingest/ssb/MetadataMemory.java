package no.kostra.ingest.ssb;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the client remembers of each table's metadata (its variables and codes, as StatBank's metadata answer gives
 * them) between updates, so that an update asks a table's metadata only when it has not seen the table or the table
 * has changed since: every call counts against StatBank's limit of 30 a minute. The service keeps it in its database
 * ({@code StoredMetadata}); a client that remembers nothing across runs uses {@link #inProcess()}. For a table whose
 * metadata it has not seen, the catalogue's {@link TableShape} may plan the first update's calls without asking.
 */
public interface MetadataMemory {
    /** The metadata answer last remembered for the table, as JSON text. */
    Optional<String> recall(String table);

    void remember(String table, String metadata);

    /** The catalogue's shape of the table, for planning without its metadata; empty when the catalogue has none. */
    default Optional<TableShape> shape(String table) {
        return Optional.empty();
    }

    /** Remembered as long as this object lives. */
    static MetadataMemory inProcess() {
        Map<String, String> tables = new ConcurrentHashMap<>();
        return new MetadataMemory() {
            @Override
            public Optional<String> recall(String table) {
                return Optional.ofNullable(tables.get(table));
            }

            @Override
            public void remember(String table, String metadata) {
                tables.put(table, metadata);
            }
        };
    }
}
