package no.kostra.errors;

/** The caller sent something malformed or out of range (HTTP 400). The message is for the user, in bokmål. */
public final class InvalidInputException extends RuntimeException {
    private final Object detail;

    public InvalidInputException(String message, Object detail) {
        super(message);
        this.detail = detail;
    }

    public InvalidInputException(String message) {
        this(message, null);
    }

    public Object detail() {
        return detail;
    }
}
