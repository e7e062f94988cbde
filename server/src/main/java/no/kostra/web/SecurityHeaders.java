package no.kostra.web;

import java.util.Optional;
import java.util.function.Consumer;
import no.kostra.auth.AddinSignIn;
import org.eclipse.jetty.http.HttpField;

/**
 * The headers every answer carries, Jetty's own error pages included: no content-type sniffing, no referrer leaving
 * the service. No frame ban: Office shows the task pane in a frame. Strict-Transport-Security only under TLS. The
 * add-in's pages get a Content-Security-Policy of their own.
 */
final class SecurityHeaders {
    static final HttpField NO_SNIFF = new HttpField("X-Content-Type-Options", "nosniff");
    static final HttpField NO_REFERRER = new HttpField("Referrer-Policy", "no-referrer");
    static final HttpField HSTS = new HttpField("Strict-Transport-Security", "max-age=31536000");
    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    /** Where Office serves office.js and the scripts it loads for each host. */
    private static final String OFFICE_SCRIPTS = "https://appsforoffice.microsoft.com";
    /** The Office hosts that show the pane in a frame: Excel on the web and the Microsoft 365 app. */
    private static final String OFFICE_FRAMES = "https://*.officeapps.live.com https://*.office.com https://*.office365.com"
            + " https://*.microsoft365.com https://*.cloud.microsoft https://*.sharepoint.com";

    /** The start page's: everything from the service itself, no inline script or style, framed by no one. */
    static final String START_PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static void addTo(Consumer<HttpField> headers) {
        headers.accept(NO_SNIFF);
        headers.accept(NO_REFERRER);
    }

    /**
     * The task pane's and the sign-in dialog's policy: scripts only from the service and Office's script host, no
     * inline script, connections only to the service, Office and the sign-in authority (MSAL fetches its discovery
     * document and redeems the code there, and renews tokens in a hidden frame from it), framed only by Office.
     */
    static String addinPolicy(Optional<AddinSignIn> signIn) {
        String authority = signIn.map(s -> " " + s.authorityOrigin()).orElse("");
        return "default-src 'self'; script-src 'self' " + OFFICE_SCRIPTS + "; style-src 'self'; img-src 'self' data:;"
                + " connect-src 'self' " + OFFICE_SCRIPTS + authority + "; frame-src 'self'" + authority
                + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self' " + OFFICE_FRAMES;
    }
}
