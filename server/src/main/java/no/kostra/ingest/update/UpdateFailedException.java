package no.kostra.ingest.update;

/** StatBank could not be reached or refused a query: the update stopped and changed nothing. Message in bokmål. */
public final class UpdateFailedException extends RuntimeException {
    public UpdateFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
