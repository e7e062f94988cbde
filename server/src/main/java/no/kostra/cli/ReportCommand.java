package no.kostra.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import no.kostra.compute.NorwegianFormat;
import no.kostra.service.Services;
import no.kostra.workbook.ReportTemplate;
import no.kostra.workbook.ReportTemplates;
import no.kostra.workbook.FilledReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Fyll rapportarbeidsbøker fra malene.",
                "Én arbeidsbok: report --template kommunehelse --region 3201 --year 2024 --out FIL",
                "Mange: report --all --region 3201 --region 3203 --year 2024 --out-dir MAPPE"})
final class ReportCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions database;

    @Option(names = {"-t", "--template"}, paramLabel = "MAL", completionCandidates = TemplateIds.class,
            description = "Malens id (kan gjentas): ${COMPLETION-CANDIDATES}.")
    List<String> templates = List.of();

    @Option(names = "--all", description = "Fyll alle malene.")
    boolean all;

    @Option(names = {"-r", "--region"}, paramLabel = "KODE", required = true, description = "Kommunenummer (kan gjentas).")
    List<String> regions;

    @Option(names = {"-y", "--year"}, paramLabel = "ÅR", required = true, description = "Rapportåret.")
    int year;

    @Option(names = "--out", paramLabel = "FIL", description = "Filen arbeidsboken skrives til (bare med én mal og én kommune).")
    Path out;

    @Option(names = "--out-dir", paramLabel = "MAPPE", description = "Mappen arbeidsbøkene skrives til, med navn slik en person"
            + " ville lagret dem (standard: mappen du står i).")
    Path outDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The template ids the help lists, as the service knows them. */
    static final class TemplateIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ReportTemplates.all().stream().map(ReportTemplate::id).iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        if (all == !templates.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Gi --template MAL (én eller flere) eller --all");
        }
        boolean single = !all && templates.size() == 1 && regions.size() == 1;
        if (out != null && !single) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--out er én fil; for flere arbeidsbøker, bruk --out-dir MAPPE");
        }
        templates.forEach(ReportTemplates::require); // an unknown id is refused before the database is opened
        try (Services services = database.open()) {
            List<FilledReport> filled = services.reports().fillAll(all ? List.of() : templates, regions, year);
            for (FilledReport report : filled) {
                Path target = out != null ? out : (outDir == null ? Path.of(".") : outDir).resolve(report.fileName());
                if (target.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(target.toAbsolutePath().getParent());
                }
                Files.write(target, report.xlsx());
                System.out.printf("Skrev %s (%s, %s %d, %s byte)%n", target, report.template().title(), report.region().name(),
                        report.year(), NorwegianFormat.number(report.xlsx().length, 0));
            }
        }
        return 0;
    }
}
