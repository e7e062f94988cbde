package no.kostra.workbook.roundtrip;

/**
 * The figures a correction may take for one indicator: never below {@code min} (zero unless the indicator is
 * published with negative values), never more than ten times the largest figure published beside it (an
 * order-of-magnitude slip such as 15523 for 1552889 or 1552889 typed as 15528890).
 *
 * @param max null when there is nothing to compare with
 */
public record SaneRange(double min, Double max) {
    static final double SLIP_FACTOR = 10.0;

    static SaneRange around(double largestMagnitude, boolean negativesPublished) {
        double min = negativesPublished ? -SLIP_FACTOR * largestMagnitude : 0.0;
        return new SaneRange(min, largestMagnitude == 0.0 ? null : SLIP_FACTOR * largestMagnitude);
    }

    boolean contains(double value) {
        return value >= min && (max == null || value <= max);
    }
}
