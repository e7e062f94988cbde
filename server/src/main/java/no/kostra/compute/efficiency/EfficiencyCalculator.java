package no.kostra.compute.efficiency;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Computes an efficiency split over years (DESIGN §3, "Efficiency split"). A year with stored indicator inputs is
 * computed from them; otherwise the report's published levels are used. A published year whose stated changes count
 * from a year that has neither gets that year derived from its levels and changes. Pure.
 */
public final class EfficiencyCalculator {
    private EfficiencyCalculator() {
    }

    /**
     * @param computed  year → inputs, for the years where every component is stored
     * @param published year → the report's statements
     */
    public static List<EfficiencyYear> split(int from, int to, Map<Integer, ComputedInputs> computed,
                                             Map<Integer, PublishedEfficiency> published) {
        TreeSet<Integer> years = new TreeSet<>();
        computed.keySet().stream().filter(y -> y >= from && y <= to).forEach(years::add);
        published.values().stream().filter(PublishedEfficiency::hasLevels).map(PublishedEfficiency::year)
                .filter(y -> y >= from && y <= to).forEach(years::add);
        Map<Integer, Levels> derived = new HashMap<>();
        for (int year : List.copyOf(years)) {
            PublishedEfficiency stated = published.get(year);
            if (!computed.containsKey(year) && stated != null && stated.hasChanges() && year - 1 >= from
                    && !years.contains(year - 1)) {
                derived.put(year - 1, derived(published(stated), stated));
                years.add(year - 1);
            }
        }
        List<EfficiencyYear> out = new ArrayList<>();
        EfficiencyYear previous = null;
        for (int year : years) {
            PublishedEfficiency stated = published.getOrDefault(year, PublishedEfficiency.none(year));
            Levels levels = derived.containsKey(year) ? derived.get(year)
                    : computed.containsKey(year) ? computed(computed.get(year)) : published(stated);
            boolean follows = previous != null && previous.year() == year - 1;
            EfficiencyYear current = new EfficiencyYear(year, levels.cost, levels.production, levels.efficiency, levels.basis,
                    follows ? pp(levels.cost - previous.costIndex()) : stated.costChangePp(),
                    follows ? pp(levels.production - previous.productionIndex()) : stated.productionChangePp(),
                    follows ? pp(levels.efficiency - previous.efficiency()) : stated.efficiencyChangePp(),
                    levels.contributions);
            out.add(current);
            previous = current;
        }
        return out;
    }

    /** E = P / C − 1. */
    public static double efficiency(double costIndex, double productionIndex) {
        return productionIndex / costIndex - 1.0;
    }

    private static Levels computed(ComputedInputs inputs) {
        double cost = inputs.cost().index();
        List<EfficiencyYear.Contribution> contributions = inputs.production().stream()
                .map(p -> new EfficiencyYear.Contribution(p.indicator(), p.name(), p.weight(), p.ratio(), p.weight() * p.ratio()))
                .toList();
        double production = contributions.stream().mapToDouble(EfficiencyYear.Contribution::contribution).sum();
        return new Levels(cost, production, efficiency(cost, production), EfficiencyYear.COMPUTED, contributions);
    }

    private static Levels published(PublishedEfficiency stated) {
        double cost = 1.0 + stated.costLevel() / 100.0;
        if (stated.productionLevel() != null) {
            double production = 1.0 + stated.productionLevel() / 100.0;
            return new Levels(cost, production, efficiency(cost, production), EfficiencyYear.PUBLISHED, List.of());
        }
        double efficiency = stated.efficiencyLevel() / 100.0;
        return new Levels(cost, (1.0 + efficiency) * cost, efficiency, EfficiencyYear.PUBLISHED, List.of());
    }

    /** The year before a published one: its levels less the stated changes (percentage points of the indexes). */
    private static Levels derived(Levels next, PublishedEfficiency stated) {
        double cost = next.cost - stated.costChangePp() / 100.0;
        double production = next.production - stated.productionChangePp() / 100.0;
        return new Levels(cost, production, efficiency(cost, production), EfficiencyYear.DERIVED, List.of());
    }

    /** Boxed, so a conditional with a published (possibly null) change does not unbox it. */
    private static Double pp(double ratioDifference) {
        return ratioDifference * 100.0;
    }

    private record Levels(double cost, double production, double efficiency, String basis,
                          List<EfficiencyYear.Contribution> contributions) {
    }
}
