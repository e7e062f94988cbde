package no.kostra.web;

import io.javalin.http.HttpStatus;

/** A request the service turns away before any route sees it (wrong host, too many requests): its status and why. */
final class Refusal extends RuntimeException {
    private final HttpStatus status;
    private final transient Object detail;

    Refusal(HttpStatus status, String message, Object detail) {
        super(message);
        this.status = status;
        this.detail = detail;
    }

    int status() {
        return status.getCode();
    }

    Object detail() {
        return detail;
    }
}
