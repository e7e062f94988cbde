package no.kostra.compute.accounts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Expected users in future years: coverage rate (percent of the target group) × the projected target group. Pure. */
public record NeedsProjection(double coveragePercent, Map<Integer, Double> population, Map<Integer, Double> users) {
    public NeedsProjection {
        population = java.util.Collections.unmodifiableMap(new TreeMap<>(population));
        users = java.util.Collections.unmodifiableMap(new TreeMap<>(users));
    }

    public static NeedsProjection project(double coveragePercent, Map<Integer, Double> population) {
        if (coveragePercent < 0 || coveragePercent > 100) {
            throw new IllegalArgumentException("A coverage rate is a percentage from 0 to 100, was " + coveragePercent);
        }
        Map<Integer, Double> users = new LinkedHashMap<>();
        population.forEach((year, people) -> users.put(year, coveragePercent / 100.0 * people));
        return new NeedsProjection(coveragePercent, population, users);
    }
}
