package no.kostra.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import no.kostra.catalog.IndicatorSource;

/**
 * Made-up full answers of every table the catalogue's StatBank sources name, in the shape the sources ask of it: the
 * region variable ({@code Region} for SSB's population table, whose contents is {@code Personer1}; else KOSTRA's
 * {@code KOKkommuneregion0000}, which also answers the groups {@code EKG01…EKG17}, {@code EAK}, {@code EAKUO} and the
 * counties {@code F-xx}), each filter variable with the codes the sources name ({@code *}: for {@code Alder} the ages
 * 000…104 and 105+, for {@code Kjonn} 1 and 2, both eliminable as in StatBank), the contents codes, and the years.
 * Values are random but repeatable (seeded by the table); about one cell in 200 is {@code ..}, except in the population
 * table; a number not in use that year is {@code .}. Every dataset says {@code SYNTETISK} in its label and source, so
 * an update from it says so in every figure's source. Clearly not real figures.
 */
final class SyntheticStatBank {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String SOURCE = "SYNTETISKE TALL fra lokal statistikkbank (ikke SSB)";

    private final List<String> municipalities;
    private final List<String> groups;
    private final List<String> years;
    private final java.util.function.BiPredicate<String, String> inUse;
    private final Map<String, List<IndicatorSource>> byTable = new LinkedHashMap<>();

    /**
     * @param municipalities every number to answer for (the update asks for the numbers in use each year)
     * @param groups         the StatBank group codes KOSTRA tables answer for
     * @param inUse          whether SSB has figures under a number in a year: the number valid that year, and today's
     *                       number, which SSB back-fills into earlier years; a former number is {@code .} after
     */
    SyntheticStatBank(List<IndicatorSource> sources, List<String> municipalities, List<String> groups, List<Integer> years,
                      java.util.function.BiPredicate<String, String> inUse) {
        this.municipalities = List.copyOf(municipalities);
        this.groups = List.copyOf(groups);
        this.years = years.stream().map(String::valueOf).toList();
        this.inUse = inUse;
        sources.forEach(s -> byTable.computeIfAbsent(s.table(), k -> new ArrayList<>()).add(s));
    }

    /**
     * Answers for the catalogue: every number each municipality's series was reported under, the groups StatBank
     * publishes, the given years; a number has figures in a year when it was the one in use or is today's.
     */
    static SyntheticStatBank of(no.kostra.catalog.Catalog catalog, List<IndicatorSource> sources, List<Integer> years) {
        Set<String> numbers = new LinkedHashSet<>();
        catalog.regions().stream().filter(r -> r.kind() == no.kostra.catalog.RegionKind.MUNICIPALITY)
                .forEach(r -> numbers.addAll(catalog.codesOf(r.code())));
        return new SyntheticStatBank(sources, List.copyOf(numbers), no.kostra.ingest.update.StatBankRegions.codes(catalog), years,
                (code, year) -> {
                    String today = catalog.findRegion(code).orElseThrow().code();
                    return code.equals(today) || catalog.codeInYear(today, Integer.parseInt(year)).equals(code);
                });
    }

    Optional<ObjectNode> dataset(String table) {
        List<IndicatorSource> sources = byTable.get(table);
        if (sources == null) {
            return Optional.empty();
        }
        boolean population = sources.stream().allMatch(s -> s.contents().startsWith("Personer"));
        String geo = population ? "Region" : "KOKkommuneregion0000";
        Map<String, Set<String>> filters = new LinkedHashMap<>();
        sources.forEach(s -> s.filters().forEach((dimension, codes) -> filters.computeIfAbsent(dimension, k -> new LinkedHashSet<>())
                .addAll(codes.contains(IndicatorSource.ALL) ? every(dimension) : codes)));
        List<String> ids = new ArrayList<>();
        List<List<String>> categories = new ArrayList<>();
        ids.add(geo);
        List<String> regions = new ArrayList<>(municipalities);
        if (!population) {
            regions.addAll(groups);
        }
        categories.add(regions);
        filters.forEach((dimension, codes) -> {
            ids.add(dimension);
            categories.add(List.copyOf(codes));
        });
        ids.add("ContentsCode");
        categories.add(sources.stream().map(IndicatorSource::contents).distinct().toList());
        ids.add("Tid");
        categories.add(years);
        boolean amounts = sources.stream().anyMatch(s -> s.factor() >= 1000);
        int low = population ? 50 : amounts ? 1000 : 1;
        int high = population ? 400 : amounts ? 300_000 : 100;
        return Optional.of(build(table, geo, ids, categories, low, high, !population));
    }

    /** The categories {@code *} stands for where StatBank's own list is known; else two made-up codes. */
    private static List<String> every(String dimension) {
        return switch (dimension) {
            case "Alder" -> {
                List<String> ages = new ArrayList<>();
                for (int a = 0; a < 105; a++) {
                    ages.add(String.format(Locale.ROOT, "%03d", a));
                }
                ages.add("105+");
                yield ages;
            }
            default -> List.of("1", "2");
        };
    }

    /**
     * @param unknowns whether about one cell in 200 is {@code ..}: not in the population table, whose total a per-inhabitant
     *                 figure divides by is the sum of 212 cells (sex and age), which would then be {@code ..} two times in
     *                 three; SSB's own population counts have no unknown cells
     */
    private ObjectNode build(String table, String geo, List<String> ids, List<List<String>> categories, int low, int high,
                             boolean unknowns) {
        ObjectNode out = NODES.objectNode();
        out.put("version", "2.0").put("class", "dataset").put("label", table + ": SYNTETISK, lokal statistikkbank")
                .put("source", SOURCE).put("updated", "2026-03-15T07:00:00Z");
        ObjectNode role = out.putObject("role");
        role.putArray("time").add("Tid");
        role.putArray("metric").add("ContentsCode");
        role.putArray("geo").add(geo);
        ArrayNode id = out.putArray("id");
        ArrayNode size = out.putArray("size");
        ObjectNode dimension = out.putObject("dimension");
        long cells = 1;
        for (int d = 0; d < ids.size(); d++) {
            id.add(ids.get(d));
            size.add(categories.get(d).size());
            cells *= categories.get(d).size();
            ObjectNode dim = dimension.putObject(ids.get(d)).put("label", ids.get(d));
            dim.putObject("extension").put("elimination", ids.get(d).equals("Kjonn") || ids.get(d).equals("Alder"));
            ObjectNode category = dim.putObject("category");
            ObjectNode index = category.putObject("index");
            ObjectNode label = category.putObject("label");
            for (int i = 0; i < categories.get(d).size(); i++) {
                index.put(categories.get(d).get(i), i);
                label.put(categories.get(d).get(i), categories.get(d).get(i));
            }
        }
        SplittableRandom random = new SplittableRandom(table.hashCode());
        ArrayNode value = out.putArray("value");
        ObjectNode status = out.putObject("status");
        int[] at = new int[ids.size()];
        int year = ids.size() - 1;
        for (long cell = 0; cell < cells; cell++) {
            if (cell > 0) {
                for (int d = at.length - 1; d >= 0 && ++at[d] == categories.get(d).size(); d--) {
                    at[d] = 0;
                }
            }
            String code = categories.get(0).get(at[0]);
            if (!groups.contains(code) && !inUse.test(code, categories.get(year).get(at[year]))) {
                value.addNull();
                status.put(String.valueOf(cell), ".");
            } else if (random.nextInt(200) == 0 && unknowns) {
                value.addNull();
                status.put(String.valueOf(cell), "..");
            } else {
                value.add(random.nextInt(low, high));
            }
        }
        return out;
    }
}
