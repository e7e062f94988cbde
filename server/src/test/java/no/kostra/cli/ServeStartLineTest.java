package no.kostra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import no.kostra.web.WebSettings;
import org.junit.jupiter.api.Test;

/** What `serve` prints once it listens names the page to open next (issue 23 item 11). */
class ServeStartLineTest {
    @Test
    void theStartLineNamesTheStartPageAndTheAddinsManifestAtThePublicAddress() {
        WebSettings web = new WebSettings(Optional.of(URI.create("http://127.0.0.1:7070")), Optional.empty());

        assertThat(ServeCommand.listening(web, "127.0.0.1", 7070, 3)).isEqualTo("Kostra-arbeidsbenken svarer på"
                + " http://127.0.0.1:7070 (datarevisjon 3). Start her: http://127.0.0.1:7070/ – der står hva tjenesten har,"
                + " rapportarbeidsbøkene og hvordan Excel-tillegget installeres (http://127.0.0.1:7070/addin/manifest.xml).");
    }

    @Test
    void behindAProxyThePagesAreNamedAtTheAddressUsersReach() {
        WebSettings web = new WebSettings(Optional.of(URI.create("https://kostra.kommune.no/")), Optional.empty());

        assertThat(ServeCommand.listening(web, "0.0.0.0", 8080, 12)).startsWith("Kostra-arbeidsbenken svarer på"
                + " http://0.0.0.0:8080 (datarevisjon 12). Start her: https://kostra.kommune.no/ – ")
                .endsWith("(https://kostra.kommune.no/addin/manifest.xml).");
    }
}
