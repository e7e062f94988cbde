package no.kostra.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Power Query's Organizational account challenge, byte for byte as Microsoft documents it
 * (learn.microsoft.com/power-bi/connect-data/desktop-troubleshoot-odata): "www-authenticate: Bearer
 * realm=https://login.microsoftonline.com/&lt;Your Active Directory Tenant Id&gt;" for the first request, without an
 * Authorization header, and "www-authenticate: Bearer authorization_uri=https://login.microsoftonline.com/&lt;Your
 * Active Directory Tenant Id&gt;/oauth2/authorize" for the one with Authorization set to Bearer.
 */
class OrganizationalAccountTest {
    private static final String TENANT = "8f1c2a44-0000-4000-8000-000000003201";

    private static OrganizationalAccount of(String issuer, String... tenants) {
        return OrganizationalAccount.of(new OidcVerifier.Settings(issuer, "https://kostra.baerum.kommune.no", "user_impersonation",
                Set.of(tenants))).orElseThrow();
    }

    @Test
    void anEntraTenantsChallengesAreMicrosoftsDocumentedFormWithTheTenantFilledIn() {
        OrganizationalAccount account = of("https://login.microsoftonline.com/" + TENANT + "/v2.0");

        assertThat(account.challenge(false)).isEqualTo("Bearer realm=https://login.microsoftonline.com/<Your Active Directory Tenant Id>"
                .replace("<Your Active Directory Tenant Id>", TENANT));
        assertThat(account.challenge(true)).isEqualTo(
                "Bearer authorization_uri=https://login.microsoftonline.com/<Your Active Directory Tenant Id>/oauth2/authorize"
                        .replace("<Your Active Directory Tenant Id>", TENANT));
    }

    @Test
    void aVersionOneIssuerSignsInAtTheSameLoginAddress() {
        assertThat(of("https://sts.windows.net/" + TENANT + "/").authority()).isEqualTo("https://login.microsoftonline.com/" + TENANT);
    }

    @Test
    void severalTenantsSignInThroughOrganizations() {
        assertThat(of("https://login.microsoftonline.com/{tenantid}/v2.0", TENANT).challenge(true))
                .isEqualTo("Bearer authorization_uri=https://login.microsoftonline.com/organizations/oauth2/authorize");
    }

    @Test
    void anIssuerNotShapedLikeEntrasHasNone() {
        assertThat(OrganizationalAccount.of(new OidcVerifier.Settings("https://sso.example.no/realms/kostra", "api://kostra",
                "Kostra.Access", Set.of()))).isEmpty();
    }
}
