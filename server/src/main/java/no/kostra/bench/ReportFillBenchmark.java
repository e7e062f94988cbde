package no.kostra.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import no.kostra.service.Services;
import no.kostra.store.DatabaseSettings;
import no.kostra.workbook.ReportData;
import no.kostra.workbook.ReportFiller;
import no.kostra.workbook.ReportTemplate;
import no.kostra.workbook.SigningKeys;
import no.kostra.workbook.TemplateWorkbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Filling one full report workbook (open the template, fill every table, move every chart series, sign the
 * provenance, write the xlsx) against opening and writing the unchanged template (goal ratio ≤ 2), and against
 * openpyxl replaying the same cells into the same template (goal: Java ≥ 3× faster). Each round times all three back
 * to back. The figures are gathered from the database once, before timing: the benchmark measures the workbook work.
 */
@Command(name = "report-fill", mixinStandardHelpOptions = true,
        description = "Fill a report workbook vs. load+write of the unchanged template, and vs. openpyxl.")
public final class ReportFillBenchmark implements Callable<Integer> {
    @Option(names = "--template", defaultValue = "kommunehelse", description = "Template id (default: ${DEFAULT-VALUE}).")
    String templateId;

    @Option(names = "--iterations", defaultValue = "40", description = "Operations per measured round (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--rounds", defaultValue = "9", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--python", defaultValue = "${env:KOSTRA_UNO_PYTHON:-/usr/bin/python3}",
            description = "Python with openpyxl (Debian: python3-openpyxl); empty to skip (default: ${DEFAULT-VALUE}).")
    String python;

    @Override
    public Integer call() throws Exception {
        try (Services services = Services.openSeeded(DatabaseSettings.inMemory("bench-" + System.nanoTime()), Clock.systemUTC())) {
            ReportTemplate template = services.reports().templates().require(templateId);
            byte[] templateBytes = services.reports().templateFile(template);
            ReportData data = services.reports().gather(template, "3201", 2024);
            ReportFiller filler = new ReportFiller(new SigningKeys(services.database(), Clock.systemUTC()).current());

            for (int i = 0; i < iterations; i++) { // warm-up
                loadAndWrite(template, templateBytes);
                fill(template, templateBytes, filler, data);
            }
            byte[] filled = fill(template, templateBytes, filler, data);
            try (Openpyxl openpyxl = Openpyxl.start(python, template, templateBytes, filled)) {
                Rounds rounds = measure(template, templateBytes, filler, data, openpyxl);
                System.out.printf(Locale.ROOT, "template %s: %d bytes; filled workbook %d bytes%n", template.id(),
                        templateBytes.length, filled.length);
                System.out.printf(Locale.ROOT, "baseline load+write unchanged template: %.2f ms%n", median(rounds.baseline()));
                System.out.printf(Locale.ROOT, "fill full report workbook:              %.2f ms%n", median(rounds.filling()));
                printRatio("ratio fill/baseline", rounds.filling(), rounds.baseline(), "(goal <= 2.00)");
                if (openpyxl != null) {
                    System.out.printf(Locale.ROOT, "openpyxl fill of the same cells:        %.2f ms (drops the charts)%n",
                            median(rounds.openpyxl()));
                    printRatio("speed-up java/openpyxl", rounds.openpyxl(), rounds.filling(), "(goal >= 3.00)");
                }
            }
        }
        return 0;
    }

    /** Milliseconds per operation in each round; a round times all of them back to back. */
    private record Rounds(double[] baseline, double[] filling, double[] openpyxl) {
    }

    private Rounds measure(ReportTemplate template, byte[] templateBytes, ReportFiller filler, ReportData data,
                           Openpyxl openpyxl) throws IOException {
        double[] baseline = new double[rounds];
        double[] filling = new double[rounds];
        double[] python = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                loadAndWrite(template, templateBytes);
            }
            baseline[r] = (System.nanoTime() - start) / 1e6 / iterations;
            start = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                fill(template, templateBytes, filler, data);
            }
            filling[r] = (System.nanoTime() - start) / 1e6 / iterations;
            if (openpyxl != null) {
                python[r] = openpyxl.millisPerFill(Math.max(5, iterations / 4));
            }
        }
        return new Rounds(baseline, filling, python);
    }

    /**
     * The median of the rounds' ratios, with their range. Each round times both sides back to back, so a round's
     * ratio is paired and the drift of a shared machine between rounds cancels out of it.
     */
    private static void printRatio(String label, double[] numerators, double[] denominators, String goal) {
        double[] ratios = new double[numerators.length];
        for (int r = 0; r < ratios.length; r++) {
            ratios[r] = numerators[r] / denominators[r];
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: %.2f, median of %d paired rounds (%.2f–%.2f) %s%n", label, median(ratios),
                ratios.length, sorted[0], sorted[sorted.length - 1], goal);
    }

    private static void loadAndWrite(ReportTemplate template, byte[] bytes) throws IOException {
        try (TemplateWorkbook workbook = TemplateWorkbook.open(template, bytes)) {
            workbook.write();
        }
    }

    private static byte[] fill(ReportTemplate template, byte[] bytes, ReportFiller filler, ReportData data) throws IOException {
        try (TemplateWorkbook workbook = TemplateWorkbook.open(template, bytes)) {
            return filler.fill(workbook, data);
        }
    }

    /** openpyxl in a Python process of its own, filling on request (see bench/openpyxl_fill.py). */
    private static final class Openpyxl implements AutoCloseable {
        private final Path dir;
        private final Process process;
        private final BufferedReader answers;
        private final Writer requests;

        private Openpyxl(Path dir, Process process) {
            this.dir = dir;
            this.process = process;
            this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        }

        /** Started and warmed up, or null (with the reason printed) when there is no Python with openpyxl. */
        static Openpyxl start(String python, ReportTemplate template, byte[] templateBytes, byte[] filled) throws IOException {
            if (python == null || python.isBlank()) {
                return null;
            }
            Path dir = Files.createTempDirectory("bench-openpyxl");
            Path script = dir.resolve("openpyxl_fill.py");
            try (InputStream in = ReportFillBenchmark.class.getClassLoader().getResourceAsStream("bench/openpyxl_fill.py")) {
                Files.write(script, in.readAllBytes());
            }
            Path templateFile = Files.write(dir.resolve(template.fileName()), templateBytes);
            Path plan = dir.resolve("plan.json");
            new ObjectMapper().writeValue(plan.toFile(), FillPlan.of(template, filled));
            Process process = new ProcessBuilder(python, script.toString(), templateFile.toString(), plan.toString(),
                    dir.resolve("openpyxl.xlsx").toString()).redirectErrorStream(true).start();
            Openpyxl openpyxl = new Openpyxl(dir, process);
            try {
                openpyxl.millisPerFill(10); // warm-up
                return openpyxl;
            } catch (IOException e) {
                System.out.println("openpyxl run failed (is python3-openpyxl installed?): " + e.getMessage());
                openpyxl.close();
                return null;
            }
        }

        double millisPerFill(int fills) throws IOException {
            requests.write(fills + "\n");
            requests.flush();
            StringBuilder output = new StringBuilder();
            for (String line = answers.readLine(); line != null; line = answers.readLine()) {
                if (line.startsWith("openpyxl_ms_per_fill=")) {
                    return Double.parseDouble(line.substring(line.indexOf('=') + 1));
                }
                output.append(line).append('\n');
            }
            throw new IOException(output.toString().trim());
        }

        @Override
        public void close() throws IOException {
            requests.close();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
