package no.kostra.compute.narrative;

import no.kostra.catalog.Unit;
import no.kostra.compute.NorwegianFormat;

/**
 * The one way a municipality's deviation from a mean is worded, in the profile and the comparison alike: "Bærum ligger
 * 3,9 prosent under ASSS-snittet (0,9 prosentpoeng) på andelen … i 2024". The deviation as the table's deviation
 * column shows it; a percentage's gap to the mean is added in percentage points, the difference of the two figures as
 * the table shows them. Pure.
 */
final class DeviationClause {
    private DeviationClause() {
    }

    /** (value / mean − 1) × 100; the caller makes sure the mean is not zero. */
    static double percent(double value, double mean) {
        return (value / mean - 1.0) * 100.0;
    }

    /**
     * The clause without a closing full stop, so a caller may go on (", og er høyest i ASSS").
     *
     * @param subject the indicator as a sentence names it ({@link Wording#subject})
     */
    static String of(String municipality, double value, double mean, String reference, Unit unit, int decimals,
                     String subject, int year) {
        double deviation = percent(value, mean);
        StringBuilder s = new StringBuilder(municipality).append(" ligger ")
                .append(ComparisonNarrative.relative(deviation, reference));
        boolean differs = !Wording.roundsToZero(Wording.deviation(deviation));
        if (differs && unit.isPercentage()) {
            double gap = NorwegianFormat.rounded(value, decimals) - NorwegianFormat.rounded(mean, decimals);
            s.append(" (").append(Wording.magnitude(gap, decimals)).append(' ').append(Wording.POINTS).append(')');
        }
        return s.append(" på ").append(subject).append(" i ").append(year).toString();
    }
}
