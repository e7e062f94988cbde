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
import no.kostra.compute.NorwegianFormat;
import no.kostra.service.Services;
import no.kostra.workbook.FilledReport;
import no.kostra.workbook.ReportService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Fyll rapportarbeidsbøker: én per tjenesteområde i katalogen, og sammendraget.",
                "Én arbeidsbok: report --template kommunehelse --region 3201 --year 2024 --out FIL",
                "Mange: report --all --region 3201 --region Asker --year 2024 --out-dir MAPPE",
                "Alle kommuner: report --all --all-municipalities --year 2024 --out-dir MAPPE [--threads N]",
                "Oppdaterbar: legg til --refreshable --service-url https://kostra.example.no (Excels Data > Oppdater alt"
                        + " henter tallene på nytt)"})
final class ReportCommand implements Callable<Integer> {
    /** How many left-out workbooks a batch names; the rest are counted. */
    private static final int NAMED = 20;

    @Mixin
    DatabaseOptions database;

    @Option(names = {"-t", "--template"}, paramLabel = "MAL",
            description = "Malens id (kan gjentas), slik GET /api/reports lister dem: et tjenesteområdes (kommunehelse,"
                    + " pleie-og-omsorg, …) eller sammendrag.")
    List<String> templates = List.of();

    @Option(names = "--all", description = "Fyll alle malene; en mal uten tall for kommunen hoppes over og nevnes.")
    boolean all;

    @Option(names = {"-r", "--region"}, paramLabel = "KOMMUNE",
            description = "Kommunenummer eller -navn, for eksempel 3201 eller Bærum (kan gjentas).")
    List<String> regions = List.of();

    @Option(names = "--all-municipalities",
            description = "Alle kommunene i katalogen; en arbeidsbok uten tall for kommunen hoppes over og nevnes.")
    boolean allMunicipalities;

    @Option(names = "--threads", paramLabel = "N", description = "Arbeidsbøker som fylles samtidig (standard: antall prosessorer).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-y", "--year"}, paramLabel = "ÅR", required = true, description = "Rapportåret.")
    int year;

    @Option(names = "--out", paramLabel = "FIL", description = "Filen arbeidsboken skrives til (bare med én mal og én kommune).")
    Path out;

    @Option(names = "--out-dir", paramLabel = "MAPPE", description = "Mappen arbeidsbøkene skrives til, med navn slik en person"
            + " ville lagret dem (standard: mappen du står i).")
    Path outDir;

    @Option(names = "--refreshable", description = "Legg en Power Query-spørring mot tjenestens dataadresser bak hver tabell,"
            + " så Data > Oppdater alt i Excel henter tallene på nytt (trenger --service-url).")
    boolean refreshable;

    @Option(names = "--service-url", paramLabel = "URL", description = "Adressen folk når tjenesten på, som spørringene i en"
            + " oppdaterbar arbeidsbok kaller (for eksempel https://kostra.baerum.kommune.no).")
    URI serviceUrl;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (all == !templates.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Gi --template MAL (én eller flere) eller --all");
        }
        if (allMunicipalities == !regions.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Gi --region KOMMUNE (én eller flere) eller --all-municipalities");
        }
        boolean single = !all && templates.size() == 1 && regions.size() == 1;
        if (out != null && !single) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--out er én fil; for flere arbeidsbøker, bruk --out-dir MAPPE");
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
                    // every template: those without figures for a municipality are named, not an error
                    threads, all || allMunicipalities, filled -> write(refreshable
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
        System.out.printf("Skrev %s (%s, %s %d, %s byte)%n", target, report.template().title(), report.region().name(),
                report.year(), NorwegianFormat.number(report.xlsx().length, 0));
    }
}
