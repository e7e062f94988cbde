package no.kostra.catalog;

import no.kostra.text.NorwegianList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the code changes mean for series. Three kinds, read from the changes together:
 * <ul>
 * <li>a <b>renumbering</b>: the new code's only predecessor that year, and the new code was not in use before
 * (0219 → 3024 → 3201, Bærum): the old code's figures are the municipality's figures under its former number;</li>
 * <li>a <b>merge</b>: a new code with several predecessors that year, or one that was already in use (0226, 0227,
 * 0231 → 3030 Lillestrøm; 1141, 1142 → 1103 Stavanger; 5030 Klæbu → 5001 Trondheim in 2020): each part's
 * figures cover only part of the merged municipality, so they join no series; the merged municipality's years before
 * the merge are SSB's figures under its own (or a later) number, which SSB back-fills over the parts;</li>
 * <li>a <b>split</b>: one old code, several new (1507 Ålesund → 1508 Ålesund and 1580 Haram in 2024; Snillfjord,
 * Tysfjord and Forsand in 2020): no successor is the whole, so the old code's series ends; each successor's series
 * starts at the split (earlier years only where SSB back-fills them under the new number). A successor that received
 * a part of a split beside one whole predecessor keeps that predecessor's series (Hitra, Hamarøy, Sandnes).</li>
 * </ul>
 * Immutable.
 */
final class CodeHistory {
    private final List<CodeChange> changes;
    /** old code → the region code in use today, following renumberings and merges (not splits). */
    private final Map<String, String> currentOf;
    /** new code → the change whose old code is the same municipality's former number (renumberings only). */
    private final Map<String, List<CodeChange>> renumberedInto;
    /** code → why its figures join no series (a merged part, a divided municipality), in bokmål. */
    private final Map<String, String> ended;

    CodeHistory(Set<String> current, List<CodeChange> changes, Map<String, String> names) {
        this.changes = List.copyOf(changes);
        Map<String, List<CodeChange>> byOld = group(changes, CodeChange::oldCode);
        Map<String, List<CodeChange>> intoYear = group(changes, c -> c.newCode() + "|" + c.firstYearOfNewCode());
        Map<String, Integer> firstUse = new HashMap<>();
        changes.forEach(c -> firstUse.merge(c.newCode(), c.firstYearOfNewCode(), Math::min));
        Map<String, List<CodeChange>> renumbered = new HashMap<>();
        Map<String, String> ended = new LinkedHashMap<>();
        for (CodeChange change : changes) {
            if (byOld.get(change.oldCode()).size() > 1) {
                List<String> into = byOld.get(change.oldCode()).stream().map(c -> c.newCode() + " " + names.getOrDefault(
                        c.newCode(), "")).map(String::strip).toList();
                ended.put(change.oldCode(), label(change) + " ble delt i " + NorwegianList.and(into) + " i " + change.firstYearOfNewCode()
                        + "; tall for den delte kommunen føres ikke videre");
                continue;
            }
            List<CodeChange> whole = intoYear.get(change.newCode() + "|" + change.firstYearOfNewCode()).stream()
                    .filter(c -> byOld.get(c.oldCode()).size() == 1).toList();
            boolean inUseBefore = firstUse.get(change.newCode()) < change.firstYearOfNewCode();
            if (whole.size() == 1 && !inUseBefore) {
                renumbered.computeIfAbsent(change.newCode(), k -> new ArrayList<>()).add(change);
            } else {
                List<String> others = whole.stream().filter(c -> c != change).map(CodeHistory::label).toList();
                ended.put(change.oldCode(), label(change) + " ble slått sammen" + (others.isEmpty() ? "" : " med " + NorwegianList.and(others))
                        + " til " + change.newCode() + " i " + change.firstYearOfNewCode() + "; tallet gjelder bare en del av kommunen");
            }
        }
        this.renumberedInto = Map.copyOf(renumbered);
        this.ended = Map.copyOf(ended);
        this.currentOf = currentCodes(current, byOld);
    }

    private static Map<String, List<CodeChange>> group(List<CodeChange> changes, java.util.function.Function<CodeChange, String> key) {
        return changes.stream().collect(Collectors.groupingBy(key));
    }

    private static String label(CodeChange change) {
        return change.oldCode() + (change.oldName() == null ? "" : " " + change.oldName());
    }

    /** Follows each old code through every later renumbering and merge to the code in use today. */
    private static Map<String, String> currentCodes(Set<String> current, Map<String, List<CodeChange>> byOld) {
        Map<String, String> canonical = new HashMap<>();
        for (String code : current) {
            canonical.put(code, code);
        }
        for (String old : byOld.keySet()) {
            String code = old;
            for (int hops = 0; byOld.containsKey(code) && byOld.get(code).size() == 1; hops++) {
                if (hops > byOld.size()) {
                    throw new IllegalArgumentException("Municipality code history has a cycle through " + old);
                }
                code = byOld.get(code).get(0).newCode();
            }
            if (byOld.containsKey(code)) {
                continue; // divided on the way: no region today is the whole
            }
            if (!current.contains(code)) {
                throw new IllegalArgumentException("Code history leads from " + old + " to " + code + ", which is not a known region");
            }
            canonical.put(old, code);
        }
        return Map.copyOf(canonical);
    }

    List<CodeChange> changes() {
        return changes;
    }

    Optional<String> currentOf(String code) {
        return Optional.ofNullable(currentOf.get(code));
    }

    Map<String, String> currentCodes() {
        return currentOf;
    }

    /** Why a code's figures join no series, or empty when they do. */
    Optional<String> endedSeries(String code) {
        return Optional.ofNullable(ended.get(code));
    }

    /** The code the municipality reported under in the year, following renumberings back (never into a merge's parts). */
    String codeInYear(String code, int year) {
        String at = code;
        for (int hops = 0; hops <= changes.size(); hops++) {
            String from = at;
            Optional<CodeChange> before = renumberedInto.getOrDefault(at, List.of()).stream()
                    .filter(c -> year < c.firstYearOfNewCode()).findFirst();
            if (before.isEmpty()) {
                return from;
            }
            at = before.get().oldCode();
        }
        throw new IllegalArgumentException("Municipality code history has a cycle through " + code);
    }

    /** The codes the region's series was reported under: today's first, then its former numbers, newest first. */
    List<String> seriesCodes(String code) {
        List<String> codes = new ArrayList<>();
        codes.add(code);
        for (int i = 0; i < codes.size() && i <= changes.size(); i++) {
            renumberedInto.getOrDefault(codes.get(i), List.of()).forEach(c -> codes.add(c.oldCode()));
        }
        return List.copyOf(codes);
    }
}
