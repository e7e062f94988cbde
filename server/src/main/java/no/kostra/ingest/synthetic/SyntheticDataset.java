package no.kostra.ingest.synthetic;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import no.kostra.catalog.Catalog;

/**
 * Writes a synthetic KOSTRA dataset for the whole country, in the formats the importer reads. Everything in it is
 * invented and says so: municipalities other than the ASSS members are named "Syntetisk kommune NNNN" with codes
 * 9001…, every indicator is in area {@code SYN}, and every source says SYNTETISK. The ASSS members keep their real
 * (canonical) codes so group means can be computed over them; their figures are as invented as the rest.
 *
 * <p>Deterministic: the same seed and sizes give byte-identical files. Each figure is drawn from its own generator
 * seeded by (seed, indicator, region, year), so the files can be written in any order.
 *
 * <p>Files, in import order: {@code regions.csv}, {@code indicators.csv} (catalogue tables),
 * {@code observations.json} (JSON-stat 2.0: KOKkommuneregion0000 × ContentsCode × Tid; contents codes are indicator
 * ids), {@code group_statistics.csv} (ASSS mean/high/low computed from the member values: weighted by the indicator's
 * {@code weight_indicator}, or flat).
 */
public final class SyntheticDataset {
    public static final long DEFAULT_SEED = 20_240_615L;
    static final String AREA = "SYN";
    static final String POPULATION = "SYN.w_population";
    static final String USERS = "SYN.w_users";
    static final String ASSS = "ASSS";
    private static final String SOURCE = "SYNTETISK – generert av kostra-server generate-synthetic";

    private final long seed;
    private final int municipalities;
    private final int indicators;
    private final int firstYear;
    private final int lastYear;
    private final Catalog catalog;
    private final List<String> regionCodes = new ArrayList<>();
    private final List<String> indicatorIds = new ArrayList<>();
    private final int asssCount;

    /**
     * @param catalog     the catalogue the ASSS membership (by year) is read from
     * @param indicators  how many indicators in all, the two weight indicators included
     */
    public SyntheticDataset(Catalog catalog, long seed, int municipalities, int indicators, int firstYear, int lastYear) {
        if (indicators < 3 || municipalities < 1 || lastYear < firstYear) {
            throw new IllegalArgumentException("Need at least 3 indicators, 1 municipality and 1 year");
        }
        this.catalog = catalog;
        this.seed = seed;
        this.municipalities = municipalities;
        this.indicators = indicators;
        this.firstYear = firstYear;
        this.lastYear = lastYear;
        Set<String> asss = new LinkedHashSet<>();
        for (int y = firstYear; y <= lastYear; y++) {
            asss.addAll(catalog.membersOf(ASSS, y));
        }
        regionCodes.addAll(asss.stream().limit(municipalities).toList());
        for (int i = 1; regionCodes.size() < municipalities; i++) {
            regionCodes.add(String.valueOf(9000 + i));
        }
        asssCount = (int) regionCodes.stream().filter(c -> catalog.findRegion(c).isPresent()).count();
        indicatorIds.add(POPULATION);
        indicatorIds.add(USERS);
        for (int i = 1; indicatorIds.size() < indicators; i++) {
            indicatorIds.add(String.format(Locale.ROOT, "SYN.i%03d", i));
        }
    }

    public long valueCount() {
        return (long) regionCodes.size() * indicatorIds.size() * (lastYear - firstYear + 1);
    }

