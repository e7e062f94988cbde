package no.kostra.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import no.kostra.errors.InvalidInputException;
import no.kostra.service.Services;
import no.kostra.workbook.roundtrip.Decision;
import no.kostra.workbook.roundtrip.UploadReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Read a returned report workbook, list what the person changed, and store the accepted edits.")
final class ApplyCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions database;

    @Parameters(index = "0", paramLabel = "FILE", description = "The returned .xlsx workbook.")
    Path file;

    @Option(names = "--dry-run", description = "Show the edits and decisions without storing anything.")
    boolean dryRun;

    @Option(names = "--sender", description = "Who sent the file, as a note beside each correction (the recorded sender"
            + " is the user running the command).")
    String sender;

    @Option(names = "--region", description = "Refuse the file unless it was made for this municipality.")
    String region;

    @Override
    public Integer call() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try (Services services = database.open()) {
            UploadReport report = services.roundTrip().receive(file.getFileName().toString(), bytes, sender, region, dryRun);
            print(report);
            return 0;
        } catch (InvalidInputException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    private static void print(UploadReport report) {
        for (Decision d : report.decisions()) {
            System.out.printf(Locale.ROOT, "%-14s %s!%s %s %s %s: '%s' -> '%s'. %s%n", d.outcome(), d.edit().sheet(), d.edit().cell(),
                    d.edit().indicator() == null ? "" : d.edit().indicator(), d.edit().region() == null ? "" : d.edit().region(),
                    d.edit().indicator() == null ? "" : Integer.toString(d.edit().year()), d.edit().oldText(), d.edit().newText(), d.reason());
        }
        UploadReport.Counts c = report.counts();
        String what = report.dryRun() ? "Prøvekjøring: ingenting lagret"
                : report.alreadyReceived() != null ? "Filen er sendt inn før (nr. " + report.alreadyReceived() + "): ingenting lagret på nytt"
                : "Lagret som innsendt arbeidsbok " + report.uploadId();
        System.out.printf("%d endringer: %d lagret, %d i konflikt, %d avvist, %d allerede lagret. %s.%n",
                c.edits(), c.applied(), c.conflicts(), c.rejected(), c.alreadyStored(), what);
    }
}
