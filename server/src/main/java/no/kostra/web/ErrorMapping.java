package no.kostra.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import no.kostra.errors.ConflictException;
import no.kostra.errors.ForbiddenException;
import no.kostra.errors.InvalidInputException;
import no.kostra.errors.NotFoundException;
import no.kostra.errors.UnconfirmedException;
import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every exception to one JSON error with a status that says whose fault it is. No stack trace reaches a client. */
final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(NotFoundException.class, (e, ctx) -> respond(ctx, 404, e.getMessage(), e.detail()));
        routes.exception(InvalidInputException.class, (e, ctx) -> respond(ctx, 400, e.getMessage(), e.detail()));
        routes.exception(ConflictException.class, (e, ctx) -> respond(ctx, 409, e.getMessage(), e.detail()));
        routes.exception(ForbiddenException.class, (e, ctx) -> respond(ctx, 403, e.getMessage(), e.detail()));
        routes.exception(UnconfirmedException.class, (e, ctx) -> respond(ctx, 422, e.getMessage(), e.detail()));
        routes.exception(RateLimits.TooManyRequests.class, (e, ctx) -> respond(ctx, e.status(), e.getMessage(), e.detail()));
        routes.exception(AccessControl.Unauthorized.class, (e, ctx) -> {
            ctx.header("WWW-Authenticate", "Bearer");
            respond(ctx, 401, e.getMessage(), null);
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(), message(e), e.getDetails()));
        // Jetty's own refusals met while a handler reads the request, such as a body arriving under the minimum rate (408).
        routes.exception(BadMessageException.class, (e, ctx) -> respond(ctx, e.getCode(), JsonErrorHandler.message(e.getCode()), null));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unhandled error on {} {} (request {})", ctx.method(), ctx.path(), RequestIds.of(ctx), e);
            respond(ctx, 500, "Intern feil i tjenesten. Feilen er logget; prøv igjen eller kontakt driftsansvarlig.", null);
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null) {
                respond(ctx, 404, "Fant ikke " + ctx.path(), null);
            }
        });
    }

    private static String message(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> "Fant ikke adressen";
            case 405 -> "Metoden er ikke tillatt her";
            case 413 -> "Forespørselen er for stor: høyst " + App.MAX_REQUEST_BYTES / (1024 * 1024) + " MB";
            default -> e.getMessage();
        };
    }

    private static void respond(Context ctx, int status, String message, Object detail) {
        ctx.status(status).contentType("application/json; charset=utf-8")
                .result(Json.bytes(new ApiError(message, detail, RequestIds.of(ctx))));
    }
}
