package no.kostra.compute;

/**
 * The ASSS mean, highest and lowest member value for the report year.
 *
 * @param meanKind "weighted" or "flat", from the catalogue
 * @param basis    "published" when the figures are KS's own, "computed" when formed from member values
 */
public record AsssFigures(YearFigure mean, YearFigure high, YearFigure low, String meanKind, String basis) {
    public static final String PUBLISHED = "published";
    public static final String COMPUTED = "computed";
}
