package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import no.kostra.auth.AddinSignIn;
import no.kostra.auth.OidcVerifier;
import no.kostra.auth.Role;
import no.kostra.service.Services;
import no.kostra.support.LocalOpenIdProvider;
import no.kostra.support.SeededServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The task pane end to end, at 350 × 800 as a new user meets it: the real app on the seeds, the pane in Debian's
 * headless Chromium driven by playwright-core (addin-manifest/e2e/e2e.mjs) with a fake Excel host; the first click
 * with nothing changed, a second insert at the same cell, every status text free of internal names, no control
 * covered by the status box, an "Oppdater alle" checked cell by cell against /api/profile, "Last ned
 * rapportarbeidsbok" handing Excel the service's real workbook, plain and refreshable (its Power Query parts checked);
 * then the start page at /.
 * Leaves screenshots in target/test-artifacts/ (addin-pane.png, addin-pane-long-message.png, addin-pane-start.png).
 * Then sign-in: the service with {@code --auth oidc} against a real OpenID provider on loopback, MSAL.js signing in
 * through the dialog; and the service with {@code --auth tokens}, a person pasting a personal token (e2e/token.mjs).
 * The pane and a worksheet function send the token. In CI (CI=true) a missing Chromium or Node fails the test;
 * elsewhere it skips.
 */
class AddinEndToEndIT {
    private static final Path ADDIN = Path.of("..", "addin-manifest").toAbsolutePath().normalize();
    private static final Path SCREENSHOT = Path.of("target", "test-artifacts", "addin-pane.png").toAbsolutePath();
    private static final Path SIGNED_IN_SCREENSHOT = Path.of("target", "test-artifacts", "addin-pane-signed-in.png").toAbsolutePath();
    private static final Path TOKEN_SCREENSHOT = Path.of("target", "test-artifacts", "addin-pane-token.png").toAbsolutePath();
    private static final String CLIENT_ID = "5f0e9c1a-0000-4000-8000-00000000add1";
    private static final String AUDIENCE = "api://kostra-workbench";
    private static final String SCOPE = "Kostra.Access";

    private static Path chromium() {
        String configured = System.getenv("CHROMIUM");
        return Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
    }

    private static void require(boolean present, String what) {
        if (!present && "true".equals(System.getenv("CI"))) {
            fail(what + " is missing: CI must install it (.ci/install-chromium.sh)");
        }
        assumeTrue(present, what + " is missing; the end-to-end test of the task pane is skipped outside CI");
    }

    private static boolean onPath(String command) {
        try {
            Process p = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void taskPaneInsertsAndRefreshesTheKommunehelseProfileWithTheApisFigures() throws Exception {
        requireBrowser();
        Files.deleteIfExists(SCREENSHOT);

        try (Services services = SeededServices.open()) {
            Javalin app = App.create(services).start("127.0.0.1", 0);
            try {
                String output = node("e2e/e2e.mjs", "http://127.0.0.1:" + app.port(), SCREENSHOT.toString());

                assertThat(output).contains("11 passed, 0 failed");
                assertThat(SCREENSHOT).isNotEmptyFile();
                assertThat(SCREENSHOT.resolveSibling("addin-pane-start.png")).isNotEmptyFile();
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void taskPaneSignsInWithTheOpenIdProviderAndSendsOnlyTheAccessToken(@TempDir Path dir) throws Exception {
        requireBrowser();
        Files.deleteIfExists(SIGNED_IN_SCREENSHOT);
        SSLSocketFactory before = HttpsURLConnection.getDefaultSSLSocketFactory();

        try (Services services = SeededServices.open();
             LocalOpenIdProvider provider = LocalOpenIdProvider.start(dir, CLIENT_ID, AUDIENCE, SCOPE,
                     Map.of("preferred_username", "kari.nordmann@baerum.kommune.no", "name", "Kari Nordmann"))) {
            // The service fetches the provider's keys over HTTPS; the provider's certificate is self-signed.
            HttpsURLConnection.setDefaultSSLSocketFactory(provider.trust().getSocketFactory());
            OidcVerifier.Settings oidc = new OidcVerifier.Settings(provider.issuer(), AUDIENCE, SCOPE, Set.of());
            WebSettings settings = WebSettings.DEFAULT.withOidc(Optional.of(oidc))
                    .withAddinSignIn(Optional.of(AddinSignIn.of(oidc, CLIENT_ID)));
            Javalin app = App.create(services, settings).start("127.0.0.1", 0);
            try {
                String output = node("e2e/signin.mjs", "http://127.0.0.1:" + app.port(), provider.issuer(),
                        SIGNED_IN_SCREENSHOT.toString());

                assertThat(output).contains("6 passed, 0 failed");
                assertThat(provider.accessTokens()).as("access tokens the provider issued").isNotEmpty();
                assertThat(SIGNED_IN_SCREENSHOT).isNotEmptyFile();
            } finally {
                app.stop();
            }
        } finally {
            HttpsURLConnection.setDefaultSSLSocketFactory(before);
        }
    }

    @Test
    void taskPaneSignsInWithAPastedPersonalTokenUnderAuthTokensAndForgetsItOnLoggUt() throws Exception {
        requireBrowser();
        Files.deleteIfExists(TOKEN_SCREENSHOT);

        try (Services services = SeededServices.open()) {
            String token = services.apiTokens().create("Kari, økonomi", Role.READER, java.util.Set.of(), 30).token();
            Javalin app = App.create(services, WebSettings.DEFAULT.withTokens(true)).start("127.0.0.1", 0);
            try {
                String output = node("e2e/token.mjs", "http://127.0.0.1:" + app.port(), token, TOKEN_SCREENSHOT.toString());

                assertThat(output).contains("8 passed, 0 failed").doesNotContain(token);
                assertThat(TOKEN_SCREENSHOT).isNotEmptyFile();
            } finally {
                app.stop();
            }
        }
    }

    private static void requireBrowser() {
        require(Files.isExecutable(chromium()), "Chromium (" + chromium() + ")");
        require(onPath("node"), "Node.js");
        require(Files.isDirectory(ADDIN.resolve("node_modules/playwright-core")),
                "addin-manifest/node_modules (npm ci, run by the build before the tests)");
    }

    /** Runs an end-to-end script from addin-manifest and returns its output once it exited 0. */
    private static String node(String... command) throws Exception {
        java.util.List<String> line = new java.util.ArrayList<>(java.util.List.of("node"));
        line.addAll(java.util.List.of(command));
        Process node = new ProcessBuilder(line).directory(ADDIN.toFile()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = node.waitFor(4, TimeUnit.MINUTES);
        if (!finished) {
            node.destroyForcibly();
        }
        System.out.println(output);
        assertThat(finished).as("%s finished within 4 minutes:%n%s", command[0], output).isTrue();
        assertThat(node.exitValue()).as("%s exit code; its output:%n%s", command[0], output).isZero();
        return output;
    }
}
