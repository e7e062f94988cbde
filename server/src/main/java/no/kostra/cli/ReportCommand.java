package no.kostra.cli;

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
                "Batch: report --all --region 3201 --region 3203 --year 2024 --out-dir DIR"})
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
        try (Services services = database.open()) {
            List<FilledReport> filled = services.reports().fillAll(all ? List.of() : templates, regions, year);
            for (FilledReport report : filled) {
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
