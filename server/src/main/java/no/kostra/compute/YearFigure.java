package no.kostra.compute;

import no.kostra.observation.Figure;

/**
 * A figure for one year as shown: the value, or the status symbol that stands in its place.
 *
 * @param vintage "preliminary" or "final" for a stored figure (or one formed from stored figures: preliminary when any
 *                of them is), null where none is stored or the figure is not SSB's
 */
public record YearFigure(int year, Double value, String status, String vintage) {
    /** A figure with no vintage to tell. */
    public YearFigure(int year, Double value, String status) {
        this(year, value, status, null);
    }

    static YearFigure of(int year, Figure figure, String vintage) {
        return new YearFigure(year, figure.value(), figure.status() == null ? null : figure.status().symbol(), vintage);
    }
}
