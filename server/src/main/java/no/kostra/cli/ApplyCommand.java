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
        description = "Les en returnert rapportarbeidsbok, list opp hva personen endret, og lagre endringene som godtas.")
final class ApplyCommand implements Callable<Integer>, ChangesData {
    @Mixin
    DatabaseOptions database;

    @Parameters(index = "0", paramLabel = "FIL", description = "Den returnerte arbeidsboken (.xlsx).")
    Path file;

    @Option(names = "--dry-run", description = "Vis endringene og avgjørelsene uten å lagre noe.")
    boolean dryRun;

    @Option(names = "--sender", paramLabel = "HVEM", description = "Hvem som sendte filen (lagres med hver rettelse).")
    String sender;

    @Option(names = "--region", paramLabel = "KODE", description = "Avvis filen om den ikke er laget for denne kommunen.")
    String region;

    @Override
    public boolean changesData() {
        return !dryRun;
    }

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
