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
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import no.kostra.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every exception to one JSON error with a status that says whose fault it is. No stack trace reaches a client. */
final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    /** What a client is told to wait while the database is away: about a restart's length. */
    private static final long DATABASE_AWAY_RETRY_SECONDS = 5;

    private ErrorMapping() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(NotFoundException.class, (e, ctx) -> respond(ctx, 404, e.getMessage(), e.detail()));
        routes.exception(InvalidInputException.class, (e, ctx) -> respond(ctx, 400, e.getMessage(), e.detail()));
        routes.exception(ConflictException.class, (e, ctx) -> respond(ctx, 409, e.getMessage(), e.detail()));
        routes.exception(ForbiddenException.class, (e, ctx) -> respond(ctx, 403, e.getMessage(), e.detail()));
        routes.exception(UnconfirmedException.class, (e, ctx) -> respond(ctx, 422, e.getMessage(), e.detail()));
        routes.exception(Refusal.class, (e, ctx) -> respond(ctx, e.status(), e.getMessage(), e.detail()));
        routes.exception(AccessControl.Unauthorized.class, (e, ctx) -> {
            ctx.header("WWW-Authenticate", e.challenge());
            respond(ctx, 401, e.getMessage(), null);
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(), message(e, ctx.path()), e.getDetails()));
        // Jetty's own refusals met while a handler reads the request, such as a body arriving under the minimum rate (408).
        routes.exception(BadMessageException.class, (e, ctx) -> respond(ctx, e.getCode(), JsonErrorHandler.message(e.getCode()), null));
        routes.exception(Exception.class, (e, ctx) -> {
            // a request body cut short, or chunked framing Jetty could not parse, met while a handler reads the body
            if (brokenRequest(e)) {
                respond(ctx, 400, JsonErrorHandler.BROKEN_BODY, null);
                return;
            }
            if (StoreException.unreachable(e)) {
                LOG.warn("The database cannot be reached on {} {} (request {}): {}", ctx.method(), ctx.path(), RequestIds.of(ctx),
                        e.getMessage());
                ctx.header("Retry-After", Long.toString(DATABASE_AWAY_RETRY_SECONDS));
                respond(ctx, 503, "Databasen svarer ikke akkurat nå; prøv igjen om litt", null);
                return;
            }
            LOG.error("Unhandled error on {} {} (request {})", ctx.method(), ctx.path(), RequestIds.of(ctx), e);
            respond(ctx, 500, "Intern feil i tjenesten. Feilen er logget; prøv igjen eller kontakt driftsansvarlig.", null);
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null) {
                respond(ctx, 404, notFound(ctx.path()), null);
            }
        });
    }

    /** Whether Jetty's own refusal of the request (a 4xx it raised while reading it) lies under the failure. */
    private static boolean brokenRequest(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EofException || t instanceof HttpException h && h.getCode() >= 400 && h.getCode() < 500) {
                return true;
            }
        }
        return false;
    }

    /** An address the service does not have: where a person finds the ones it has. */
    private static String notFound(String path) {
        return "Fant ikke " + path + ". Startsiden / viser hva tjenesten har, og /api lister adressene.";
    }

    private static String message(HttpResponseException e, String path) {
        return switch (e.getStatus()) {
            case 404 -> notFound(path);
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