    /** Writes the four files into {@code dir} and returns them in import order. */
    public List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = List.of(dir.resolve("regions.csv"), dir.resolve("indicators.csv"), dir.resolve("observations.json"),
                dir.resolve("group_statistics.csv"));
        writeRegions(files.get(0));
        writeIndicators(files.get(1));
        writeObservations(files.get(2));
        writeGroupStatistics(files.get(3));
        return files;
    }

    private void writeRegions(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("code,name,kind,note\n");
            for (String code : regionCodes) {
                if (catalog.findRegion(code).isEmpty()) {
                    out.write(code + ",Syntetisk kommune " + code + ",municipality,SYNTETISK: finnes ikke\n");
                }
            }
        }
    }

    private void writeIndicators(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,area,profile,category,sort,name,unit,decimals,mean_kind,higher_is_more,source,weight_indicator\n");
            for (int i = 0; i < indicatorIds.size(); i++) {
                String id = indicatorIds.get(i);
                Kind k = kind(i);
                out.write(String.join(",", id, AREA, "", "", String.valueOf(i + 1), "Syntetisk " + k.label + " " + (i + 1),
                        k.unit, String.valueOf(k.decimals), k.meanKind, String.valueOf(i % 3 != 0), "\"" + SOURCE + " (seed " + seed + ")\"",
                        k.weight == null ? "" : k.weight) + "\n");
            }
        }
    }

    /** What an indicator measures: two weights first, then a repeating mix of units and mean kinds. */
    private Kind kind(int i) {
        if (i < 2) {
            return new Kind(i == 0 ? "innbyggertall" : "brukertall", "antall", 0, "flat", null);
        }
        return switch (i % 4) {
            case 0 -> new Kind("andel", "prosent", 1, "weighted", POPULATION);
            case 1 -> new Kind("kroner per innbygger", "kroner", 0, "weighted", POPULATION);
            case 2 -> new Kind("kroner per bruker", "kroner", 0, "weighted", USERS);
            default -> new Kind("indeks", "ratio", 3, "flat", null);
        };
    }

    private record Kind(String label, String unit, int decimals, String meanKind, String weight) {
    }

    /** One figure; NaN where the dataset carries a status ({@code ..}) instead, never for an ASSS member. */
    double value(int indicator, int region, int year) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + ((long) indicator << 32) + ((long) region << 12) + year);
        double trend = 1 + 0.02 * (year - firstYear);
        if (indicator < 2) {
            SplittableRandom base = new SplittableRandom(seed + region * 7919L + indicator);
            double size = indicator == 0 ? 2_000 + Math.exp(7 + 3.5 * base.nextDouble()) : 50 + Math.exp(3 + 4 * base.nextDouble());
            return Math.round(size * trend);
        }
        if (region >= asssCount && random.nextInt(200) == 0) {
            return Double.NaN;
        }
        Kind k = kind(indicator);
        // A municipality's share keeps near its own level from year to year (within ±5 %), as real shares do: no figure
        // jumps tenfold from one year to the next, which an import would hold as implausible.
        double level = switch (k.unit) {
            case "prosent" -> (5 + 90 * new SplittableRandom(seed * 1_000_003L + ((long) indicator << 32) + ((long) region << 12))
                    .nextDouble()) * (0.95 + 0.1 * random.nextDouble());
            case "kroner" -> (1_000 + 60_000 * new SplittableRandom(seed + indicator).nextDouble()) * (0.7 + 0.6 * random.nextDouble()) * trend;
            default -> 0.8 + 0.4 * random.nextDouble();
        };
        double scale = Math.pow(10, k.decimals);
        return Math.round(level * scale) / scale;
    }

    private void writeObservations(Path file) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("version", "2.0");
            json.writeStringField("class", "dataset");
            json.writeStringField("label", "SYNTETISK datasett – ikke ekte KOSTRA-tall (seed " + seed + ")");
            json.writeStringField("source", SOURCE);
            json.writeStringField("updated", lastYear + 1 + "-06-15T08:00:00Z");
            json.writeArrayFieldStart("id");
            json.writeString("KOKkommuneregion0000");
            json.writeString("ContentsCode");
            json.writeString("Tid");
            json.writeEndArray();
            json.writeArrayFieldStart("size");
            json.writeNumber(regionCodes.size());
            json.writeNumber(indicatorIds.size());
            json.writeNumber(lastYear - firstYear + 1);
            json.writeEndArray();
            json.writeObjectFieldStart("dimension");
            dimension(json, "KOKkommuneregion0000", regionCodes);
            dimension(json, "ContentsCode", indicatorIds);
            List<String> years = new ArrayList<>();
            for (int y = firstYear; y <= lastYear; y++) {
                years.add(String.valueOf(y));
            }
            dimension(json, "Tid", years);
            json.writeEndObject();
            json.writeArrayFieldStart("value");
            List<Integer> missing = new ArrayList<>();
            int cell = 0;
            for (int r = 0; r < regionCodes.size(); r++) {
                for (int i = 0; i < indicatorIds.size(); i++) {
                    for (int y = firstYear; y <= lastYear; y++, cell++) {
                        double v = value(i, r, y);
                        if (Double.isNaN(v)) {
                            json.writeNull();
                            missing.add(cell);
                        } else {
                            json.writeNumber(v);
                        }
                    }
                }
            }
            json.writeEndArray();
            json.writeObjectFieldStart("status");
            for (int c : missing) {
                json.writeStringField(String.valueOf(c), "..");
            }
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    private static void dimension(JsonGenerator json, String id, List<String> codes) throws IOException {
        json.writeObjectFieldStart(id);
        json.writeObjectFieldStart("category");
        json.writeObjectFieldStart("index");
        for (int i = 0; i < codes.size(); i++) {
            json.writeNumberField(codes.get(i), i);
        }
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
    }

    /** ASSS mean (weighted Σv·w/Σw or flat), highest and lowest, over the members of that year. */
    private void writeGroupStatistics(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("indicator;group;year;statistic;value\n");
            for (int i = 2; i < indicatorIds.size(); i++) {
                Kind k = kind(i);
                int weightIndex = k.weight == null ? -1 : indicatorIds.indexOf(k.weight);
                for (int y = firstYear; y <= lastYear; y++) {
                    double sum = 0;
                    double weights = 0;
                    double high = Double.NEGATIVE_INFINITY;
                    double low = Double.POSITIVE_INFINITY;
                    for (String member : catalog.membersOf(ASSS, y)) {
                        int r = regionCodes.indexOf(member);
                        if (r < 0) {
                            continue;
                        }
                        double v = value(i, r, y);
                        double w = weightIndex < 0 ? 1 : value(weightIndex, r, y);
                        sum += v * w;
                        weights += w;
                        high = Math.max(high, v);
                        low = Math.min(low, v);
                    }
                    if (weights > 0) {
                        out.write(row(indicatorIds.get(i), y, "mean", sum / weights));
                        out.write(row(indicatorIds.get(i), y, "high", high));
                        out.write(row(indicatorIds.get(i), y, "low", low));
                    }
                }
            }
        }
    }

    private static String row(String indicator, int year, String statistic, double value) {
        return indicator + ";" + ASSS + ";" + year + ";" + statistic + ";" + String.format(Locale.ROOT, "%.6f", value) + "\n";
    }
}
