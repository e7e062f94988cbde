package no.kostra.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import no.kostra.service.Services;
import no.kostra.workbook.design.TemplateDesigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "design-templates", mixinStandardHelpOptions = true,
        description = {"Skriv rapportmalene (.xlsx) katalogen definerer, én per tjenesteområde og sammendraget, til å"
                + " redigeres i Excel. Overskriver filer med samme navn.",
                "En redigert fil lagt i workbook-templates/ pakkes med og brukes i stedet for den tegnede malen."})
final class DesignTemplatesCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions database;

    @Option(names = "--out", paramLabel = "MAPPE", defaultValue = "workbook-templates",
            description = "Mappen malene skrives til (standard: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        try (Services services = database.open()) {
            for (Path file : new TemplateDesigner().writeAll(out, services.reports().templates().all())) {
                System.out.println("Skrev " + file);
            }
        }
        return 0;
    }
}
