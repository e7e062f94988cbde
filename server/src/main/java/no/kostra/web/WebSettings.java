package no.kostra.web;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import no.kostra.auth.AddinSignIn;
import no.kostra.auth.OidcVerifier;

/**
 * How the service is reached.
 *
 * @param publicUrl the address users and Office reach the service at (the add-in manifest points there); empty to
 *                  take it from each request's scheme and Host header
 * @param https     serve HTTPS with this certificate instead of plain HTTP; empty for plain HTTP
 * @param limits    what one client may hold of the service
 * @param tokens    every API route but health needs a personal API token ({@code serve --auth tokens})
 * @param allowedOrigins other web origins whose pages may read from the service ({@code serve --allowed-origin})
 * @param oidc      OpenID Connect bearer tokens are accepted too ({@code serve --auth oidc})
 * @param addinSignIn how the task pane signs in to get such tokens ({@code serve --oidc-client-id}); empty when it cannot
 * @param allowedHosts more names the service answers to besides the loopback names and the public address's host
 *                     ({@code serve --allowed-host})
 */
public record WebSettings(Optional<URI> publicUrl, Optional<HttpsSettings> https, ServerLimits limits, boolean tokens,
                          List<String> allowedOrigins, Optional<OidcVerifier.Settings> oidc, Optional<AddinSignIn> addinSignIn,
                          List<String> allowedHosts) {
    public static final WebSettings DEFAULT = new WebSettings(Optional.empty(), Optional.empty());

    public WebSettings {
        java.util.Objects.requireNonNull(publicUrl, "publicUrl");
        java.util.Objects.requireNonNull(https, "https");
        java.util.Objects.requireNonNull(limits, "limits");
        allowedOrigins = List.copyOf(allowedOrigins);
        java.util.Objects.requireNonNull(oidc, "oidc");
        java.util.Objects.requireNonNull(addinSignIn, "addinSignIn");
        allowedHosts = List.copyOf(allowedHosts);
    }

    public WebSettings(Optional<URI> publicUrl, Optional<HttpsSettings> https, ServerLimits limits, boolean tokens,
                       List<String> allowedOrigins, Optional<OidcVerifier.Settings> oidc) {
        this(publicUrl, https, limits, tokens, allowedOrigins, oidc, Optional.empty(), List.of());
    }

    public WebSettings(Optional<URI> publicUrl, Optional<HttpsSettings> https) {
        this(publicUrl, https, ServerLimits.DEFAULT, false, List.of(), Optional.empty());
    }

    public WebSettings(Optional<URI> publicUrl, Optional<HttpsSettings> https, ServerLimits limits) {
        this(publicUrl, https, limits, false, List.of(), Optional.empty());
    }

    public WebSettings withTokens(boolean on) {
        return new WebSettings(publicUrl, https, limits, on, allowedOrigins, oidc, addinSignIn, allowedHosts);
    }

    public WebSettings withAllowedOrigins(List<String> origins) {
        return new WebSettings(publicUrl, https, limits, tokens, origins, oidc, addinSignIn, allowedHosts);
    }

    public WebSettings withOidc(Optional<OidcVerifier.Settings> settings) {
        return new WebSettings(publicUrl, https, limits, tokens, allowedOrigins, settings, addinSignIn, allowedHosts);
    }

    public WebSettings withAddinSignIn(Optional<AddinSignIn> signIn) {
        return new WebSettings(publicUrl, https, limits, tokens, allowedOrigins, oidc, signIn, allowedHosts);
    }

    public WebSettings withAllowedHosts(List<String> hosts) {
        return new WebSettings(publicUrl, https, limits, tokens, allowedOrigins, oidc, addinSignIn, hosts);
    }

    /** Whether every API route but health and readiness needs a token. */
    public boolean signInRequired() {
        return tokens || oidc.isPresent();
    }
}
