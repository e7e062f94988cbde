package no.kostra.store;

import java.util.OptionalDouble;

/**
 * What the import writer tells its caller as it decides each figure, so the caller can judge and report it. The writer
 * holds the write transaction meanwhile; a listener that throws rolls the whole import back.
 */
public interface WriteListener {
    /** Hears nothing. */
    WriteListener NONE = new WriteListener() {
    };

    /**
     * A figure with a number about to be added or to change its value.
     *
     * @param region       the municipality (canonical code), or the group of a group statistic
     * @param statistic    mean, high or low for a group statistic; null for a municipality's figure
     * @param previousYear the same figure a year earlier: the import's own when it has one, else the stored one
     * @param position     a municipality figure's position as it was added; a group statistic's index in the batch
     */
    default void newValue(String indicatorId, String region, String statistic, int year, double value,
                          OptionalDouble previousYear, long position) {
    }

    /**
     * A figure under a municipality number not in use that year (SSB's back-filling) set aside for a different figure
     * under the number in use then.
     */
    default void overruled(String indicatorId, String reportedCode, int year, long position) {
    }
}
