package no.kostra.compute.narrative;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.kostra.catalog.Unit;
import no.kostra.compute.NorwegianFormat;
import no.kostra.compute.TablePrecision;

/**
 * Sentences for one profile row: the deviation from the ASSS mean (and the gap in percentage points for a
 * percentage), the place among the members where the municipality is highest or lowest, the change from the year
 * before, and the comparison with neighbours such as Asker. Every figure is told as the profile table shows it. Pure.
 */
public final class ProfileNarrative {
    /** How the text names a mean the service formed from the members' values before KS published its own. */
    static final String COMPUTED_MEAN = "det beregnede ASSS-snittet";

    private ProfileNarrative() {
    }

    /**
     * @param row        the figures of the row for the report year
     * @param neighbours name → the neighbour's value for the report year (e.g. "Asker" → 23,1); missing ones left out
     */
    public static List<String> sentences(String municipality, RowFacts row, Map<String, Double> neighbours) {
        List<String> out = new ArrayList<>();
        String subject = row.subject();
        if (row.value() != null && row.mean() != null && row.mean() != 0.0) {
            StringBuilder s = new StringBuilder(DeviationClause.of(municipality, row.value(), row.mean(),
                    row.meanComputed() ? COMPUTED_MEAN : "ASSS-snittet", row.unit(), row.decimals(), subject, row.year()));
            if (row.high() != null && row.value().equals(row.high())) {
                s.append(", og er høyest i ASSS");
            } else if (row.low() != null && row.value().equals(row.low())) {
                s.append(", og er lavest i ASSS");
            }
            out.add(s.append('.').toString());
        } else if (row.value() == null) {
            out.add("Tallet for " + municipality + " for " + row.year() + " mangler, så " + subject + " kan ikke sammenlignes med ASSS-snittet.");
        } else if (row.mean() == null) {
            out.add("ASSS-snittet for " + row.year() + " er ikke publisert og kan ikke beregnes fra medlemmenes tall, så "
                    + subject + " kan ikke sammenlignes med det.");
        }
        if (row.value() != null && row.previous() != null) {
            if (row.unit().isPercentage()) {
                out.add(Wording.changeSentence(row.value() - row.previous(), Wording.POINTS, TablePrecision.DERIVED,
                        row.year() - 1));
            } else if (row.previous() != 0.0) {
                out.add(Wording.changeSentence((row.value() / row.previous() - 1.0) * 100.0, Wording.PERCENT,
                        TablePrecision.DERIVED, row.year() - 1));
            }
        }
        if (row.value() != null) {
            neighbours.forEach((name, value) -> {
                if (value != null) {
                    out.add(municipality + " ligger " + comparedWith(row.value(), value, row.decimals()) + " " + name
                            + " (" + NorwegianFormat.number(value, row.decimals()) + ").");
                }
            });
        }
        return List.copyOf(out);
    }

    /** "høyere enn", "lavere enn" or "på samme nivå som", at the row's printed precision. */
    static String comparedWith(double value, double other, int decimals) {
        int order = NorwegianFormat.round(value, decimals).compareTo(NorwegianFormat.round(other, decimals));
        return order > 0 ? "høyere enn" : order < 0 ? "lavere enn" : "på samme nivå som";
    }

    /**
     * The figures a row's sentences are made from.
     *
     * @param subject the indicator as a sentence names it ({@link Wording#subject}): "sykefraværet i pleie og omsorg"
     * @param unit a percentage's changes and gaps are percentage points
     * @param decimals the row's figures' decimals, as the table shows them
     * @param meanComputed the mean was formed from the members' values, KS's own not being stored: the text says so
     */
    public record RowFacts(String subject, int year, Double value, Double previous, Double mean, Double high, Double low,
                           Unit unit, int decimals, boolean meanComputed) {
        public RowFacts(String subject, int year, Double value, Double previous, Double mean, Double high, Double low,
                        Unit unit, int decimals) {
            this(subject, year, value, previous, mean, high, low, unit, decimals, false);
        }
    }
}
