package no.kostra.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import no.kostra.web.WebSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** serve's --tls-cert, --tls-key and --public-url. */
class HttpsOptionsTest {
    private static HttpsOptions parse(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.https;
    }

    @Test
    void withoutOptionsTheServiceIsPlainHttpAtItsHostAndPort() {
        WebSettings settings = parse().settings("127.0.0.1", 7070);

        assertThat(settings.https()).isEmpty();
        assertThat(settings.publicUrl()).contains(URI.create("http://127.0.0.1:7070"));
    }

    @Test
    void aCertificateAndKeyServeHttpsAndTheDefaultAddressSaysHttps() {
        WebSettings settings = parse("--tls-cert", "cert.pem", "--tls-key", "key.pem").settings("0.0.0.0", 8443);

        assertThat(settings.https()).hasValueSatisfying(h -> {
            assertThat(h.certificate()).isEqualTo(Path.of("cert.pem"));
            assertThat(h.privateKey()).isEqualTo(Path.of("key.pem"));
            assertThat(h.port()).isEqualTo(8443);
        });
        assertThat(settings.publicUrl()).contains(URI.create("https://localhost:8443"));
    }

    @Test
    void theConfiguredPublicAddressWins() {
        WebSettings settings = parse("--public-url", "https://kostra.baerum.kommune.no").settings("0.0.0.0", 7070);

        assertThat(settings.publicUrl()).contains(URI.create("https://kostra.baerum.kommune.no"));
    }

    @Test
    void aCertificateWithoutItsKeyIsRefused() {
        assertThatThrownBy(() -> parse("--tls-cert", "cert.pem").settings("127.0.0.1", 7070))
                .hasMessage("--tls-cert og --tls-key må gis sammen");
    }
}
