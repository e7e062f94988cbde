package no.kostra.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import no.kostra.errors.InvalidInputException;
import no.kostra.ingest.ImportFormat;
import no.kostra.ingest.ImportMapping;
import no.kostra.ingest.ImportOptions;
import no.kostra.ingest.ImportReport;
import no.kostra.observation.Vintage;
import no.kostra.service.Services;
import no.kostra.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a JSON-stat, CSV or xlsx file of figures, or a catalogue table, atomically; prints the report as JSON.")
final class ImportCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions database;

    @Parameters(paramLabel = "FILE", description = "The file to import.")
    Path file;

    @Option(names = "--format", description = "json-stat, csv, xlsx or catalog (default: told from the file).")
    String format;

    @Option(names = "--mapping", paramLabel = "M", description = "A mapping properties file (see README, Ingest).")
    Path mapping;

    @Option(names = "--vintage", defaultValue = "final", description = "preliminary or final (default: ${DEFAULT-VALUE}).")
    String vintage;

    @Override
    public Integer call() throws IOException {
        try (Services services = database.open()) {
            ImportOptions options = new ImportOptions(format == null ? null : ImportFormat.fromCode(format), null,
                    Vintage.fromCode(vintage), ImportMapping.fromFile(mapping));
            ImportReport report = services.importer().importFile(file.getFileName().toString(), Files.readAllBytes(file), options);
            System.out.println(new String(Json.bytes(report), StandardCharsets.UTF_8));
            return 0;
        } catch (InvalidInputException e) {
            System.err.println("Importen ble avvist, ingenting er endret: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            System.err.println("Ugyldig valg: " + e.getMessage());
            return 2;
        }
    }
}
