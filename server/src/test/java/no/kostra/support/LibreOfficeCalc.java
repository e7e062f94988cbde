package no.kostra.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * LibreOffice Calc, headless, driven through its Python UNO bridge ({@code libreoffice/calc_check.py}): opens a
 * workbook, optionally edits cells, recalculates, reports every formula cell and exports a PDF. A test that needs it
 * fails when it is missing on CI ({@code CI=true}) and is skipped elsewhere.
 */
public final class LibreOfficeCalc {
    /** Where rendered PDFs and PNGs are kept for a person to look at (not committed). */
    public static final Path ARTIFACTS = Path.of("target", "test-artifacts");
    private static final long TIMEOUT_SECONDS = 180;

    private final String python;

    private LibreOfficeCalc(String python) {
        this.python = python;
    }

    /** The engine, or a failed (CI) / aborted (elsewhere) test when it is not installed. */
    public static LibreOfficeCalc require() {
        String python = System.getenv().getOrDefault("KOSTRA_UNO_PYTHON", "/usr/bin/python3");
        String missing = null;
        if (!runs(List.of(python, "-c", "import uno"))) {
            missing = python + " with the uno module (Debian: python3-uno)";
        } else if (!runs(List.of("soffice", "--version"))) {
            missing = "soffice (Debian: libreoffice-calc-nogui)";
        } else if (!runs(List.of("pdftoppm", "-v"))) {
            missing = "pdftoppm (Debian: poppler-utils)";
        }
        if (missing != null) {
            String message = "LibreOffice check needs " + missing + "; install with .ci/install-libreoffice.sh";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return new LibreOfficeCalc(python);
    }

    /** What LibreOffice said about a workbook. */
    public record Result(boolean loaded, List<String> problems, List<Formula> formulas) {
        public Formula formula(String sheet, String cell) {
            return formulas.stream().filter(f -> f.sheet().equals(sheet) && f.cell().equals(cell)).findFirst()
                    .orElseThrow(() -> new AssertionError("LibreOffice found no formula in " + sheet + "!" + cell));
        }
    }

    /** A formula cell after recalculation: its number (null when text), displayed text and error code (0 = none). */
    public record Formula(String sheet, String cell, String formula, Double value, String text, int error,
                          Double cachedValue, String cachedText) {
    }

    /**
     * Opens the workbook, applies the edits ({@code Sheet!A1=value}, typed as a person would), recalculates, and
     * exports a PDF when {@code pdf} is not null.
     */
    public Result check(Path xlsx, Path pdf, List<String> edits) throws IOException, InterruptedException {
        return check(xlsx, pdf, null, edits);
    }

    /**
     * As {@link #check(Path, Path, List)}, and exports the workbook a second time to {@code unscaledPdf} with every
     * sheet printed at 100 %, to measure the scale each sheet prints at ({@link PdfPages#scalesAgainst}).
     */
    public Result check(Path xlsx, Path pdf, Path unscaledPdf, List<String> edits) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>();
        if (unscaledPdf != null) {
            arguments.addAll(List.of("--pdf-unscaled", unscaledPdf.toString()));
        }
        for (String edit : edits) {
            arguments.addAll(List.of("--set", edit));
        }
        return run(xlsx, pdf, arguments);
    }

    /** As {@link #check(Path, Path, List)} with LibreOffice running in another language, e.g. {@code en-US}. */
    public Result checkIn(String locale, Path xlsx, Path pdf) throws IOException, InterruptedException {
        return run(xlsx, pdf, List.of("--locale", locale));
    }

    private Result run(Path xlsx, Path pdf, List<String> arguments) throws IOException, InterruptedException {
        Path json = Files.createTempFile("calc-check", ".json");
        List<String> command = new ArrayList<>(List.of(python, script().toString(), "--in", xlsx.toString(), "--json", json.toString()));
        if (pdf != null) {
            command.addAll(List.of("--pdf", pdf.toString()));
        }
        command.addAll(arguments);
        Path log = Files.createTempFile("calc-check", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("LibreOffice did not finish within " + TIMEOUT_SECONDS + " s: " + Files.readString(log));
        }
        if (!Files.exists(json) || Files.size(json) == 0) {
            throw new AssertionError("LibreOffice check failed (exit " + process.exitValue() + "): " + Files.readString(log));
        }
        JsonNode report = new ObjectMapper().readTree(Files.readString(json, StandardCharsets.UTF_8));
        Files.deleteIfExists(json);
        Files.deleteIfExists(log);
        List<String> problems = new ArrayList<>();
        report.path("problems").forEach(p -> problems.add(p.asText()));
        List<Formula> formulas = new ArrayList<>();
        for (JsonNode f : report.path("formulas")) {
            JsonNode cached = f.path("cached");
            formulas.add(new Formula(f.path("sheet").asText(), f.path("cell").asText(), f.path("formula").asText(),
                    number(f.path("value")), f.path("text").asText(), f.path("error").asInt(),
                    number(cached.path("value")), cached.path("text").asText()));
        }
        return new Result(report.path("loaded").asBoolean(), problems, formulas);
    }

    /**
     * Opens the workbook, makes the edits in the order given as a person would in Calc ({@code --insert-rows
     * 'Sheet!5:2'}, {@code --move-sheet 'Sheet=0'}, {@code --rename-sheet 'Old=New'}, {@code --sort 'Sheet!A2:R9=G'},
     * {@code --set 'Sheet!A1=value'}) and saves it as .xlsx with Calc's own filter, as "Save as" does.
     */
    public void edit(Path xlsx, Path saved, List<String> edits) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("--save-xlsx", saved.toString()));
        arguments.addAll(edits);
        run(xlsx, null, arguments);
        if (!Files.exists(saved)) {
            throw new AssertionError("LibreOffice did not save " + saved);
        }
    }

    /** Renders every page of a PDF to PNG, {@code prefix-1.png} and on (poppler pads the number to the page count). */
    public static void renderPages(Path pdf, Path prefix) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("pdftoppm", "-png", "-r", "80", pdf.toString(), prefix.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new AssertionError("pdftoppm failed: " + output);
        }
    }

    /** Renders one page of a PDF to PNG; returns the file. */
    public static Path renderPage(Path pdf, int page, Path pngWithoutExtension) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("pdftoppm", "-f", Integer.toString(page), "-l", Integer.toString(page),
                "-singlefile", "-png", "-r", "130", pdf.toString(), pngWithoutExtension.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new AssertionError("pdftoppm failed: " + output);
        }
        return Path.of(pngWithoutExtension + ".png");
    }

    private static Double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }

    private static Path script() {
        try {
            return Path.of(LibreOfficeCalc.class.getResource("/libreoffice/calc_check.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean runs(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
