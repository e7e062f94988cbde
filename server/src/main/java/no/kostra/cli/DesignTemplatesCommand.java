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
        description = "Write the report templates (.xlsx) from the packaged catalogue. Overwrites files of the same name.")
final class DesignTemplatesCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "workbook-templates",
            description = "Folder to write the templates into (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        try (Services services = Services.openSeeded(DatabaseSettings.inMemory("design-" + System.nanoTime()), Clock.systemUTC())) {
            for (Path file : new TemplateDesigner().writeAll(out, services.reports().templates().all())) {
                System.out.println("Wrote " + file);
            }
        }
        return 0;
    }
}
