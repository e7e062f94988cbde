package no.kostra.web;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import no.kostra.service.Services;

/** Builds the Javalin application from the services. Tests build the same app, on port 0. */
public final class App {
    /** Largest request body accepted (uploads are refused above this with 413). */
    public static final long MAX_REQUEST_BYTES = 20L * 1024 * 1024;
    private static final long CACHED_RESPONSES = 2_000;

    private App() {
    }

    public static Javalin create(Services services) {
        return create(services, WebSettings.DEFAULT);
    }

    public static Javalin create(Services services, WebSettings settings) {
        ResponseCache cache = new ResponseCache(CACHED_RESPONSES);
        ApiRoutes api = new ApiRoutes(services, cache);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            ErrorMapping.register(config.routes);
            api.register(config.routes);
            new ReportRoutes(services).register(config.routes);
            new ImportRoutes(services).register(config.routes);
            new UpdateRoutes(services).register(config.routes);
            new WorkbookRoutes(services).register(config.routes);
            new AnalysisRoutes(services, cache).register(config.routes);
            settings.https().ifPresent(https -> HttpsConnector.install(config.jetty, https));
            AddinRoutes.register(config, services, cache, settings.publicUrl());
        });
    }
}
