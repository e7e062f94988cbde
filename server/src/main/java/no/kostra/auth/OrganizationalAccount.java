package no.kostra.auth;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Power Query's <em>Organizational account</em> sign-in (Excel's Data → Refresh All on a service behind Entra ID)
 * is sent: a request without a valid token is answered 401 with the challenge Microsoft documents for it
 * (learn.microsoft.com/power-bi/connect-data/desktop-troubleshoot-odata, "Unsupported credential type"): to a request
 * with no {@code Authorization} header {@code Bearer realm=https://login.microsoftonline.com/<tenant>}, to Power
 * Query's probe with an empty or refused bearer {@code Bearer authorization_uri=https://login.microsoftonline.com/<tenant>/oauth2/authorize}.
 * Derived from the issuer tokens are verified against ({@code https://login.microsoftonline.com/<tenant>/v2.0}, or
 * {@code https://sts.windows.net/<tenant>/}; {@code organizations} for several tenants); an issuer not shaped like
 * Entra's has none. Pure.
 *
 * @param authority the tenant's sign-in address, {@code https://login.microsoftonline.com/<tenant>}
 */
public record OrganizationalAccount(String authority) {
    private static final String ENTRA_LOGIN = "login.microsoftonline.com";
    private static final String TENANT = "{tenantid}";

    public OrganizationalAccount {
        Objects.requireNonNull(authority, "authority");
    }

    public static Optional<OrganizationalAccount> of(OidcVerifier.Settings settings) {
        URI issuer = URI.create(settings.issuer().replace(TENANT, "organizations"));
        List<String> path = Arrays.stream(issuer.getPath().split("/")).filter(s -> !s.isEmpty()).toList();
        boolean entraShaped = path.size() == 1 || path.size() == 2 && path.get(1).equals("v2.0");
        if (issuer.getScheme() == null || issuer.getAuthority() == null || !entraShaped) {
            return Optional.empty();
        }
        String origin = "sts.windows.net".equals(issuer.getHost()) ? "https://" + ENTRA_LOGIN : issuer.getScheme() + "://" + issuer.getAuthority();
        return Optional.of(new OrganizationalAccount(origin + "/" + path.get(0)));
    }

    /** The {@code WWW-Authenticate} value for a request that sent an {@code Authorization} header or none. */
    public String challenge(boolean authorizationSent) {
        return authorizationSent ? "Bearer authorization_uri=" + authority + "/oauth2/authorize" : "Bearer realm=" + authority;
    }
}
