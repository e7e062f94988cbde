package no.kostra.addin;

import no.kostra.observation.Figure;

/**
 * One figure for a worksheet function: the value, or the SSB status symbol that stands in its place (the function
 * then shows {@code #N/A} with the status in its message).
 *
 * @param vintage "preliminary" or "final" for a stored figure (or one computed from stored ones: preliminary when any
 *                of them is), null where none is stored
 */
public record WorksheetFigure(Double value, String status, String vintage) {
    public WorksheetFigure {
        if ((value == null) == (status == null)) {
            throw new IllegalArgumentException("A worksheet figure has a value or a status, not " + (value == null ? "neither" : "both"));
        }
    }

    static WorksheetFigure of(Figure figure, String vintage) {
        return new WorksheetFigure(figure.value(), figure.status() == null ? null : figure.status().symbol(), vintage);
    }
}
