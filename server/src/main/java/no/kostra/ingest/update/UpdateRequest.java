package no.kostra.ingest.update;

import java.util.List;
import java.util.stream.IntStream;
import no.kostra.compute.ProfileCalculator;
import no.kostra.observation.Vintage;

/**
 * What an update fetches: the figures of {@code years} for the report year's regions.
 *
 * @param allMunicipalities every municipality of the catalogue rather than the report year's ASSS members and Asker
 */
public record UpdateRequest(int year, Vintage vintage, List<Integer> years, boolean allMunicipalities) {
    public UpdateRequest {
        years = List.copyOf(years);
        if (years.isEmpty()) {
            throw new IllegalArgumentException("An update needs at least one year");
        }
    }

    /** The report year and the years its profile shows (the two before). */
    public static UpdateRequest forReportYear(int year, Vintage vintage) {
        return new UpdateRequest(year, vintage,
                IntStream.rangeClosed(year - ProfileCalculator.YEARS_SHOWN + 1, year).boxed().toList(), false);
    }
}
