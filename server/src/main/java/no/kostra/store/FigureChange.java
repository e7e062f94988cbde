package no.kostra.store;

import java.math.BigDecimal;
import java.util.Objects;
import no.kostra.observation.Figure;

/**
 * One stored figure an import replaced: what it was and where it came from, and what it is now and from where. Figures
 * are text: a plain number ({@code 0.975}) or a status symbol ({@code ..}). For a group statistic {@code region} is the
 * group and {@code statistic} says which (mean, high, low); else it is null.
 */
public record FigureChange(String indicator, String region, int year, String statistic, String before, String beforeSource,
                           String after, String afterSource) {
    static FigureChange of(String indicator, String region, int year, String statistic, Figure before, String beforeSource,
                           Figure after, String afterSource) {
        return new FigureChange(indicator, region, year, statistic, text(before), beforeSource, text(after), afterSource);
    }

    /** A figure replaced by one from another source: both values stay, the newer is current, and the person is told. */
    public boolean fromAnotherSource() {
        return !Objects.equals(beforeSource, afterSource);
    }

    static String text(Figure figure) {
        return figure.hasValue() ? BigDecimal.valueOf(figure.value()).stripTrailingZeros().toPlainString()
                : figure.status().symbol();
    }
}
