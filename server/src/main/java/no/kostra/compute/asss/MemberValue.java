package no.kostra.compute.asss;

import java.util.Objects;
import no.kostra.observation.Figure;

/**
 * One member's figure for an indicator and year.
 *
 * @param weight the member's denominator (population of the target group, number of users) for a weighted mean, or
 *               null when none is stored
 */
public record MemberValue(String region, Figure figure, Double weight) {
    public MemberValue {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(figure, "figure");
        if (weight != null && (!Double.isFinite(weight) || weight < 0)) {
            throw new IllegalArgumentException("Member " + region + ": a weight must be a finite number of 0 or more, was " + weight);
        }
    }

    boolean hasValue() {
        return figure.hasValue();
    }

    double value() {
        return figure.value();
    }
}
