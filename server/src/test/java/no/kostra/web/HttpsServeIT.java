package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import no.kostra.service.Services;
import no.kostra.support.SeededServices;
import no.kostra.support.SelfSignedCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve --tls-cert/--tls-key: the service answers over HTTPS with a PEM certificate and key, here a self-signed
 * certificate made for the test ({@link SelfSignedCertificate}), and a client that trusts exactly that certificate.
 */
class HttpsServeIT {
    private static final char[] STORE_PASSWORD = "changeit".toCharArray();
    @TempDir
    static Path dir;
    private static Services services;
    private static Path certPem;
    private static Path keyPem;
    private static Certificate certificate;

    @BeforeAll
    static void makeCertificate() throws Exception {
        services = SeededServices.open();
        KeyStore ks = SelfSignedCertificate.create(dir, "kostra", STORE_PASSWORD);
        certificate = ks.getCertificate("kostra");
        certPem = Files.writeString(dir.resolve("cert.pem"), pem("CERTIFICATE", certificate.getEncoded()));
        // getEncoded() of a private key is PKCS#8, what openssl writes as "BEGIN PRIVATE KEY".
        keyPem = Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", ks.getKey("kostra", STORE_PASSWORD).getEncoded()));
    }

    @AfterAll
    static void close() {
        services.close();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static HttpClient trustingClient() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("kostra", certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).build();
    }

    private static Javalin startHttps() {
        WebSettings settings = new WebSettings(Optional.empty(),
                Optional.of(new HttpsSettings(certPem, keyPem, "127.0.0.1", 0)));
        return App.create(services, settings).start("127.0.0.1", 0);
    }

    @Test
    void servesTheApiAndTheHttpsManifestOverTls() throws Exception {
        Javalin app = startHttps();
        try {
            HttpClient client = trustingClient();
            String base = "https://127.0.0.1:" + app.port();

            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> manifest = client.send(HttpRequest.newBuilder(URI.create(base + "/addin/manifest.xml")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"");
            assertThat(manifest.body()).contains("<SourceLocation DefaultValue=\"" + base + "/addin/taskpane/taskpane.html\"/>");
        } finally {
            app.stop();
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefused() {
        Javalin app = startHttps();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + app.port() + "/api/health")).build();

            assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
        } finally {
            app.stop();
        }
    }

    @Test
    void aKeyInTheOldRsaFormatIsRefusedWithTheCommandThatConvertsIt() throws Exception {
        Path pkcs1 = Files.writeString(dir.resolve("old.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        WebSettings settings = new WebSettings(Optional.empty(), Optional.of(new HttpsSettings(certPem, pkcs1, "127.0.0.1", 0)));

        assertThatThrownBy(() -> App.create(services, settings))
                .hasMessage("Nøkkelfilen " + pkcs1 + " har ingen ukryptert PKCS#8-nøkkel (-----BEGIN PRIVATE KEY-----)."
                        + " Gjør den om med: openssl pkcs8 -topk8 -nocrypt -in " + pkcs1 + " -out key.pem");
    }

    @Test
    void aCertificateFileWithoutACertificateIsRefusedByName() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        WebSettings settings = new WebSettings(Optional.empty(), Optional.of(new HttpsSettings(empty, keyPem, "127.0.0.1", 0)));

        assertThatThrownBy(() -> App.create(services, settings)).hasMessageContaining(empty.toString());
    }
}
