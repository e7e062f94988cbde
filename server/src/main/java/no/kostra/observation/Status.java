package no.kostra.observation;

import java.util.Arrays;
import java.util.Optional;

/** SSB's symbols for a figure that is not a number. A missing value is a status, never a zero. */
public enum Status {
    NOT_APPLICABLE("."),
    NOT_AVAILABLE(".."),
    CONFIDENTIAL(":"),
    NIL("-");

    private final String symbol;

    Status(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public static Optional<Status> fromSymbol(String symbol) {
        return Arrays.stream(values()).filter(s -> s.symbol.equals(symbol)).findFirst();
    }
}
