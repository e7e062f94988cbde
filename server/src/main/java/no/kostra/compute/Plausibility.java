package no.kostra.compute;

import java.util.Optional;
import java.util.OptionalDouble;
import no.kostra.catalog.Indicator;

/**
 * Whether a figure looks like a slip: outside what its indicator's unit allows (a percentage from 0 to 100; FTEs,
 * counts, hours and ratios not below 0; kroner unbounded, since a net expense can be negative), or more than ten times
 * the same figure a year earlier (or less than a tenth of it). The one rule every write path asks before it stores a
 * figure a person or a file supplied. Pure.
 */
public final class Plausibility {
    /** A figure this many times its previous year's (or that many times smaller) is held as doubtful. */
    public static final double JUMP = 10;

    private Plausibility() {
    }

    /**
     * @param previous the indicator's figure for the same municipality a year earlier, when one is stored
     * @return why {@code value} is doubtful, in bokmål (one clause, no full stop), or empty when it is plausible
     */
    public static Optional<String> doubt(Indicator indicator, double value, OptionalDouble previous) {
        Optional<String> range = outsideRange(indicator, value);
        if (range.isPresent() || previous.isEmpty()) {
            return range;
        }
        double before = previous.getAsDouble();
        if (before > 0 && value > 0 && (value > before * JUMP || value < before / JUMP)) {
            return Optional.of(indicator.id() + " er " + NorwegianFormat.plain(value) + ", "
                    + (value > before ? "mer enn ti ganger" : "under en tidel av") + " tallet for året før ("
                    + NorwegianFormat.plain(before) + ")");
        }
        return Optional.empty();
    }

    /** The unit's range alone, for a figure with no previous year to compare with. */
    public static Optional<String> outsideRange(Indicator indicator, double value) {
        return switch (indicator.unit()) {
            case PROSENT -> value < 0 || value > 100
                    ? Optional.of(indicator.id() + " er i prosent, og " + NorwegianFormat.plain(value) + " er utenfor 0–100")
                    : Optional.empty();
            case AARSVERK, ANTALL, TIMER, RATIO -> value < 0
                    ? Optional.of(indicator.id() + " er i " + indicator.unit().code() + " og kan ikke være negativ, men er "
                    + NorwegianFormat.plain(value))
                    : Optional.empty();
            case KRONER -> Optional.empty();
        };
    }
}
