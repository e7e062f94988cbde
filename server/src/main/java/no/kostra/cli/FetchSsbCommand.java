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
        description = "Fetch KOSTRA tables from SSB StatBank (PxWebApi v2, v1 fallback) and import each table atomically.")
final class FetchSsbCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions database;

    @Parameters(paramLabel = "SPEC", description = "TABLE:CONTENTS[,CONTENTS]:YEARS entries, e.g. 12603:KOSLegeaarsverk0000:2021-2024.")
    String spec;

    @Option(names = "--ssb-url", defaultValue = "https://data.ssb.no/api/pxwebapi/v2", description = "PxWebApi v2 base (default: ${DEFAULT-VALUE}).")
    URI v2;

    @Option(names = "--ssb-v1-url", defaultValue = "https://data.ssb.no/api/v0/no", description = "v1 base for the fallback (default: ${DEFAULT-VALUE}).")
    URI v1;

    @Mixin
    ImportChoices choices = new ImportChoices();

    @Option(names = "--cache", paramLabel = "DIR", description = "Cache folder; answers are reused until the table is updated.")
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
                ImportChoices.print(services.importer().importJsonStatParts("ssb-" + request.tableId(), parts,
                        choices.options(null, map)));
            }
            return 0;
        } catch (InvalidInputException e) {
            System.err.println("Importen ble avvist, ingenting er endret for denne tabellen: " + e.getMessage());
            return 2;
        }
    }
}
