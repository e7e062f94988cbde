package no.kostra.ingest.update;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The comparison groups an update fetches, by their StatBank region codes (KOKkommuneregion0000) and the catalogue
 * groups their figures are stored under as the group's mean: KOSTRA-gruppe 12 and 13 (EKG12, EKG13), the country
 * (EAK, "Landet") and the country without Oslo (EAKUO). SSB computes these figures itself (weighted by population
 * for most indicators), so they are stored as published, not recomputed.
 */
public final class StatBankRegions {
    /** StatBank code → catalogue group code, in the order the update asks for them. */
    public static final Map<String, String> GROUPS = groups();

    private StatBankRegions() {
    }

    /** The catalogue group a StatBank code stands for, or empty for a municipality number. */
    public static Optional<String> group(String statBankCode) {
        return Optional.ofNullable(GROUPS.get(statBankCode));
    }

    private static Map<String, String> groups() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("EKG12", "KG12");
        m.put("EKG13", "KG13");
        m.put("EAK", "EAK");
        m.put("EAKUO", "EAKUO");
        return java.util.Collections.unmodifiableMap(m);
    }
}
