package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import no.kostra.service.Services;
import no.kostra.support.SeededServices;
import org.junit.jupiter.api.Test;

/**
 * The task pane end to end: the real app on the seeds, the pane in Debian's headless Chromium driven by
 * playwright-core (addin-manifest/e2e/e2e.mjs) with a fake Excel host, an insert and an "Oppdater alle" checked
 * cell by cell against /api/profile. Leaves a screenshot of the pane in target/test-artifacts/addin-pane.png.
 * In CI (CI=true) a missing Chromium or Node fails the test; elsewhere it skips.
 */
class AddinEndToEndIT {
    private static final Path ADDIN = Path.of("..", "addin-manifest").toAbsolutePath().normalize();
    private static final Path SCREENSHOT = Path.of("target", "test-artifacts", "addin-pane.png").toAbsolutePath();

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
        require(Files.isExecutable(chromium()), "Chromium (" + chromium() + ")");
        require(onPath("node"), "Node.js");
        require(Files.isDirectory(ADDIN.resolve("node_modules/playwright-core")),
                "addin-manifest/node_modules (npm ci, run by the build before the tests)");
        Files.deleteIfExists(SCREENSHOT);

        try (Services services = SeededServices.open()) {
            Javalin app = App.create(services).start("127.0.0.1", 0);
            try {
                Process node = new ProcessBuilder("node", "e2e/e2e.mjs", "http://127.0.0.1:" + app.port(), SCREENSHOT.toString())
                        .directory(ADDIN.toFile()).redirectErrorStream(true).start();
                String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                boolean finished = node.waitFor(4, TimeUnit.MINUTES);
                if (!finished) {
                    node.destroyForcibly();
                }
                System.out.println(output);

                assertThat(finished).as("e2e.mjs finished within 4 minutes:%n%s", output).isTrue();
                assertThat(node.exitValue()).as("e2e.mjs exit code; its output:%n%s", output).isZero();
                assertThat(output).contains("6 passed, 0 failed");
                assertThat(SCREENSHOT).isNotEmptyFile();
            } finally {
                app.stop();
            }
        }
    }
}
