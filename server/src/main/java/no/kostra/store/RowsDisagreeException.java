package no.kostra.store;

/**
 * An import gave one figure twice with different values: nothing of it is written. Carries the first two rows that
 * disagree and how many figures did, so the importer can name them.
 */
public final class RowsDisagreeException extends RuntimeException {
    private final ObservationRow first;
    private final ObservationRow second;
    private final int count;

    RowsDisagreeException(ObservationRow first, ObservationRow second, int count) {
        super("Two rows disagree about one figure: " + first + " and " + second + " (" + count + " such figures)");
        this.first = first;
        this.second = second;
        this.count = count;
    }

    public ObservationRow first() {
        return first;
    }

    public ObservationRow second() {
        return second;
    }

    /** How many figures were given twice with different values. */
    public int count() {
        return count;
    }
}
