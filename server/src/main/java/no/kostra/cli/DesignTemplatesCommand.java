package no.kostra.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import no.kostra.service.Services;
import no.kostra.workbook.design.TemplateDesigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "design-templates", mixinStandardHelpOptions = true,
        description = {"Write the report templates (.xlsx) the catalogue defines, one per service area and the summary,"
                + " to edit in Excel. Overwrites files of the same name.",
                "An edited file placed in workbook-templates/ is packaged and used instead of the designed template."})
final class DesignTemplatesCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions database;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "workbook-templates",
            description = "Folder to write the templates into (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        try (Services services = database.open()) {
            for (Path file : new TemplateDesigner().writeAll(out, services.reports().templates().all())) {
                System.out.println("Wrote " + file);
            }
        }
        return 0;
    }
}
