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

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "PEM certificate (chain) to serve HTTPS with; needs --tls-key.")
    Path certificate;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "PEM private key (unencrypted PKCS#8) of --tls-cert.")
    Path privateKey;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "Address users reach the service at, written into the add-in manifest"
                    + " (default: http(s)://HOST:PORT from --host and --port).")
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
