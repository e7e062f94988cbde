package no.kostra.compute;

import no.kostra.observation.Figure;

/** A figure for one year as shown: the value, or the status symbol that stands in its place. */
public record YearFigure(int year, Double value, String status) {
    static YearFigure of(int year, Figure figure) {
        return new YearFigure(year, figure.value(), figure.status() == null ? null : figure.status().symbol());
    }
}
