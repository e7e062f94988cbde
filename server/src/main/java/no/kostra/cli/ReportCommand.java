package no.kostra.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import no.kostra.catalog.Region;
import no.kostra.catalog.RegionKind;
import no.kostra.service.Services;
import no.kostra.workbook.FilledReport;
import no.kostra.workbook.ReportService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Fill report workbooks: one per service area of the catalogue, and the summary (sammendrag).",
                "One workbook: report --template kommunehelse --region 3201 --year 2024 --out FILE",
                "Batch: report --all --region 3201 --region 3203 --year 2024 --out-dir DIR",
                "Every municipality: report --all --all-municipalities --year 2024 --out-dir DIR [--threads N]",
                "Refreshable: add --refreshable --service-url https://kostra.example.no (Excel's Data > Refresh All reloads the tables)"})
final class ReportCommand implements Callable<Integer> {
    /** How many left-out workbooks a batch names; the rest are counted. */
    private static final int NAMED = 20;

    @Mixin
    DatabaseOptions database;

    @Option(names = {"-t", "--template"}, paramLabel = "ID",
            description = "Template id (repeatable): a service area's as GET /api/reports lists them (kommunehelse, pleie-og-omsorg, …) or sammendrag.")
    List<String> templates = List.of();

    @Option(names = "--all", description = "Fill every template.")
    boolean all;

    @Option(names = {"-r", "--region"}, paramLabel = "KOMMUNE",
            description = "Municipality number or name, e.g. 3201 or Bærum (repeatable).")
    List<String> regions = List.of();

    @Option(names = "--all-municipalities",
            description = "Every municipality of the catalogue; a workbook without figures for the municipality is left out and named.")
    boolean allMunicipalities;

    @Option(names = "--threads", paramLabel = "N", description = "Workbooks filled at once (default: the number of processors).")
    int threads = Runtime.getRuntime().availableProcessors();

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
        if (allMunicipalities == !regions.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Give --region CODE (one or more) or --all-municipalities");
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
            List<String> municipalities = allMunicipalities ? services.catalogs().current().regions().stream()
                    .filter(r -> r.kind() == RegionKind.MUNICIPALITY).map(Region::code).toList() : regions;
            List<ReportService.Skipped> skipped = services.reports().fillAll(all ? List.of() : templates, municipalities, year,
                    threads, allMunicipalities, filled -> write(refreshable
                            ? services.refreshableReports().refreshable(filled, serviceUrl) : filled));
            if (!skipped.isEmpty()) {
                System.out.printf("Hoppet over %d arbeidsbøker uten tall:%n", skipped.size());
                skipped.stream().limit(NAMED).forEach(s -> System.out.printf("  %s for %s: %s%n", s.templateId(), s.region(), s.reason()));
                if (skipped.size() > NAMED) {
                    System.out.printf("  … og %d til%n", skipped.size() - NAMED);
                }
            }
        }
        return 0;
    }

    /** Writes one workbook as it is filled (called from the filling threads). */
    private void write(FilledReport report) {
        Path target = out != null ? out : (outDir == null ? Path.of(".") : outDir).resolve(report.fileName());
        try {
            if (target.toAbsolutePath().getParent() != null) {
                Files.createDirectories(target.toAbsolutePath().getParent());
            }
            Files.write(target, report.xlsx());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf("Wrote %s (%s, %s %d, %d bytes)%n", target, report.template().id(), report.region().name(),
                report.year(), report.xlsx().length);
    }
}
