package no.kostra.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import no.kostra.errors.InvalidInputException;
import no.kostra.errors.NotFoundException;
import no.kostra.text.NorwegianList;

/**
 * Regions by the name a person types: «Bærum», «bærum», «Baerum», «Barum», «Bærum kommune»; «Våler (Østfold)», «Våler
 * Østfold», «Våler i Østfold»; either name of a municipality with a Sami and a Norwegian one («Kárášjohka -
 * Karasjok»). A name a municipality shares with a group only (Oslo, the county) is the municipality; a name two
 * municipalities share is refused naming both with their numbers; a name nothing matches is refused
 * with the nearest names (edit distance). Immutable and thread-safe; built once per catalogue snapshot.
 */
final class RegionNames {
    private static final int MAX_SUGGESTIONS = 5;
    /** Longer than any name: no suggestion is looked for (the edit distance grows with the text's length). */
    private static final int LONGEST_NAME = 80;
    /** Words a person adds that are no part of the name: «Bærum kommune», «Våler i Østfold». */
    private static final Set<String> FILLER = Set.of("kommune", "kommunen", "i");
    private static final String WHERE = "/api/regions";

    /** Every key of the whole name (with its county, if the name carries one) → the regions it names. */
    private final Map<String, List<Region>> byName;
    /** Keys of parts of names: the name without its county, each of a municipality's names in several languages. */
    private final Map<String, List<Region>> byPart;
    private final Map<Region, Set<String>> keysOf;

    RegionNames(List<Region> regions) {
        Map<String, List<Region>> names = new HashMap<>();
        Map<String, List<Region>> parts = new HashMap<>();
        Map<Region, Set<String>> keys = new LinkedHashMap<>();
        for (Region region : regions) {
            Set<String> whole = keys(region.name());
            whole.add(key(region.code()));
            Set<String> partial = new LinkedHashSet<>();
            parts(region.name()).forEach(p -> partial.addAll(keys(p)));
            partial.removeAll(whole);
            whole.forEach(k -> names.computeIfAbsent(k, x -> new ArrayList<>()).add(region));
            partial.forEach(k -> parts.computeIfAbsent(k, x -> new ArrayList<>()).add(region));
            Set<String> all = new LinkedHashSet<>(whole);
            all.addAll(partial);
            keys.put(region, all);
        }
        this.byName = Map.copyOf(names);
        this.byPart = Map.copyOf(parts);
        this.keysOf = Map.copyOf(keys);
    }

