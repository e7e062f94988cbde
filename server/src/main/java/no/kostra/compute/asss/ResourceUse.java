package no.kostra.compute.asss;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ressursbruksindikator as KS computes it: for each member r = spending per inhabitant ÷ calculated expense need
 * per inhabitant; the indicator is r ÷ the flat (arithmetic) ASSS mean of r, so the ASSS mean is 1,000 by
 * construction. The need may be given in kroner per inhabitant or as an index; the ratio to the mean is the same. Pure.
 */
public final class ResourceUse {
    private ResourceUse() {
    }

    /**
     * @param spending member → spending per inhabitant
     * @param need     member → calculated expense need per inhabitant (or need index)
     * @return member → indicator, for the members with both figures; the mean is taken over those members
     */
    public static Map<String, Double> indicators(Map<String, Double> spending, Map<String, Double> need) {
        Map<String, Double> out = new LinkedHashMap<>();
        members(spending, need).forEach(m -> out.put(m.region(), m.indicator()));
        return out;
    }

    /** Each member's figures: spending, need, r = spending ÷ need, and the indicator r ÷ mean r. */
    public static List<Member> members(Map<String, Double> spending, Map<String, Double> need) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        spending.forEach((member, s) -> {
            Double n = need.get(member);
            if (s != null && n != null && n > 0) {
                ratios.put(member, s / n);
            }
        });
        if (ratios.isEmpty()) {
            return List.of();
        }
        double mean = ratios.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        List<Member> out = new ArrayList<>();
        ratios.forEach((member, r) -> out.add(new Member(member, spending.get(member), need.get(member), r, r / mean)));
        return out;
    }

    /** @param ratio spending ÷ need; @param indicator ratio ÷ the flat mean of the members' ratios */
    public record Member(String region, double spending, double need, double ratio, double indicator) {
    }
}
