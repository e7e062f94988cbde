package no.kostra.observation;

import java.util.Objects;

/**
 * One published figure: either a number or a status symbol, never both, never neither.
 *
 * @param value  the number, or null when {@code status} says why there is none
 * @param status null when there is a value
 */
public record Figure(Double value, Status status) {
    public Figure {
        if ((value == null) == (status == null)) {
            throw new IllegalArgumentException("A figure has a value or a status, not " + (value == null ? "neither" : "both"));
        }
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException("A figure's value must be finite, was " + value);
        }
    }

    public static Figure of(double value) {
        return new Figure(value, null);
    }

    public static Figure missing(Status status) {
        return new Figure(null, Objects.requireNonNull(status, "status"));
    }

    public boolean hasValue() {
        return value != null;
    }
}