    /**
     * The one region the text names (codes are looked up before this, by the catalogue).
     *
     * @throws InvalidInputException when the name fits several regions
     * @throws NotFoundException     when it fits none, with the nearest names
     */
    Region require(String asked) {
        String text = asked == null ? "" : asked.trim();
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            throw new NotFoundException("Fant ingen kommune med nummer " + text + ". Kommunene og numrene deres står i "
                    + WHERE + ".", Map.of("asked", text));
        }
        Set<String> asks = keys(text);
        for (Map<String, List<Region>> index : List.of(byName, byPart)) {
            List<Region> found = asks.stream().flatMap(k -> index.getOrDefault(k, List.of()).stream()).distinct().toList();
            if (found.size() == 1) {
                return found.get(0);
            }
            // «Oslo» is the municipality and the county (a group) alike; a person typing a name means the municipality
            List<Region> municipalities = found.stream().filter(r -> r.kind() == RegionKind.MUNICIPALITY).toList();
            if (municipalities.size() == 1) {
                return municipalities.get(0);
            }
            if (found.size() > 1) {
                List<String> candidates = found.stream().sorted(Comparator.comparing(Region::name).thenComparing(Region::code))
                        .map(RegionNames::label).toList();
                throw new InvalidInputException("«" + text + "» passer til flere kommuner: " + NorwegianList.and(candidates)
                        + ". Skriv kommunenummeret, eller navnet med fylket i parentes.",
                        Map.of("asked", text, "candidates", found.stream().map(RegionNames::view).toList()));
            }
        }
        List<Region> near = nearest(asks);
        if (near.isEmpty()) {
            throw new NotFoundException("Fant ingen kommune som heter «" + text + "». Skriv navnet slik det står i " + WHERE
                    + ", eller kommunenummeret.", Map.of("asked", text, "suggestions", List.of()));
        }
        throw new NotFoundException("Fant ingen kommune som heter «" + text + "». Mente du "
                + NorwegianList.or(near.stream().map(RegionNames::label).toList()) + "?",
                Map.of("asked", text, "suggestions", near.stream().map(RegionNames::view).toList()));
    }

    /** «Bærum (3201)»; a name that carries its county keeps one pair of brackets: «Våler (Østfold, 3114)». */
    static String label(Region region) {
        String name = region.name();
        return name.endsWith(")") ? name.substring(0, name.length() - 1) + ", " + region.code() + ")"
                : name + " (" + region.code() + ")";
    }

    private static Map<String, String> view(Region region) {
        Map<String, String> view = new LinkedHashMap<>();
        view.put("code", region.code());
        view.put("name", region.name());
        return view;
    }

    /**
     * Up to {@link #MAX_SUGGESTIONS} regions whose names are within a few edits of what was typed, nearest first. A
     * name that begins like the text counts as one edit and a half, so «Nes…» finds Nesna, Nesodden and Neset.
     */
    private List<Region> nearest(Set<String> asks) {
        if (asks.stream().anyMatch(a -> a.length() > LONGEST_NAME)) {
            return List.of();
        }
        Map<Region, Double> distance = new HashMap<>();
        for (Map.Entry<Region, Set<String>> entry : keysOf.entrySet()) {
            double best = Double.MAX_VALUE;
            for (String ask : asks) {
                for (String key : entry.getValue()) {
                    double whole = edits(ask, key);
                    double start = key.length() > ask.length() ? edits(ask, key.substring(0, ask.length())) + 1.5 : whole;
                    best = Math.min(best, Math.min(whole, start));
                }
            }
            int allowed = Math.max(2, asks.stream().mapToInt(String::length).max().orElse(0) / 3);
            if (best <= allowed) {
                distance.put(entry.getKey(), best);
            }
        }
        return distance.keySet().stream().sorted(Comparator.comparing((Region r) -> distance.get(r))
                .thenComparing(Region::name).thenComparing(Region::code)).limit(MAX_SUGGESTIONS).toList();
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one letter. */
    private static int edits(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The name without its county in brackets, and each name of a municipality with several («A - B - C»). */
    private static List<String> parts(String name) {
        List<String> parts = new ArrayList<>();
        String base = name.replaceAll("\\s*\\(.*\\)\\s*$", "");
        parts.add(base);
        parts.addAll(Arrays.asList(base.split("\\s+-\\s+|-")));
        return parts;
    }

    /**
     * The forms a name is matched under: æ, ø, å written as ae, oe, aa (as in «Baerum») and as plain a, o, a (as in
     * «Barum»); other accents dropped (Kárášjohka → karasjohka); lower case; anything but letters and digits a space;
     * the filler words dropped.
     */
    private static Set<String> keys(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> keys = new LinkedHashSet<>();
        keys.add(key(lower.replace("æ", "ae").replace("ø", "oe").replace("å", "aa").replace("ä", "ae")
                .replace("ö", "oe")));
        keys.add(key(lower.replace("æ", "a").replace("ø", "o")));
        keys.remove("");
        return keys;
    }

    private static String key(String text) {
        String plain = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        List<String> words = Arrays.stream(plain.split("[^a-z0-9]+")).filter(w -> !w.isEmpty()).toList();
        List<String> kept = words.size() > 1 ? words.stream().filter(w -> !FILLER.contains(w)).toList() : words;
        return String.join(" ", kept);
    }
}
