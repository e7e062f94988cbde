package no.kostra.errors;

/**
 * The request was well formed but collides with what is stored now, which changed since the caller last saw it
 * (HTTP 409). The message is for the user, in bokmål, and says what is stored now.
 */
public final class ConflictException extends RuntimeException {
    private final Object detail;

    public ConflictException(String message, Object detail) {
        super(message);
        this.detail = detail;
    }

    public Object detail() {
        return detail;
    }
}
