package no.kostra.cli;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import no.kostra.ingest.ssb.RateLimiter;
import no.kostra.ingest.ssb.SsbClient;
import no.kostra.ingest.update.StoredMetadata;
import no.kostra.ingest.update.UpdateFailedException;
import no.kostra.ingest.update.UpdateProgress;
import no.kostra.ingest.update.UpdateRequest;
import no.kostra.ingest.update.UpdateSummary;
import no.kostra.ingest.update.Updater;
import no.kostra.observation.Vintage;
import no.kostra.service.Services;
import no.kostra.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Hent alle indikatorer som har en kilde i statistikkbanken (indicator_sources.csv), for rapportårets"
                + " ASSS-kommuner, Asker, KOSTRA-gruppe 12 og 13, landet og landet uten Oslo, for årene profilen viser,"
                + " og importer alt som én import.")
final class UpdateCommand implements Callable<Integer>, ChangesData {
    private static final int BAR = 30;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--year", required = true, paramLabel = "ÅR", description = "Rapportåret, f.eks. 2025 (henter det og de to årene før).")
    int year;

    @Option(names = "--vintage", defaultValue = "final", description = "preliminary (foreløpige, 15. mars) eller final (endelige, 15. juni) (standard: ${DEFAULT-VALUE}).")
    String vintage;

    @Option(names = "--ssb-url", defaultValue = "https://data.ssb.no/api/pxwebapi/v2", description = "Adressen til PxWebApi v2 (standard: ${DEFAULT-VALUE}).")
    URI v2;

    @Option(names = "--ssb-v1-url", defaultValue = "https://data.ssb.no/api/v0/no", description = "Adressen til v1, for tabeller v2 ikke kjenner (standard: ${DEFAULT-VALUE}).")
    URI v1;

    @Option(names = "--cache", paramLabel = "MAPPE", description = "Mappe for mellomlagring; svar brukes om igjen til tabellen"
            + " er oppdatert.")
    Path cache;

    @Option(names = "--all-municipalities", description = "Alle kommunene i katalogen, ikke bare ASSS-kommunene og Asker.")
    boolean allMunicipalities;

    @Override
    public Integer call() throws Exception {
        UpdateRequest request = UpdateRequest.forReportYear(year, Vintage.fromCode(vintage));
        if (allMunicipalities) {
            request = new UpdateRequest(year, request.vintage(), request.years(), true);
        }
        try (Services services = database.open()) {
            SsbClient client = new SsbClient(v2, v1, HttpClient.newHttpClient(), RateLimiter.ssb(), SsbClient.SSB_CELL_LIMIT, cache,
                    new StoredMetadata(services.database(), services.clock()));
            Updater updater = new Updater(services.database(), services.importer(), services.catalogs()::current);
            UpdateSummary summary = updater.run(request, client, System.console() != null ? bar(System.err) : lines(System.err));
            System.out.println(new String(Json.bytes(summary), StandardCharsets.UTF_8));
            System.err.println("Oppdatering " + year + " (" + vintage + "): " + summary.report().summary());
            return 0;
        } catch (UpdateFailedException e) {
            System.err.println(e.getMessage());
            return ExpectedFailure.EXIT_CODE;
        }
    }

    /** On a terminal: one line redrawn, a bar over all tables. */
    static UpdateProgress bar(PrintStream out) {
        return new UpdateProgress() {
            @Override
            public void table(int index, int tables, String table, int percent) {
                int whole = (index * 100 + percent) / tables;
                int filled = whole * BAR / 100;
                out.printf(Locale.ROOT, "\r[%s%s] %3d %% tabell %s", "#".repeat(filled), "-".repeat(BAR - filled), whole, table);
                out.flush();
            }

            @Override
            public void importing(int figures) {
                out.printf(Locale.ROOT, "\r[%s] 100 %% importerer %d tall%n", "#".repeat(BAR), figures);
                out.flush();
            }
        };
    }

    /** In a log (no terminal): a line per table and step. */
    static UpdateProgress lines(PrintStream out) {
        return new UpdateProgress() {
            @Override
            public void table(int index, int tables, String table, int percent) {
                out.printf(Locale.ROOT, "tabell %s (%d av %d): %d %%%n", table, index + 1, tables, percent);
            }

            @Override
            public void importing(int figures) {
                out.printf(Locale.ROOT, "importerer %d tall%n", figures);
            }
        };
    }
}
