package no.kostra.errors;

/** The caller is known but may not do this (HTTP 403). The message is for the user, in bokmål, and says what it may do. */
public final class ForbiddenException extends RuntimeException {
    private final Object detail;

    public ForbiddenException(String message, Object detail) {
        super(message);
        this.detail = detail;
    }

    public Object detail() {
        return detail;
    }
}
