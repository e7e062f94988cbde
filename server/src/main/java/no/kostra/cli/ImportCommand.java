package no.kostra.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import no.kostra.errors.InvalidInputException;
import no.kostra.ingest.ImportFormat;
import no.kostra.ingest.ImportOptions;
import no.kostra.ingest.ImportSource;
import no.kostra.ingest.Importer;
import no.kostra.service.Services;
import no.kostra.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Importer en JSON-stat-, CSV- eller xlsx-fil med tall, eller en katalogtabell, alt eller ingenting;"
                + " skriver rapporten som JSON og en oppsummeringslinje. Tall som ser usannsynlige ut, holder hele filen"
                + " tilbake til de er bekreftet (--accept-outliers).")
final class ImportCommand implements Callable<Integer>, ChangesData {
    /** Reference tables (deflators, need indices, efficiency weights and statements …) go to their own tables. */
    private static final String REFERENCE = "reference";

    @Mixin
    DatabaseOptions database;

    @Parameters(paramLabel = "FIL", description = "Filen som skal importeres.")
    Path file;

    @Option(names = "--format", description = "json-stat, csv, xlsx, catalog, eller reference for en referansetabell med"
            + " samme navn som seed-filen (deflators.csv, expense_need.csv, efficiency_components.csv, home_care_hours.csv,"
            + " efficiency.csv) (standard: sett ut fra filen).")
    String format;

    @Option(names = "--dry-run", description = "Vis hva importen ville gjort, uten å lagre noe.")
    boolean dryRun;

    @Option(names = "--accept-outliers", description = "Lagre tall utenfor enhetens spenn eller mer enn ti ganger året før"
            + " (de nevnes i rapporten); uten dette holdes en slik fil tilbake, og ingenting lagres.")
    boolean acceptOutliers;

    @Mixin
    ImportChoices choices = new ImportChoices();

    @Override
    public Integer call() throws IOException {
        try (Services services = database.open()) {
            if (REFERENCE.equals(format)) {
                int stored = services.analysis().referenceData().importFile(file.getFileName().toString(),
                        Files.readString(file, StandardCharsets.UTF_8));
                System.out.println(new String(Json.bytes(Map.of("file", file.getFileName().toString(), "rowsStored", stored)),
                        StandardCharsets.UTF_8));
                return 0;
            }
            if (!Files.isRegularFile(file)) {
                throw new java.nio.file.NoSuchFileException(file.toString());
            }
            ImportOptions options = choices.options(format == null ? null : ImportFormat.fromCode(format), choices.mapping())
                    .dryRun(dryRun).acceptOutliers(acceptOutliers);
            ImportChoices.print(services.importer().importFile(ImportSource.of(file), options));
            return 0;
        } catch (Importer.OutliersHeld e) {
            ImportChoices.print(e.report());
            System.err.println(e.getMessage() + ".");
            return ExpectedFailure.EXIT_CODE;
        } catch (InvalidInputException e) {
            System.err.println("Importen ble avvist, ingenting er endret: " + Refusal.lines(e));
            return ExpectedFailure.EXIT_CODE;
        } catch (IllegalArgumentException e) {
            System.err.println("Ugyldig valg: " + e.getMessage());
            return ExpectedFailure.EXIT_CODE;
        }
    }
}
