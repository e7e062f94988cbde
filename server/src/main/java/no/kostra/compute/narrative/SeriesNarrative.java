package no.kostra.compute.narrative;

import java.util.ArrayList;
import java.util.List;
import no.kostra.catalog.Indicator;
import no.kostra.compute.NorwegianFormat;
import no.kostra.compute.TablePrecision;
import no.kostra.compute.series.Series;

/**
 * Sentences for a series: the first line's development over the period, and how it stands against each other line in
 * the last year ("… 4 prosent under ASSS-snittet", "… lavere enn Asker"). Pure.
 */
public final class SeriesNarrative {
    private static final String ASSS = "ASSS";

    private SeriesNarrative() {
    }

    public static List<String> sentences(Indicator indicator, List<Series.Line> lines) {
        List<String> out = new ArrayList<>();
        if (lines.isEmpty()) {
            return out;
        }
        Series.Line first = lines.get(0);
        Series.Value start = first.values().stream().filter(v -> v.value() != null).findFirst().orElse(null);
        Series.Value end = last(first);
        String who = first.region().name();
        if (start != null && end != null && start.year() < end.year()) {
            String change = indicator.unit().isPercentage()
                    ? Wording.change(end.value() - start.value(), Wording.POINTS, TablePrecision.DERIVED, start.year())
                    : start.value() == 0.0 ? null
                    : Wording.change((end.value() / start.value() - 1.0) * 100.0, Wording.PERCENT, TablePrecision.DERIVED,
                    start.year());
            out.add(who + " har " + amount(indicator, end.value()) + " i " + end.year()
                    + (change == null ? "" : ", " + change) + " (" + amount(indicator, start.value()) + ").");
        }
        if (end == null) {
            return out;
        }
        for (Series.Line other : lines.subList(1, lines.size())) {
            Series.Value theirs = other.values().stream().filter(v -> v.year() == end.year() && v.value() != null).findFirst().orElse(null);
            if (theirs == null) {
                continue;
            }
            if (other.region().code().equals(ASSS) || !other.basis().equals("observation")) {
                String reference = other.region().code().equals(ASSS) ? "ASSS-snittet" : other.region().name();
                double deviation = (end.value() / theirs.value() - 1.0) * 100.0;
                out.add("I " + end.year() + " ligger " + who + " "
                        + ComparisonNarrative.relative(deviation, reference) + ".");
            } else {
                out.add("I " + end.year() + " ligger " + who + " "
                        + ProfileNarrative.comparedWith(end.value(), theirs.value(), indicator.decimals()) + " "
                        + other.region().name() + " (" + amount(indicator, theirs.value()) + ").");
            }
        }
        return out;
    }

    private static Series.Value last(Series.Line line) {
        Series.Value found = null;
        for (Series.Value v : line.values()) {
            if (v.value() != null) {
                found = v;
            }
        }
        return found;
    }

    /** "6 128 kroner", "101,2 prosent", "41,5 årsverk", "0,972". */
    static String amount(Indicator indicator, double value) {
        String number = NorwegianFormat.number(value, indicator.decimals());
        return switch (indicator.unit()) {
            case KRONER, PROSENT, AARSVERK, TIMER -> number + " " + indicator.unit().displayName();
            case RATIO, ANTALL -> number;
        };
    }
}
