package no.kostra.compute.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.kostra.compute.NorwegianFormat;
import no.kostra.compute.Prose;
import no.kostra.compute.asss.GroupMeans;
import no.kostra.compute.barometer.Standings;

/**
 * One service area in the summary across areas: what its overview row shows and what its findings are drawn from.
 * Every number a finding quotes is rounded as the summary's tables show it ({@link #PERCENT_DECIMALS}, the indicator's
 * decimals, whole places), so a reader finds the sentence's number in the table.
 *
 * @param resource   the area's ressursbruksindikator for the municipality, or null when the catalogue names none or
 *                   its profile is absent
 * @param levels     cost, production and efficiency in the report year, or null without an efficiency split
 * @param before     the same in the year before, or null
 * @param barometer  the area's Kommunebarometeret places, or null when the area has no sector
 * @param sector     the sector quoted, or null
 * @param deviations the area's profile rows with a deviation from the ASSS mean, the ressursbruksindikator left out
 * @param absent     why profiles of the area are empty, one note each
 */
public record AreaFigures(String area, String title, String regionName, int year, Resource resource, Levels levels,
                          Levels before, Standings barometer, String sector, List<Deviation> deviations,
                          List<String> absent) {
    /** Deviations, cost, production and efficiency are shown, and quoted, with one decimal. */
    public static final int PERCENT_DECIMALS = 1;
    private static final int FINDINGS = 3;

    public AreaFigures {
        Objects.requireNonNull(area, "area");
        deviations = List.copyOf(deviations);
        absent = List.copyOf(absent);
    }

    /**
     * @param value     the municipality's figure in the report year, or null
     * @param mean      the ASSS mean, or null
     * @param deviation (value / mean − 1) × 100, or null
     * @param place     the municipality's place among the ASSS members (1 = highest), or null when not known
     */
    public record Resource(String indicator, Double value, int decimals, Double mean, Double deviation, GroupMeans.Rank place) {
    }

    /** A profile row's deviation from the ASSS mean, with a name for it that reads inside a sentence. */
    public record Deviation(String indicator, String subject, double percent) {
    }

    /**
     * Three plain findings (fewer when there are not three things to say), as 003's "Hovedfunn": resource use, the
     * efficiency split, the largest deviations from ASSS, the Kommunebarometeret place.
     */
    public List<String> findings() {
        List<String> out = new ArrayList<>();
        resourceFinding().ifPresent(out::add);
        efficiencyFinding().ifPresent(out::add);
        List<Deviation> largest = deviations.stream()
                .sorted(Comparator.comparingDouble((Deviation d) -> -Math.abs(d.percent())).thenComparing(Deviation::indicator)).toList();
        if (!largest.isEmpty()) {
            out.add("Størst avvik fra ASSS-snittet i " + year + " har " + largest.get(0).subject() + ", "
                    + relative(largest.get(0).percent()) + ".");
        }
        if (barometer != null && sector != null && barometer.place(sector).isPresent()) {
            out.add(barometer.sentence(sector));
        }
        for (int i = 1; i < largest.size() && out.size() < FINDINGS; i++) {
            out.add("Deretter følger " + largest.get(i).subject() + ", " + relative(largest.get(i).percent()) + ".");
        }
        if (out.isEmpty()) {
            out.add(absent.isEmpty() ? "Ingen tall for " + Prose.lowerFirst(title) + " for " + regionName + " i " + year + " er lagret."
                    : absent.get(0));
        }
        return List.copyOf(out.subList(0, Math.min(FINDINGS, out.size())));
    }

    private Optional<String> resourceFinding() {
        if (resource == null || resource.value() == null || resource.deviation() == null) {
            return Optional.empty();
        }
        return Optional.of("Ressursbruken i " + Prose.lowerFirst(title) + " var " + level(resource.deviation()) + " i " + year + " (ressursbruksindikatoren " + NorwegianFormat.number(resource.value(), resource.decimals())
                + (resource.place() == null ? "" : ", nummer " + place(resource.place()) + " i ASSS") + ").");
    }

    private Optional<String> efficiencyFinding() {
        if (levels == null || levels.cost() == null) {
            return Optional.empty();
        }
        StringBuilder s = new StringBuilder();
        if (levels.efficiency() != null) {
            s.append("Effektiviteten i ").append(year).append(" var ").append(level(levels.efficiency())).append(": kostnadene lå ")
                    .append(relative(levels.cost())).append(" og produksjonen ").append(relative(levels.production())).append('.');
        } else {
            s.append("Kostnadene i ").append(year).append(" lå ").append(relative(levels.cost())).append('.');
        }
        if (before != null && before.efficiency() != null) {
            s.append(" I ").append(before.year()).append(" var effektiviteten ").append(level(before.efficiency())).append('.');
        }
        return Optional.of(s.toString());
    }

    /** "3 av 12", as the overview table shows a place. */
    public static String place(GroupMeans.Rank rank) {
        return rank.position() + " av " + rank.of();
    }

    private static String level(double percent) {
        String size = percent(percent);
        return isZero(size) ? "på ASSS-snittet" : size + " prosent " + moreLess(percent, "høyere", "lavere") + " enn ASSS-snittet";
    }

    private static String percent(double value) {
        return NorwegianFormat.number(Math.abs(value), PERCENT_DECIMALS);
    }

    /** "37,0 prosent under ASSS-snittet", or "på ASSS-snittet" when it shows as 0,0. */
    private static String relative(double percent) {
        String size = percent(percent);
        return isZero(size) ? "på ASSS-snittet" : size + " prosent " + moreLess(percent, "over", "under") + " ASSS-snittet";
    }

    private static String moreLess(double signed, String more, String less) {
        return signed > 0 ? more : less;
    }

    private static boolean isZero(String shown) {
        return shown.chars().allMatch(c -> c == '0' || c == ',');
    }
}
