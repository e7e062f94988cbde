package no.kostra.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Made-up full answers of the tables the shipped sources map (07459, 11996, 12292, 12367), shaped like the recorded
 * fixtures (same dimensions and categories) but for the given regions and years. Values are random but repeatable
 * (seeded); about one cell in 200 carries the status {@code ..}. Clearly not real figures.
 */
final class SyntheticStatBank {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> GROUPS = List.of("EKG12", "EKG13", "EAK", "EAKUO");

    private final List<String> regions;
    private final List<String> years;
    private final java.util.function.BiPredicate<String, String> inUse;

    /**
     * @param inUse whether SSB has figures under a number in a year: the number valid that year, and today's number,
     *              which SSB back-fills into earlier years; a former number is {@code .} after it went out of use
     */
    SyntheticStatBank(List<String> municipalities, List<Integer> years, java.util.function.BiPredicate<String, String> inUse) {
        this.regions = List.copyOf(municipalities);
        this.years = years.stream().map(String::valueOf).toList();
        this.inUse = inUse;
    }

    Optional<ObjectNode> dataset(String table) {
        List<String> ages = new ArrayList<>();
        for (int a = 0; a < 105; a++) {
            ages.add(String.format(java.util.Locale.ROOT, "%03d", a));
        }
        ages.add("105+");
        List<String> kostra = new ArrayList<>(regions);
        kostra.addAll(GROUPS);
        return switch (table) {
            case "07459" -> Optional.of(build(table, "Region", List.of("Region", "Kjonn", "Alder", "ContentsCode", "Tid"),
                    List.of(regions, List.of("1", "2"), ages, List.of("Personer1"), years), 50, 400, inUse));
            case "11996" -> Optional.of(build(table, "KOKkommuneregion0000", List.of("KOKkommuneregion0000", "KOKavtaleform0000",
                    "KOKfunksjon0000", "ContentsCode", "Tid"), List.of(kostra, List.of("sum"),
                    List.of("FGK10", "120", "232", "233", "241", "253", "256"), List.of("KOSlegeaarsverk0000"), years), 1, 60, inUse));
            case "12292" -> Optional.of(build(table, "KOKkommuneregion0000", List.of("KOKkommuneregion0000", "ContentsCode", "Tid"),
                    List.of(kostra, List.of("KOSbeboersykehje0000", "KOSlangtid0000", "KOSkorttid0000", "KOSkjernetotalt0000",
                            "KOSkjerne80aarov0000", "KOSaarsverkbruke0000", "KOSinstoppholdsd0000"), years), 10, 3000, inUse));
            case "12367" -> Optional.of(build(table, "KOKkommuneregion0000", List.of("KOKkommuneregion0000", "KOKregnskapsomfa0000",
                    "KOKfunksjon0000", "KOKart0000", "ContentsCode", "Tid"), List.of(kostra, List.of("A", "B"),
                    List.of("232", "233", "241"), List.of("AGD2", "AGD10"), List.of("KOSbelop0000"), years), 1000, 300_000, inUse));
            default -> Optional.empty();
        };
    }

    private static ObjectNode build(String table, String geo, List<String> ids, List<List<String>> categories, int low, int high,
                                    java.util.function.BiPredicate<String, String> inUse) {
        ObjectNode out = NODES.objectNode();
        out.put("version", "2.0").put("class", "dataset").put("label", table + ": SYNTETISK (bench update)")
                .put("source", "SYNTETISK").put("updated", "2026-03-15T07:00:00Z");
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
        int region = 0;
        int year = ids.size() - 1;
        for (long cell = 0; cell < cells; cell++) {
            if (cell > 0) {
                for (int d = at.length - 1; d >= 0 && ++at[d] == categories.get(d).size(); d--) {
                    at[d] = 0;
                }
            }
            String code = categories.get(region).get(at[region]);
            if (!GROUPS.contains(code) && !inUse.test(code, categories.get(year).get(at[year]))) {
                value.addNull();
                status.put(String.valueOf(cell), ".");
            } else if (random.nextInt(200) == 0) {
                value.addNull();
                status.put(String.valueOf(cell), "..");
            } else {
                value.add(random.nextInt(low, high));
            }
        }
        return out;
    }

}
