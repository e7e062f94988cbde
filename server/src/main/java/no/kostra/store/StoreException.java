package no.kostra.store;

/** The database failed; the service's fault, not the caller's (HTTP 500). */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
