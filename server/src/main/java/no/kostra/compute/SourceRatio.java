package no.kostra.compute;

import no.kostra.observation.Figure;
import no.kostra.observation.Status;

/**
 * An indicator computed from two StatBank series: value = (numerator × its factor) / (denominator × its factor), e.g.
 * net expenses in 1000 kr × 1000 / inhabitants = kroner per inhabitant, or doctors' FTEs × 10 000 / inhabitants.
 * A missing part makes the value missing with that part's status (the numerator's first); a denominator of zero
 * (nobody in the target group) makes it not applicable ({@code .}), never a division by zero. The result is rounded
 * to 6 decimals only to remove binary noise, as every computed figure is. Pure.
 */
public final class SourceRatio {
    private SourceRatio() {
    }

    public static Figure of(Figure numerator, double numeratorFactor, Figure denominator, double denominatorFactor) {
        if (!numerator.hasValue()) {
            return numerator;
        }
        if (!denominator.hasValue()) {
            return denominator;
        }
        double below = denominator.value() * denominatorFactor;
        if (below == 0) {
            return Figure.missing(Status.NOT_APPLICABLE);
        }
        return Figure.of(Rounding.clean(numerator.value() * numeratorFactor / below));
    }

    /** A series read as is: the figure times its factor. */
    public static Figure scaled(Figure figure, double factor) {
        return figure.hasValue() && factor != 1 ? Figure.of(Rounding.clean(figure.value() * factor)) : figure;
    }
}
