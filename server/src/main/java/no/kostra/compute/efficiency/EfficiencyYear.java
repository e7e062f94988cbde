package no.kostra.compute.efficiency;

import java.util.List;

/**
 * One year of an efficiency split. Indexes are ratios to ASSS = 1: costIndex 0.9979 is 0,21 % under ASSS,
 * efficiency −0.082 is 8,2 % under. Changes are in percentage points of those ratios ((Cₜ − Cₜ₋₁) × 100).
 *
 * @param basis "computed" from stored indicators, "published" from the report's statements (where the report gives
 *              C and E but not P, P = (1 + E) × C), or "derived" for the year before a published one, from that year's
 *              levels and its stated changes (Cₜ₋₁ = Cₜ − ΔC / 100, likewise P), so a table shows the year its text
 *              counts the changes from
 */
public record EfficiencyYear(int year, double costIndex, double productionIndex, double efficiency, String basis,
                             Double costChangePp, Double productionChangePp, Double efficiencyChangePp,
                             List<Contribution> contributions) {
    public static final String COMPUTED = "computed";
    public static final String PUBLISHED = "published";
    public static final String DERIVED = "derived";

    public EfficiencyYear {
        contributions = List.copyOf(contributions);
    }

    /** A production indicator's part of P: weight × (municipality / ASSS). */
    public record Contribution(String indicator, String name, double weight, double ratio, double contribution) {
    }
}
