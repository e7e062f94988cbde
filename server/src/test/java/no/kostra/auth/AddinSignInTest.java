package no.kostra.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pane asks for exactly the token the service checks: the same authority, and the audience's scope. */
class AddinSignInTest {
    private static final String CLIENT = "5f0e9c1a-0000-4000-8000-00000000add1";
    private static final String TENANT = "8f1c2a44-0000-4000-8000-000000003201";

    @Test
    void anEntraTenantSignsInAtItsLoginAddressAndAsksForTheApisScope() {
        AddinSignIn signIn = AddinSignIn.of(new OidcVerifier.Settings("https://login.microsoftonline.com/" + TENANT + "/v2.0",
                "api://kostra-workbench", "Kostra.Access", Set.of()), CLIENT);

        assertThat(signIn).isEqualTo(new AddinSignIn(CLIENT, "https://login.microsoftonline.com/" + TENANT, "AAD", List.of(),
                List.of("api://kostra-workbench/Kostra.Access")));
        assertThat(signIn.authorityOrigin()).isEqualTo("https://login.microsoftonline.com");
    }

    @Test
    void severalTenantsSignInThroughOrganizationsAndABareApplicationIdBecomesItsDefaultUri() {
        AddinSignIn signIn = AddinSignIn.of(new OidcVerifier.Settings("https://login.microsoftonline.com/{tenantid}/v2.0",
                "0d3b6f00-0000-4000-8000-0000000000a1", "Kostra.Access", Set.of(TENANT)), CLIENT);

        assertThat(signIn.authority()).isEqualTo("https://login.microsoftonline.com/organizations");
        assertThat(signIn.scopes()).containsExactly("api://0d3b6f00-0000-4000-8000-0000000000a1/Kostra.Access");
    }

    @Test
    void anotherOpenIdProviderIsItsOwnAuthorityInOidcMode() {
        AddinSignIn signIn = AddinSignIn.of(new OidcVerifier.Settings("https://login.kommune.no:8443/realms/kostra",
                "api://kostra-workbench", "Kostra.Access", Set.of()), " " + CLIENT + " ");

        assertThat(signIn).isEqualTo(new AddinSignIn(CLIENT, "https://login.kommune.no:8443/realms/kostra", "OIDC",
                List.of("login.kommune.no:8443"), List.of("api://kostra-workbench/Kostra.Access")));
        assertThat(signIn.authorityOrigin()).isEqualTo("https://login.kommune.no:8443");
    }

    @Test
    void aBlankClientIdIsRefusedByName() {
        assertThatThrownBy(() -> AddinSignIn.of(new OidcVerifier.Settings("https://login.kommune.no/kostra", "api://kostra-workbench",
                "Kostra.Access", Set.of()), " ")).hasMessage("--oidc-client-id kan ikke være tom");
    }
}
