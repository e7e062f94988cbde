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
        description = "Fetch every indicator that has a StatBank source (indicator_sources.csv) for the report year's"
                + " ASSS members, Asker, KOSTRA-gruppe 12 and 13, the country and the country without Oslo, for the years"
                + " the profile shows, and import it all as one import.")
final class UpdateCommand implements Callable<Integer> {
    private static final int BAR = 30;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--year", required = true, description = "The report year, e.g. 2025 (fetches it and the two before).")
    int year;

    @Option(names = "--vintage", defaultValue = "final", description = "preliminary (15 March) or final (15 June) (default: ${DEFAULT-VALUE}).")
    String vintage;

    @Option(names = "--ssb-url", defaultValue = "https://data.ssb.no/api/pxwebapi/v2", description = "PxWebApi v2 base (default: ${DEFAULT-VALUE}).")
    URI v2;

    @Option(names = "--ssb-v1-url", defaultValue = "https://data.ssb.no/api/v0/no", description = "v1 base for tables v2 does not know (default: ${DEFAULT-VALUE}).")
    URI v1;

    @Option(names = "--cache", paramLabel = "DIR", description = "Cache folder; answers are reused until the table is updated.")
    Path cache;

    @Option(names = "--all-municipalities", description = "Every municipality of the catalogue, not only the ASSS members and Asker.")
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
