package no.kostra.ingest.update;

import java.util.List;
import java.util.Optional;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Region;
import no.kostra.catalog.RegionKind;

/**
 * The comparison groups an update fetches, by their StatBank region codes (KOKkommuneregion0000) and the catalogue
 * groups their figures are stored under as the group's mean: the KOSTRA groups ({@code EKG01…EKG17} → {@code KG01…}),
 * the country ({@code EAK}, "Landet"), the country without Oslo ({@code EAKUO}) and the counties ({@code F-32}, as
 * StatBank's {@code agg_KommFylker} names them, the catalogue's county groups under the same code). SSB computes these
 * figures itself (weighted by population for most indicators), so they are stored as published, not recomputed; a
 * group's mean formed from its members stands beside them ({@code /api/comparison/group-discrepancies}).
 */
public final class StatBankRegions {
    private static final List<String> COUNTRY = List.of("EAK", "EAKUO");

    private StatBankRegions() {
    }

    /** The catalogue group a StatBank code stands for, or empty for a municipality number. */
    public static Optional<String> group(String statBankCode) {
        // Asked for every figure an update makes: plain character tests, not a pattern each time.
        if (statBankCode.length() == 5 && statBankCode.startsWith("EKG") && digits(statBankCode, 3)) {
            return Optional.of("KG" + statBankCode.substring(3));
        }
        boolean county = statBankCode.length() == 4 && statBankCode.startsWith("F-") && digits(statBankCode, 2);
        return county || COUNTRY.contains(statBankCode) ? Optional.of(statBankCode) : Optional.empty();
    }

    private static boolean digits(String code, int from) {
        return code.substring(from).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The StatBank codes of the catalogue's groups that StatBank publishes figures for, in catalogue order. */
    public static List<String> codes(Catalog catalog) {
        return catalog.regions().stream().filter(r -> r.kind() == RegionKind.GROUP).map(Region::code)
                .map(code -> code.matches("KG\\d{2}") ? "E" + code : code)
                .filter(code -> group(code).isPresent()).toList();
    }
}
