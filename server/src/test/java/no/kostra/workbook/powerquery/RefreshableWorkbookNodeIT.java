package no.kostra.workbook.powerquery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import no.kostra.support.FillableTemplates;
import no.kostra.support.SeededServicesExtension;
import no.kostra.workbook.FilledReport;
import no.kostra.workbook.ReportTemplate;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every refreshable report read back by Microsoft's own code, in Node ({@code addin-manifest/test/powerquery/}):
 * connected-workbooks' parser reads and rewrites the DataMashup, powerquery-parser parses Section1.m, and each query's
 * parts are laid out as connected-workbooks lays out the same query. The workbooks are kept in
 * {@code server/target/test-artifacts/powerquery/}. Fails on CI when Node or the add-in's packages are missing.
 */
class RefreshableWorkbookNodeIT {
    private static final Path FOLDER = Path.of("target", "test-artifacts", "powerquery");
    private static final Path ADDIN = Path.of("..", "addin-manifest").toAbsolutePath().normalize();
    private static final long TIMEOUT_SECONDS = 300;

    @RegisterExtension
    static final SeededServicesExtension SEEDED = new SeededServicesExtension();

    @Test
    void microsoftsOwnCodeReadsTheQueriesOfEveryRefreshableReport() throws Exception {
        requireNode();
        clean(FOLDER);
        // the templates the seeds have figures for (FillableTemplates): the new areas are filled by the StatBank update
        List<ReportTemplate> templates = FillableTemplates.of(SEEDED.services(), "3201", 2024);
        for (ReportTemplate template : templates) {
            FilledReport report = SEEDED.services().refreshableReports().refreshable(
                    SEEDED.services().reports().fill(template.id(), "3201", 2024), URI.create("https://kostra.baerum.kommune.no"));
            Files.write(FOLDER.resolve(template.id() + ".xlsx"), report.xlsx());
        }

        ProcessBuilder command = new ProcessBuilder("node", "--test", "test/powerquery/refreshable.test.js").directory(ADDIN.toFile())
                .redirectErrorStream(true);
        command.environment().put("KOSTRA_REFRESHABLE_WORKBOOKS", FOLDER.toAbsolutePath().toString());
        Process node = command.start();
        node.getOutputStream().close();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        assertThat(finished).as("node finished within " + TIMEOUT_SECONDS + " s").isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        int tests = 3 * templates.size();
        assertThat(output).as(output).contains("# pass " + tests, "# fail 0");
    }

    /** Node and the add-in's installed packages, or a failed (CI) / aborted (elsewhere) test. */
    private static void requireNode() throws InterruptedException {
        String missing = null;
        if (!runs("node", "--version")) {
            missing = "node (Debian: nodejs; .ci/install-chromium.sh installs it)";
        } else if (!Files.isDirectory(ADDIN.resolve("node_modules/@microsoft/connected-workbooks"))) {
            missing = "the add-in's packages: run npm ci in addin-manifest (the build does it before the tests)";
        }
        if (missing != null) {
            String message = "The Power Query read-back needs " + missing;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
    }

    private static boolean runs(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void clean(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(folder);
    }
}
