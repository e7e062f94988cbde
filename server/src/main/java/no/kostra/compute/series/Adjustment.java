package no.kostra.compute.series;

import java.util.Locale;
import java.util.Map;
import no.kostra.errors.InvalidInputException;

/** How a series is adjusted: nominal, in report-year kroner (deflator), divided by expense need, or both. */
public enum Adjustment {
    NONE("none"), DEFLATOR("deflator"), NEED("need"), DEFLATOR_AND_NEED("deflator+need");

    private final String code;

    Adjustment(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean deflates() {
        return this == DEFLATOR || this == DEFLATOR_AND_NEED;
    }

    public boolean byNeed() {
        return this == NEED || this == DEFLATOR_AND_NEED;
    }

    public static Adjustment fromCode(String code) {
        String c = code == null || code.isBlank() ? "none" : code.trim().toLowerCase(Locale.ROOT).replace(' ', '+');
        for (Adjustment a : values()) {
            if (a.code.equals(c)) {
                return a;
            }
        }
        throw new InvalidInputException("Parameteren 'adjust' må være none, deflator, need eller deflator+need, fikk '" + code + "'",
                Map.of("parameter", "adjust", "value", String.valueOf(code)));
    }
}
