package no.kostra.web;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An HTTPS listener: a PEM certificate chain and its PEM private key (unencrypted PKCS#8, as {@code openssl req
 * -x509 -newkey … -nodes} writes it), and where to listen.
 */
public record HttpsSettings(Path certificate, Path privateKey, String host, int port) {
    public HttpsSettings {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
    }
}
