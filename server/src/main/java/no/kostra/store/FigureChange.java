package no.kostra.store;

import java.math.BigDecimal;
import java.util.Objects;
import no.kostra.observation.Figure;
import no.kostra.observation.Vintage;

/**
 * One stored figure an import replaced: what it was, its vintage and where it came from, and what it is now. Figures are
 * text: a plain number ({@code 0.975}) or a status symbol ({@code ..}). For a group statistic {@code region} is the
 * group and {@code statistic} says which (mean, high, low); else it is null.
 *
 * @param kind {@link #VALUE} when the figure itself changed, {@link #VINTAGE} when only its vintage did (the same
 *             number made final in June)
 */
public record FigureChange(String indicator, String region, int year, String statistic, String kind, String before,
                           String beforeVintage, String beforeSource, String after, String afterVintage, String afterSource) {
    public static final String VALUE = "value";
    public static final String VINTAGE = "vintage";

    public FigureChange {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(region, "region");
        if (!VALUE.equals(kind) && !VINTAGE.equals(kind)) {
            throw new IllegalArgumentException("A change is of kind value or vintage, not " + kind);
        }
    }

    static FigureChange of(String indicator, String region, int year, String statistic, Figure before, String beforeVintage,
                           String beforeSource, Figure after, Vintage afterVintage, String afterSource) {
        String was = text(before);
        String is = text(after);
        return new FigureChange(indicator, region, year, statistic, was.equals(is) ? VINTAGE : VALUE, was, beforeVintage,
                beforeSource, is, afterVintage.code(), afterSource);
    }

    /** A value replaced by one from another source: both stay, the newer is current, and the person is told. */
    public boolean isConflict() {
        return VALUE.equals(kind) && !Objects.equals(beforeSource, afterSource);
    }

    static String text(Figure figure) {
        return figure.hasValue() ? BigDecimal.valueOf(figure.value()).stripTrailingZeros().toPlainString()
                : figure.status().symbol();
    }
}
