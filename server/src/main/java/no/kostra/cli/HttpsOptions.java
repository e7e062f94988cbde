package no.kostra.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import no.kostra.web.HttpsSettings;
import no.kostra.web.WebSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How users reach the service: HTTPS (Office loads add-ins only over HTTPS) and the public address. */
final class HttpsOptions {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--tls-cert", paramLabel = "FIL",
            description = "PEM-sertifikat (kjede) for HTTPS; krever --tls-key.")
    Path certificate;

    @Option(names = "--tls-key", paramLabel = "FIL",
            description = "PEM-privatnøkkelen (ukryptert PKCS#8) til --tls-cert.")
    Path privateKey;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "Adressen brukerne når tjenesten på, som skrives inn i tilleggets manifest"
                    + " (standard: http(s)://VERT:PORT fra --host og --port).")
    URI publicUrl;

    WebSettings settings(String host, int port) {
        if ((certificate == null) != (privateKey == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tls-cert og --tls-key må gis sammen");
        }
        Optional<HttpsSettings> https = certificate == null ? Optional.empty()
                : Optional.of(new HttpsSettings(certificate, privateKey, host, port));
        return new WebSettings(Optional.of(publicUrl != null ? publicUrl : defaultUrl(https.isPresent(), host, port)), https);
    }

    static URI defaultUrl(boolean https, String host, int port) {
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        return URI.create((https ? "https" : "http") + "://" + (shown.contains(":") ? "[" + shown + "]" : shown) + ":" + port);
    }
}
