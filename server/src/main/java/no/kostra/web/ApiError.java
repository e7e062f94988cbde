package no.kostra.web;

/** The body of every error response: a message a person can act on (bokmål) and details for the caller. */
public record ApiError(String error, Object detail) {
}
