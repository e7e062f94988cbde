package no.kostra.auth;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What the task pane needs to sign a person in with MSAL.js and ask for an access token this service accepts: the
 * add-in's own app registration, the authority that issues the tokens {@link OidcVerifier} checks, and the one scope
 * to ask for. Derived from the same settings the verifier uses, so the pane never asks for a token the service would
 * refuse. Pure.
 *
 * @param clientId         the add-in's application (client) id ({@code serve --oidc-client-id})
 * @param authority        where MSAL signs in: for Entra ID the tenant's login address (or {@code organizations} when
 *                         several tenants are allowed), otherwise the issuer itself
 * @param protocolMode     {@code AAD} for Entra ID, {@code OIDC} for any other OpenID provider
 * @param knownAuthorities the authority's host for a provider MSAL does not know, else empty
 * @param scopes           the scope to ask for: the audience's {@code /}-qualified scope, as Entra names API scopes
 */
public record AddinSignIn(String clientId, String authority, String protocolMode, List<String> knownAuthorities,
                          List<String> scopes) {
    private static final String TENANT = "{tenantid}";
    private static final String ENTRA_LOGIN = "login.microsoftonline.com";

    public AddinSignIn {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(authority, "authority");
        knownAuthorities = List.copyOf(knownAuthorities);
        scopes = List.copyOf(scopes);
    }

    public static AddinSignIn of(OidcVerifier.Settings verified, String clientId) {
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("--oidc-client-id kan ikke være tom");
        }
        String scope = (verified.audience().contains("://") ? verified.audience() : "api://" + verified.audience())
                + "/" + verified.requiredScope();
        URI issuer = URI.create(verified.issuer().replace(TENANT, "tenant"));
        String host = issuer.getHost();
        if (ENTRA_LOGIN.equals(host) || "sts.windows.net".equals(host)) {
            String tenant = verified.issuer().contains(TENANT) ? "organizations" : issuer.getPath().split("/")[1];
            return new AddinSignIn(clientId.trim(), "https://" + ENTRA_LOGIN + "/" + tenant, "AAD", List.of(), List.of(scope));
        }
        if (verified.issuer().contains(TENANT)) {
            throw new IllegalArgumentException("--oidc-issuer med " + TENANT + " støttes for innlogging fra Excel bare hos Entra ID");
        }
        return new AddinSignIn(clientId.trim(), verified.issuer(), "OIDC", List.of(issuer.getAuthority()), List.of(scope));
    }

    /** The authority's origin, which the pane's pages may connect to ({@code https://host[:port]}). */
    public String authorityOrigin() {
        URI uri = URI.create(authority);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
