package no.kostra.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import no.kostra.service.Services;
import no.kostra.store.DatabaseSettings;
import no.kostra.workbook.design.TemplateDesigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "design-templates", mixinStandardHelpOptions = true,
        description = "Skriv rapportmalene (.xlsx) på nytt ut fra katalogen som følger med. Overskriver filer med samme navn.")
final class DesignTemplatesCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "MAPPE", defaultValue = "workbook-templates",
            description = "Mappen malene skrives til (standard: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        try (Services services = Services.openSeeded(DatabaseSettings.inMemory("design-" + System.nanoTime()), Clock.systemUTC())) {
            for (Path file : new TemplateDesigner(services.catalogs().current()).writeAll(out)) {
                System.out.println("Skrev " + file);
            }
        }
        return 0;
    }
}
