package no.kostra.compute.barometer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.kostra.compute.NorwegianFormat;
import no.kostra.compute.Prose;

/**
 * One year's Kommunebarometeret places for one municipality beside the ASSS members: the table rows, and the
 * municipality's place in words ("rangert på 355. plass av 422"). Pure.
 *
 * @param year    the barometer's year (it ranks on KOSTRA figures for the year before)
 * @param sectors the sectors shown, in order
 * @param rows    per sector, the municipality and the members who have a place, best first
 * @param members the ASSS members of the report year (canonical codes)
 */
public record Standings(int year, String region, String regionName, List<String> sectors, List<Place> rows,
                        List<String> members) {
    /** Grades are shown, and quoted, with two decimals (3,5 is the national average). */
    public static final int GRADE_DECIMALS = 2;

    public Standings {
        sectors = List.copyOf(sectors);
        rows = List.copyOf(rows);
        members = List.copyOf(members);
    }

    /**
     * @param edition  every place of the year's barometer
     * @param sectors  the sectors to show, or empty for every sector of the edition ({@link Place#TOTAL} first)
     * @param members  the ASSS members of the report year (canonical codes)
     */
    public static Standings of(int year, String region, String regionName, List<Place> edition, List<String> sectors,
                               List<String> members) {
        Set<String> shown = new LinkedHashSet<>();
        if (sectors.isEmpty()) {
            edition.stream().filter(p -> p.sector().equals(Place.TOTAL)).findAny().ifPresent(p -> shown.add(Place.TOTAL));
            edition.stream().map(Place::sector).sorted().forEach(shown::add);
        } else {
            shown.addAll(sectors);
        }
        Set<String> who = new LinkedHashSet<>(members);
        who.add(region);
        List<Place> rows = new ArrayList<>();
        for (String sector : shown) {
            edition.stream().filter(p -> p.sector().equalsIgnoreCase(sector) && who.contains(p.region()))
                    .sorted(Comparator.comparingInt(Place::rank).thenComparing(Place::regionName)).forEach(rows::add);
        }
        return new Standings(year, region, regionName, List.copyOf(shown), rows, members);
    }

    /** The same places, for these sectors only. */
    public Standings only(List<String> shown) {
        return new Standings(year, region, regionName, shown, rows.stream()
                .filter(p -> shown.stream().anyMatch(s -> s.equalsIgnoreCase(p.sector()))).toList(), members);
    }

    /**
     * The overall place and the range of the sector places, as 003 sums them up: "… samlet: Bærum er rangert på 33. plass
     * av 422. På sektorene varierer plasseringene for Bærum fra nummer 7 til nummer 355." — or that nothing is imported.
     */
    public String summary() {
        List<Integer> sectorRanks = rows.stream().filter(p -> p.region().equals(region) && !p.sector().equals(Place.TOTAL))
                .map(Place::rank).sorted().toList();
        if (sectorRanks.isEmpty() && place(Place.TOTAL).isEmpty()) {
            return "Kommunebarometeret " + year + " (KOSTRA-tall for " + (year - 1) + ") har ingen plass for " + regionName
                    + "; importer kommunebarometer.csv med barometerets tabeller.";
        }
        String total = place(Place.TOTAL).isPresent() ? sentence(Place.TOTAL) : "";
        String range = sectorRanks.size() < 2 ? "" : "På sektorene varierer plasseringene for " + regionName + " fra nummer "
                + sectorRanks.get(0) + " til nummer " + sectorRanks.get(sectorRanks.size() - 1) + ".";
        return (total + " " + range).strip();
    }

    /** The municipality's place in the sector, if it has one. */
    public Optional<Place> place(String sector) {
        return rows.stream().filter(p -> p.sector().equalsIgnoreCase(sector) && p.region().equals(region)).findFirst();
    }

    /** Its position among the ASSS members in the sector (1 = best), when it is one and every member has a place there. */
    public Optional<Integer> asssPosition(String sector) {
        List<Place> inSector = rows.stream().filter(p -> p.sector().equalsIgnoreCase(sector) && members.contains(p.region())).toList();
        if (!members.contains(region) || inSector.size() < members.size()) {
            return Optional.empty();
        }
        return place(sector).map(own -> 1 + (int) inSector.stream().filter(p -> p.rank() < own.rank()).count());
    }

    /**
     * The municipality's place in the sector in one sentence: "Kommunebarometeret 2019 (KOSTRA-tall for 2018), pleie og
     * omsorg: Bærum er rangert på 355. plass av 422 (karakter 2,90), som nummer 10 av de 10 ASSS-kommunene." — or what
     * is missing and what to import.
     */
    public String sentence(String sector) {
        String head = "Kommunebarometeret " + year + " (KOSTRA-tall for " + (year - 1) + "), "
                + (sector.equals(Place.TOTAL) ? "samlet" : Prose.lowerFirst(sector)) + ": ";
        Optional<Place> own = place(sector);
        if (own.isEmpty()) {
            return head + "ingen plass for " + regionName + " er importert; importer kommunebarometer.csv med barometerets tabell.";
        }
        Place p = own.get();
        return head + regionName + " er rangert på " + p.rank() + ". plass av " + p.of()
                + (p.grade() == null ? "" : " (karakter " + NorwegianFormat.number(p.grade(), GRADE_DECIMALS) + ")")
                + asssPosition(sector).map(n -> ", som nummer " + n + " av de " + members.size() + " ASSS-kommunene").orElse("") + ".";
    }
}
