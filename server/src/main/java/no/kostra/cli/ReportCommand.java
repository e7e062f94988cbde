package no.kostra.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import no.kostra.service.Services;
import no.kostra.workbook.FilledReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Fill report workbooks from the templates.",
                "One workbook: report --template kommunehelse --region 3201 --year 2024 --out FILE",
                "Batch: report --all --region 3201 --region 3203 --year 2024 --out-dir DIR",
                "Refreshable: add --refreshable --service-url https://kostra.example.no (Excel's Data > Refresh All reloads the tables)"})
final class ReportCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions database;

    @Option(names = {"-t", "--template"}, paramLabel = "ID", description = "Template id (repeatable): kommunehelse, pleie-og-omsorg, sammendrag.")
    List<String> templates = List.of();

    @Option(names = "--all", description = "Fill every template.")
    boolean all;

    @Option(names = {"-r", "--region"}, paramLabel = "KOMMUNE", required = true,
            description = "Municipality number or name, e.g. 3201 or Bærum (repeatable).")
    List<String> regions;

    @Option(names = {"-y", "--year"}, required = true, description = "Report year.")
    int year;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the workbook (exactly one template and region).")
    Path out;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Folder for the workbooks, named as a person would keep them (default: current folder).")
    Path outDir;

    @Option(names = "--refreshable", description = "Back every table with a Power Query query of the service's data routes, so"
            + " Data > Refresh All in Excel brings the figures up to date (needs --service-url).")
    boolean refreshable;

    @Option(names = "--service-url", paramLabel = "URL", description = "The address people reach the service at, which the"
            + " queries of a refreshable workbook call (e.g. https://kostra.baerum.kommune.no).")
    URI serviceUrl;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (all == !templates.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Give --template ID (one or more) or --all");
        }
        boolean single = !all && templates.size() == 1 && regions.size() == 1;
        if (out != null && !single) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--out names one file; for several workbooks use --out-dir DIR");
        }
        if (refreshable != (serviceUrl != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), refreshable
                    ? "--refreshable trenger --service-url: adressen folk når tjenesten på, for eksempel https://kostra.baerum.kommune.no"
                    : "--service-url brukes bare sammen med --refreshable");
        }
        if (serviceUrl != null && !serviceUrl.isAbsolute() || serviceUrl != null && !serviceUrl.getScheme().matches("https?")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--service-url må være en http- eller https-adresse, fikk '"
                    + serviceUrl + "'");
        }
        try (Services services = database.open()) {
            List<FilledReport> filled = services.reports().fillAll(all ? List.of() : templates, regions, year);
            for (FilledReport filledReport : filled) {
                FilledReport report = refreshable ? services.refreshableReports().refreshable(filledReport, serviceUrl) : filledReport;
                Path target = out != null ? out : (outDir == null ? Path.of(".") : outDir).resolve(report.fileName());
                if (target.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(target.toAbsolutePath().getParent());
                }
                Files.write(target, report.xlsx());
                System.out.printf("Wrote %s (%s, %s %d, %d bytes)%n", target, report.template().id(), report.region().name(),
                        report.year(), report.xlsx().length);
            }
        }
        return 0;
    }
}
