package no.kostra.support;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * openpyxl ({@code openpyxl/edit_workbook.py}), editing and saving a workbook as a script would. A test that needs it
 * fails when it is missing on CI ({@code CI=true}) and is skipped elsewhere.
 */
public final class Openpyxl {
    private static final long TIMEOUT_SECONDS = 120;

    private final String python;

    private Openpyxl(String python) {
        this.python = python;
    }

    public static Openpyxl require() {
        String python = System.getenv().getOrDefault("KOSTRA_UNO_PYTHON", "/usr/bin/python3");
        boolean present;
        try {
            Process process = new ProcessBuilder(python, "-c", "import openpyxl").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            present = process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        if (!present) {
            String message = "The openpyxl check needs " + python + " with openpyxl (Debian: python3-openpyxl); install with"
                    + " .ci/install-libreoffice.sh";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return new Openpyxl(python);
    }

    /**
     * Opens the workbook, makes the edits in order ({@code --insert-rows 'Sheet!5:2'}, {@code --move-sheet 'Sheet=0'},
     * {@code --rename-sheet 'Old=New'}, {@code --set 'Sheet!A1=value'}) and saves it.
     */
    public void edit(Path xlsx, Path saved, List<String> edits) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python, script().toString(), "--in", xlsx.toString(), "--out", saved.toString()));
        command.addAll(edits);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.exists(saved)) {
            process.destroyForcibly();
            throw new AssertionError("openpyxl did not save " + saved + ": " + output);
        }
    }

    private static Path script() {
        try {
            return Path.of(Openpyxl.class.getResource("/openpyxl/edit_workbook.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
