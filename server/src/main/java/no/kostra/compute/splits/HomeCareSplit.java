package no.kostra.compute.splits;

import java.util.List;

/**
 * Home-care costs split between service profiles (ASSS: the 0–66 and 67+ profiles of Pleie og omsorg; which ones is
 * catalogue data) in proportion to the hours assigned per week in each, as ASSS does (001: "Fordelingen av kostnadene
 * for hjemmetjenester mellom tjenesteprofilene er basert på antall tildelte timer per uke i de to aldersgruppene"). Pure.
 *
 * @param total the home-care costs to split (mill. kroner)
 * @param parts one per profile, in the order given
 */
public record HomeCareSplit(int year, double total, List<Part> parts) {
    public HomeCareSplit {
        parts = List.copyOf(parts);
    }

    /** A profile's assigned hours, as stored; {@code title} is the catalogue's. */
    public record Hours(String profile, String title, double hours) {
    }

    /** A profile's share of the hours and of the costs. */
    public record Part(String profile, String title, double hours, double sharePercent, double cost) {
    }

    public static HomeCareSplit split(int year, double total, List<Hours> hours) {
        double sum = hours.stream().mapToDouble(Hours::hours).sum();
        if (hours.stream().anyMatch(h -> h.hours() < 0) || sum == 0) {
            throw new IllegalArgumentException("Assigned hours must be 0 or more and not all 0, were " + hours);
        }
        return new HomeCareSplit(year, total, hours.stream()
                .map(h -> new Part(h.profile(), h.title(), h.hours(), h.hours() / sum * 100.0, total * h.hours() / sum)).toList());
    }
}
