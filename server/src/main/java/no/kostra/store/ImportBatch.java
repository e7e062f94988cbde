package no.kostra.store;

import java.util.List;
import java.util.Objects;
import no.kostra.observation.Vintage;

/**
 * A validated set of figures from one source, written in one transaction.
 *
 * @param kind       what brought it: seed, csv, json-stat, xlsx, …
 * @param checksum   SHA-256 of the source bytes
 * @param rejected   rows the importer refused before writing, counted in the import log
 * @param reportYear the year an update from StatBank is for, or null: only that year (and any later) takes
 *                   {@code vintage}; the earlier years SSB sends along were made final the June before, so they are final
 */
public record ImportBatch(String kind, String sourceName, String checksum, Vintage vintage,
                          List<ObservationRow> observations, List<GroupStatisticRow> groupStatistics, int rejected,
                          Integer reportYear) {
    public ImportBatch {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(vintage, "vintage");
        observations = List.copyOf(observations);
        groupStatistics = List.copyOf(groupStatistics);
    }

    /** A batch whose figures all take its vintage. */
    public ImportBatch(String kind, String sourceName, String checksum, Vintage vintage, List<ObservationRow> observations,
                       List<GroupStatisticRow> groupStatistics, int rejected) {
        this(kind, sourceName, checksum, vintage, observations, groupStatistics, rejected, null);
    }

    public int size() {
        return observations.size() + groupStatistics.size();
    }

    /** The vintage a figure for {@code year} is stored with (before the rule that an unchanged value keeps its own). */
    public Vintage vintageOf(int year) {
        return reportYear == null || year >= reportYear ? vintage : Vintage.FINAL;
    }
}
