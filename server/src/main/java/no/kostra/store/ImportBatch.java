package no.kostra.store;

import java.util.List;
import java.util.Objects;
import no.kostra.observation.Vintage;

/**
 * A validated set of figures from one source, written in one transaction.
 *
 * @param kind     what brought it: seed, csv, json-stat, xlsx, …
 * @param checksum SHA-256 of the source bytes
 * @param rejected rows the importer refused before writing, counted in the import log
 */
public record ImportBatch(String kind, String sourceName, String checksum, Vintage vintage,
                          List<ObservationRow> observations, List<GroupStatisticRow> groupStatistics, int rejected) {
    public ImportBatch {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(vintage, "vintage");
        observations = List.copyOf(observations);
        groupStatistics = List.copyOf(groupStatistics);
    }

    public int size() {
        return observations.size() + groupStatistics.size();
    }
}
