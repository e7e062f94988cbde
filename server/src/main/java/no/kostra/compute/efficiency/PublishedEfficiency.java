package no.kostra.compute.efficiency;

/**
 * What a report states about one year, in percent of ASSS (levels) and percentage points (changes); null where it
 * states nothing. {@code cost = 9.5} means 9,5 % above ASSS.
 */
public record PublishedEfficiency(int year, Double costLevel, Double productionLevel, Double efficiencyLevel,
                                  Double costChangePp, Double productionChangePp, Double efficiencyChangePp) {
    public static PublishedEfficiency none(int year) {
        return new PublishedEfficiency(year, null, null, null, null, null, null);
    }

    boolean hasLevels() {
        return costLevel != null && (productionLevel != null || efficiencyLevel != null);
    }

    /** Both the cost's and the production's change from the year before are stated. */
    boolean hasChanges() {
        return costChangePp != null && productionChangePp != null;
    }
}
