package no.kostra.workbook;

import java.util.Collection;

/**
 * The value axis of a chart on the index scale (ASSS mean = 100): from 0 to the largest value within three times the
 * mean, rounded up to a multiple of 50 and no less than 150. A value outside it (a negative index where the indicator
 * itself turns negative, or one more than three times the mean) is off the scale: its bar runs to the chart's edge and
 * it is labelled with its true value, so one extreme member does not squeeze every other row.
 */
record IndexAxis(double min, double max) {
    static final double MEAN = 100;
    /** Beyond three times the mean a value is drawn off the scale. */
    static final double LIMIT = 3 * MEAN;
    private static final double STEP = 50;
    private static final double SMALLEST_MAX = 150;

    static IndexAxis of(Collection<Double> values) {
        double top = values.stream().filter(v -> v >= 0 && v <= LIMIT).mapToDouble(Double::doubleValue).max().orElse(MEAN);
        return new IndexAxis(0, Math.max(SMALLEST_MAX, Math.ceil(top / STEP) * STEP));
    }

    boolean offScale(double value) {
        return value < min || value > max;
    }
}
