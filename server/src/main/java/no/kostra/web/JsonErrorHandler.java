package no.kostra.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers — a request it could not parse (400), a URI or headers too long (414, 431), a body that
 * arrived too slowly (408) — in the service's JSON error body with its security headers, like every route's errors,
 * instead of Jetty's HTML page, with a request id in the header and the body like every other answer (a request Jetty
 * could not parse has none of its own, so it gets a new one).
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final String JSON = "application/json; charset=utf-8";

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, JSON);
        headers.put(ERROR_CACHE_CONTROL);
        SecurityHeaders.addTo(headers::put);
        String id = RequestIds.kept(request.getHeaders().get(RequestIds.HEADER));
        headers.put(RequestIds.HEADER, id);
        response.write(true, ByteBuffer.wrap(body(status, id)), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, JSON);
        SecurityHeaders.addTo(fields::put);
        String id = RequestIds.kept(null);
        fields.put(RequestIds.HEADER, id);
        return ByteBuffer.wrap(body(status, id));
    }

    private static byte[] body(int status, String requestId) {
        return Json.bytes(new ApiError(message(status), null, requestId));
    }

    /** A request body that ended early or whose chunked framing was broken. */
    static final String BROKEN_BODY = "Forespørselen kom ikke fram hel (innholdet var avkortet eller feil kodet); send den på nytt";

    static String message(int status) {
        return switch (status) {
            case 400 -> "Forespørselen kunne ikke leses (ugyldig HTTP)";
            case 408 -> "Forespørselen kom for sakte fram og ble avbrutt; send den på nytt";
            case 413 -> "Forespørselen er for stor: høyst " + App.MAX_REQUEST_BYTES / (1024 * 1024) + " MB";
            case 414 -> "Adressen (URI) er for lang";
            case 431 -> "Forespørselens overskrifter (headers) er for store";
            case 404 -> "Fant ikke adressen";
            case 405 -> "Metoden er ikke tillatt her";
            case 503 -> "Tjenesten er midlertidig utilgjengelig; prøv igjen om litt";
            case 505 -> "Forespørselen kunne ikke leses (ukjent HTTP-versjon)";
            default -> status >= 500 ? "Intern feil i tjenesten. Feilen er logget; prøv igjen eller kontakt driftsansvarlig."
                    : "Forespørselen ble avvist (HTTP " + status + ")";
        };
    }
}
