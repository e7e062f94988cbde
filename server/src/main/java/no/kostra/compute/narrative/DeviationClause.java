package no.kostra.compute.narrative;

import no.kostra.catalog.Unit;

/**
 * The one way a municipality's deviation from a mean is worded, in the profile and the comparison alike: "Bærum ligger
 * 4 prosent under ASSS-snittet (0,9 prosentpoeng) på andel … i 2024". Whole percent, one decimal under 1 % and for an
 * index around 1 (unit ratio); a percentage's gap to the mean is added in percentage points. Pure.
 */
final class DeviationClause {
    private DeviationClause() {
    }

    /** (value / mean − 1) × 100; the caller makes sure the mean is not zero. */
    static double percent(double value, double mean) {
        return (value / mean - 1.0) * 100.0;
    }

    /** The clause without a closing full stop, so a caller may go on (", og er høyest i ASSS"). */
    static String of(String municipality, double value, double mean, String reference, Unit unit, int decimals,
                     String indicatorName, int year) {
        double deviation = percent(value, mean);
        boolean oneDecimal = unit == Unit.RATIO;
        StringBuilder s = new StringBuilder(municipality).append(" ligger ")
                .append(ComparisonNarrative.relative(deviation, reference, oneDecimal));
        boolean differs = !Wording.roundsToZero(Wording.deviation(deviation, oneDecimal));
        if (differs && unit.isPercentage()) {
            s.append(" (").append(Wording.magnitude(value - mean, decimals)).append(' ').append(Wording.POINTS).append(')');
        }
        return s.append(" på ").append(Wording.inSentence(indicatorName)).append(" i ").append(year).toString();
    }
}
