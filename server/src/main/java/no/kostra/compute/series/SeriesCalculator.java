package no.kostra.compute.series;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import no.kostra.catalog.Indicator;
import no.kostra.compute.NorwegianFormat;
import no.kostra.observation.Figure;
import no.kostra.observation.Vintage;
import no.kostra.observation.Status;

/**
 * Adjusts series (DESIGN §3, "Adjusted series"). Deflated: nominal × Π(1 + deflatorₖ) for every year k after the
 * figure's year up to the last year, so all figures are in last-year kroner. By need: nominal / the region's
 * expense-need index for that year (1 = the national average). Pure.
 */
public final class SeriesCalculator {
    private static final Figure NOT_STORED = Figure.missing(Status.NOT_AVAILABLE);

    private SeriesCalculator() {
    }

    /**
     * @param displayName the name as the report year {@code to} prints it (with {@code *} for a flat mean that year)
     * @param lines     region → year → stored figure, in the order to show
     * @param deflators year → deflator rate (0.042 = 4,2 %); must cover every year after {@code from}
     * @param need      region code → year → expense-need index
     */
    public static Series compute(Indicator indicator, String displayName, int from, int to, Adjustment adjust, List<LineInput> lines,
                                 Map<Integer, Double> deflators, Map<String, Map<Integer, Double>> need, String deflatorSource) {
        List<Integer> years = IntStream.rangeClosed(from, to).boxed().toList();
        List<Series.Line> out = new ArrayList<>();
        for (LineInput line : lines) {
            List<Series.Value> values = new ArrayList<>();
            for (int year : years) {
                Figure f = line.figures().getOrDefault(year, NOT_STORED);
                Double factor = factor(adjust, year, to, deflators, need.getOrDefault(line.code(), Map.of()).get(year));
                String vintage = !line.figures().containsKey(year) ? null
                        : (line.preliminaryYears().contains(year) ? Vintage.PRELIMINARY : Vintage.FINAL).code();
                if (!f.hasValue()) {
                    values.add(new Series.Value(year, null, f.status().symbol(), null, factor, vintage));
                } else if (factor == null) {
                    values.add(new Series.Value(year, null, Status.NOT_AVAILABLE.symbol(), f.value(), null, vintage));
                } else {
                    values.add(new Series.Value(year, f.value() * factor, null, f.value(), factor, vintage));
                }
            }
            out.add(new Series.Line(new Series.RegionRef(line.code(), line.name()), line.basis(), values));
        }
        return new Series(new Series.IndicatorRef(indicator.id(), displayName, indicator.unit().code(), indicator.decimals()),
                adjust.code(), describe(adjust, from, to, deflators, deflatorSource), years, out,
                no.kostra.compute.narrative.SeriesNarrative.sentences(indicator, out));
    }

    /** Π(1 + dₖ) for k = year+1 … to, divided by the need index; null when the need index is missing. */
    static Double factor(Adjustment adjust, int year, int to, Map<Integer, Double> deflators, Double needIndex) {
        double factor = 1.0;
        if (adjust.deflates()) {
            for (int k = year + 1; k <= to; k++) {
                factor *= 1.0 + deflators.get(k);
            }
        }
        if (adjust.byNeed()) {
            if (needIndex == null) {
                return null;
            }
            factor /= needIndex;
        }
        return factor;
    }

    /** The years whose deflator a deflated series from..to needs but the table lacks. */
    public static List<Integer> missingDeflators(int from, int to, Map<Integer, Double> deflators) {
        return IntStream.rangeClosed(from + 1, to).filter(y -> !deflators.containsKey(y)).boxed().toList();
    }

    static String describe(Adjustment adjust, int from, int to, Map<Integer, Double> deflators, String source) {
        List<String> parts = new ArrayList<>();
        if (adjust.deflates()) {
            List<String> rates = new ArrayList<>();
            for (int k : new TreeSet<>(deflators.keySet())) {
                if (k > from && k <= to) {
                    rates.add(k + ": " + NorwegianFormat.number(deflators.get(k) * 100.0, 2) + " %");
                }
            }
            parts.add("Faste " + to + "-kroner: hvert års tall er multiplisert med (1 + kommunal deflator) for hvert senere år"
                    + " til og med " + to + " (" + String.join("; ", rates) + (source == null ? "" : "; kilde: " + source) + ")");
        }
        if (adjust.byNeed()) {
            parts.add("Justert med utgiftsbehov: tallet er delt på regionens utgiftsbehovsindeks for året"
                    + " (1 = landsgjennomsnittet); uten indeks vises ..");
        }
        return parts.isEmpty() ? "Nominelle tall, ikke justert." : String.join(". ", parts) + ".";
    }

    /**
     * One line's stored figures.
     *
     * @param basis            "observation", "published" or "computed"
     * @param preliminaryYears the years whose figure is preliminary
     */
    public record LineInput(String code, String name, String basis, Map<Integer, Figure> figures, Set<Integer> preliminaryYears) {
        public LineInput {
            figures = Map.copyOf(figures);
            preliminaryYears = Set.copyOf(preliminaryYears);
        }
    }
}
