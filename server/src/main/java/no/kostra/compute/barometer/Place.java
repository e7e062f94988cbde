package no.kostra.compute.barometer;

import java.util.Objects;

/**
 * A municipality's place in one sector (or {@link #TOTAL}) of one year's Kommunebarometeret, as Kommunal Rapport
 * publishes it: {@code rank} of {@code of} ranked municipalities (1 is best), and the grade from 1 to 6 where it is
 * copied (3,5 is the national average since 2019).
 *
 * @param region canonical municipality code
 * @param grade  null when the analyst's copy has none
 */
public record Place(int year, String region, String regionName, String sector, int rank, int of, Double grade) {
    /** The sector name of the overall ranking. */
    public static final String TOTAL = "Totalt";

    public Place {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(sector, "sector");
        if (rank < 1 || rank > of) {
            throw new IllegalArgumentException("A place is 1 to " + of + ", was " + rank);
        }
    }
}
