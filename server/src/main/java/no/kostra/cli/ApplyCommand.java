package no.kostra.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import no.kostra.errors.InvalidInputException;
import no.kostra.service.Services;
import no.kostra.workbook.roundtrip.Decision;
import no.kostra.workbook.roundtrip.Edit;
import no.kostra.workbook.roundtrip.UploadReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Les en returnert rapportarbeidsbok, list opp hva personen endret, og lagre endringene som godtas.")
final class ApplyCommand implements Callable<Integer>, ChangesData {
    @Mixin
    DatabaseOptions database;

    @Parameters(index = "0", paramLabel = "FIL", description = "Den returnerte arbeidsboken (.xlsx).")
    Path file;

    @Option(names = "--dry-run", description = "Vis endringene og avgjørelsene uten å lagre noe.")
    boolean dryRun;

    @Option(names = "--sender", paramLabel = "HVEM", description = "Hvem som sendte filen, lagret som en merknad ved hver"
            + " rettelse (som avsender lagres den som kjører kommandoen).")
    String sender;

    @Option(names = "--region", paramLabel = "KODE", description = "Avvis filen om den ikke er laget for denne kommunen.")
    String region;

    @Option(names = "--accept-outliers", description = "Lagre også tall som ser ut som feiltasting (bekreft det en første kjøring holdt tilbake).")
    boolean acceptOutliers;

    @Override
    public boolean changesData() {
        return !dryRun;
    }

    @Override
    public Integer call() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try (Services services = database.open()) {
            UploadReport report = services.roundTrip().receive(file.getFileName().toString(), bytes, sender, region, dryRun,
                    acceptOutliers, null);
            print(report);
            if (report.confirmationNeeded()) {
                System.err.println(report.heldSentence("kjør apply på nytt med --accept-outliers") + ".");
                return ExpectedFailure.EXIT_CODE;
            }
            return 0;
        } catch (InvalidInputException e) {
            System.err.println(e.getMessage());
            return ExpectedFailure.EXIT_CODE;
        }
    }

    /** Every decision on a line of its own (its reason says what happened, in bokmål), then the counts. */
    private static void print(UploadReport report) {
        for (Decision d : report.decisions()) {
            Edit e = d.edit();
            System.out.printf(Locale.ROOT, "%s!%s%s: '%s' -> '%s'. %s%n", e.sheet(), e.cell(),
                    e.indicator() == null ? "" : " " + e.indicator() + " " + e.region() + " " + e.year(), e.oldText(), e.newText(), d.reason());
        }
        UploadReport.Counts c = report.counts();
        boolean stored = report.uploadId() != null;
        String what = report.dryRun() ? "Prøvekjøring: ingenting er lagret"
                : report.alreadyReceived() != null ? "Filen er sendt inn før (nr. " + report.alreadyReceived() + "): ingenting lagret på nytt"
                : report.confirmationNeeded() ? "Ingenting er lagret"
                : "Lagret som innsendt arbeidsbok " + report.uploadId();
        System.out.printf("%d endringer: %d %s, %d i konflikt, %d avvist, %d allerede lagret, %d %s. %s.%n", c.edits(), c.applied(),
                stored ? "lagret" : "ville blitt lagret", c.conflicts(), c.rejected(), c.alreadyStored(), c.held(),
                report.dryRun() ? "ville blitt holdt tilbake" : "holdt tilbake", what);
    }
}
