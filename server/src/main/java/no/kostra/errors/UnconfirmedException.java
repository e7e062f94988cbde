package no.kostra.errors;

/**
 * The request was well formed, but holds something a person must confirm before it is stored, and nothing of it was
 * (HTTP 422). The message is for the user, in bokmål, and says how to confirm; the detail lists what must be confirmed.
 */
public class UnconfirmedException extends RuntimeException {
    private final transient Object detail;

    public UnconfirmedException(String message, Object detail) {
        super(message);
        this.detail = detail;
    }

    public Object detail() {
        return detail;
    }
}
