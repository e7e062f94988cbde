package no.kostra.web;

/**
 * The body of every error response: a message a person can act on (bokmål), details for the caller, and the request's
 * id (also in the {@code X-Request-Id} header and the service's log line for it), or null where Jetty answered itself.
 */
public record ApiError(String error, Object detail, String requestId) {
    public ApiError(String error, Object detail) {
        this(error, detail, null);
    }
}
