package no.kostra.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import no.kostra.errors.NotFoundException;
import no.kostra.ingest.ssb.RateLimiter;
import no.kostra.ingest.ssb.SsbClient;
import no.kostra.ingest.update.StoredMetadata;
import no.kostra.ingest.update.UpdateJobs;
import no.kostra.ingest.update.UpdateRequest;
import no.kostra.ingest.update.Updater;
import no.kostra.service.Services;

/**
 * {@code POST /api/updates?year=2025&vintage=preliminary|final} starts the update for a report year (see
 * {@link Updater}) and answers 202 with its id; {@code GET /api/updates/{id}} answers its status, progress per table and,
 * when done, the summary. StatBank's address is {@code KOSTRA_SSB_URL} (environment) or {@code kostra.ssb.url} (system
 * property), by default SSB's PxWebApi v2.
 */
final class UpdateRoutes {
    static final String DEFAULT_V2 = "https://data.ssb.no/api/pxwebapi/v2";
    static final String DEFAULT_V1 = "https://data.ssb.no/api/v0/no";
    private final UpdateJobs jobs;

    UpdateRoutes(Services services) {
        URI v2 = URI.create(setting("kostra.ssb.url", "KOSTRA_SSB_URL", DEFAULT_V2));
        URI v1 = URI.create(setting("kostra.ssb.v1.url", "KOSTRA_SSB_V1_URL", DEFAULT_V1));
        RateLimiter limiter = RateLimiter.ssb();
        StoredMetadata metadata = new StoredMetadata(services.database(), services.clock());
        // Made on the first update: an HTTP client starts a thread, and most services never post an update.
        java.util.function.Supplier<HttpClient> http = new java.util.function.Supplier<>() {
            private HttpClient client;

            @Override
            public synchronized HttpClient get() {
                return client == null ? client = HttpClient.newHttpClient() : client;
            }
        };
        this.jobs = new UpdateJobs(new Updater(services.database(), services.importer(), services.catalogs()::current),
                () -> new SsbClient(v2, v1, http.get(), limiter, SsbClient.SSB_CELL_LIMIT, null, metadata));
    }

    void register(RoutesConfig routes) {
        routes.post("/api/updates", this::start);
        routes.get("/api/updates/{id}", this::status);
    }

    private void start(Context ctx) {
        int year = Params.year(ctx, "year");
        String id = jobs.start(UpdateRequest.forReportYear(year, Params.vintage(ctx)));
        ctx.status(202).header("Location", "/api/updates/" + id)
                .json(Map.of("id", id, "status", "queued", "progress", "/api/updates/" + id));
    }

    private void status(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(jobs.find(id).orElseThrow(() -> new NotFoundException("Fant ingen oppdatering med id '" + id
                + "' (oppdateringer huskes til tjenesten startes på nytt)", Map.of("id", id))));
    }

    private static String setting(String property, String environment, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
