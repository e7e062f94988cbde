package no.kostra.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import no.kostra.errors.InvalidInputException;
import no.kostra.ingest.ImportMapping;
import no.kostra.ingest.Importer;
import no.kostra.ingest.ssb.RateLimiter;
import no.kostra.ingest.ssb.SsbClient;
import no.kostra.ingest.ssb.SsbRequest;
import no.kostra.ingest.update.StoredMetadata;
import no.kostra.service.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fetch-ssb", mixinStandardHelpOptions = true,
        description = "Hent KOSTRA-tabeller fra SSBs statistikkbank (PxWebApi v2, med v1 som reserve) og importer hver"
                + " tabell, alt eller ingenting.")
final class FetchSsbCommand implements Callable<Integer>, ChangesData {
    @Mixin
    DatabaseOptions database;

    @Parameters(paramLabel = "SPEK", description = "TABELL:INNHOLD[,INNHOLD]:ÅR, f.eks. 12603:KOSLegeaarsverk0000:2021-2024.")
    String spec;

    @Option(names = "--ssb-url", defaultValue = "https://data.ssb.no/api/pxwebapi/v2", description = "Adressen til PxWebApi v2 (standard: ${DEFAULT-VALUE}).")
    URI v2;

    @Option(names = "--ssb-v1-url", defaultValue = "https://data.ssb.no/api/v0/no", description = "Adressen til v1, som brukes som reserve (standard: ${DEFAULT-VALUE}).")
    URI v1;

    @Mixin
    ImportChoices choices = new ImportChoices();

    @Option(names = "--cache", paramLabel = "MAPPE", description = "Mappe for mellomlagring; svar brukes om igjen til tabellen"
            + " er oppdatert.")
    Path cache;

    @Override
    public Integer call() throws Exception {
        ImportMapping map = choices.mapping();
        try (Services services = database.open()) {
            SsbClient client = new SsbClient(v2, v1, HttpClient.newHttpClient(), RateLimiter.ssb(), SsbClient.SSB_CELL_LIMIT, cache,
                    new StoredMetadata(services.database(), services.clock()));
            for (SsbRequest request : SsbRequest.parseSpec(spec, map.filters())) {
                List<Importer.NamedBytes> parts = client.fetch(request).stream()
                        .map(f -> new Importer.NamedBytes(f.name(), f.jsonStat())).toList();
                // SSB's own figures: stored even where they jump, and listed as outliers, as the update does.
                ImportChoices.print(services.importer().importJsonStatParts("ssb-" + request.tableId(), parts,
                        choices.options(null, map).acceptOutliers(true)));
            }
            return 0;
        } catch (InvalidInputException e) {
            System.err.println("Importen ble avvist, ingenting er endret for denne tabellen: " + Refusal.lines(e));
            return 2;
        }
    }
}
