package no.kostra.addin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import no.kostra.errors.InvalidInputException;

/**
 * The add-in files that must name this service's own address: the manifest ({@code addin-manifest/manifest.xml})
 * and the worksheet functions' script, whose runtime has no page address to resolve relative URLs against. Every
 * municipality hosts its own service, so every {@code {BASE_URL}} becomes that address. The manifest's Id stays the
 * same, so Office sees one add-in whatever the address. Immutable; thread-safe.
 */
public final class AddinTemplates {
    static final String MANIFEST = "/addin-manifest/manifest.xml";
    static final String FUNCTIONS_SCRIPT = "/addin/functions/functions.js";
    static final String PLACEHOLDER = "{BASE_URL}";

    private final String manifest;
    private final String functionsScript;

    AddinTemplates(String manifest, String functionsScript) {
        this.manifest = requirePlaceholder(MANIFEST, manifest);
        this.functionsScript = requirePlaceholder(FUNCTIONS_SCRIPT, functionsScript);
    }

    public static AddinTemplates fromClasspath() {
        return new AddinTemplates(resource(MANIFEST), resource(FUNCTIONS_SCRIPT));
    }

    /** The manifest with every URL under {@code baseUrl} (http or https, no query; a trailing slash is dropped). */
    public String manifest(URI baseUrl) {
        return manifest.replace(PLACEHOLDER, xmlEscaped(baseUrlText(baseUrl)));
    }

    /** The worksheet functions' script, calling the service at {@code baseUrl}. */
    public String functionsScript(URI baseUrl) {
        // A checked http(s) URI has no quote or backslash, so it is safe inside the script's string literal.
        return functionsScript.replace(PLACEHOLDER, baseUrlText(baseUrl));
    }

    static String baseUrlText(URI baseUrl) {
        String scheme = baseUrl.getScheme();
        if (!baseUrl.isAbsolute() || baseUrl.getHost() == null
                || !("https".equals(scheme) || "http".equals(scheme))
                || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new InvalidInputException("Den offentlige adressen må være en http(s)-adresse uten spørring,"
                    + " som https://kostra.kommune.no, fikk '" + baseUrl + "'", Map.of("publicUrl", baseUrl.toString()));
        }
        String text = baseUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static String requirePlaceholder(String name, String text) {
        if (!text.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException("The add-in template " + name + " has no " + PLACEHOLDER + " placeholder");
        }
        return text;
    }

    private static String resource(String name) {
        try (InputStream in = AddinTemplates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The add-in template " + name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the add-in template " + name, e);
        }
    }

    private static String xmlEscaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
