package no.kostra.errors;

/** Something the caller named does not exist (HTTP 404). The message is for the user, in bokmål. */
public final class NotFoundException extends RuntimeException {
    private final Object detail;

    public NotFoundException(String message, Object detail) {
        super(message);
        this.detail = detail;
    }

    public Object detail() {
        return detail;
    }
}
