package no.kostra.ingest;

import java.util.Optional;
import no.kostra.catalog.Indicator;

/**
 * The values an indicator's unit lets a figure plausibly take: a percentage from 0 to 100; FTEs, counts, hours and
 * ratios not below 0. Kroner are unbounded, since a net expense can be negative for some functions. A figure outside is
 * still stored (a source may know better), but the import reports it. Pure.
 */
final class PlausibleRange {
    private static final String CHECK = "; tallet er lagret, men bør sjekkes";

    private PlausibleRange() {
    }

    /** @return why {@code value} is doubtful for {@code indicator}, or empty when it is plausible */
    static Optional<String> problem(Indicator indicator, double value) {
        return switch (indicator.unit()) {
            case PROSENT -> value < 0 || value > 100
                    ? Optional.of(indicator.id() + " er i prosent, og " + FigureCollector.number(value) + " er utenfor 0–100" + CHECK)
                    : Optional.empty();
            case AARSVERK, ANTALL, TIMER, RATIO -> value < 0
                    ? Optional.of(indicator.id() + " er i " + indicator.unit().code() + " og kan ikke være negativ, men er "
                    + FigureCollector.number(value) + CHECK)
                    : Optional.empty();
            case KRONER -> Optional.empty();
        };
    }
}
