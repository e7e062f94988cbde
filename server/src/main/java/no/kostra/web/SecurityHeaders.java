package no.kostra.web;

import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpField;

/**
 * The headers every answer carries, Jetty's own error pages included: no content-type sniffing, no referrer leaving
 * the service. No frame ban: Office shows the task pane in a frame. Strict-Transport-Security only under TLS.
 */
final class SecurityHeaders {
    static final HttpField NO_SNIFF = new HttpField("X-Content-Type-Options", "nosniff");
    static final HttpField NO_REFERRER = new HttpField("Referrer-Policy", "no-referrer");
    static final HttpField HSTS = new HttpField("Strict-Transport-Security", "max-age=31536000");

    private SecurityHeaders() {
    }

    static void addTo(Consumer<HttpField> headers) {
        headers.accept(NO_SNIFF);
        headers.accept(NO_REFERRER);
    }
}
