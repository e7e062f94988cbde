package no.kostra.web;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.Optional;
import no.kostra.auth.OidcVerifier;
import no.kostra.auth.OrganizationalAccount;
import no.kostra.catalog.Region;
import no.kostra.service.Services;
import org.eclipse.jetty.server.handler.GracefulHandler;

/** Builds the Javalin application from the services. Tests build the same app, on port 0. */
public final class App {
    /** Largest request body accepted (uploads are refused above this with 413). */
    public static final long MAX_REQUEST_BYTES = 20L * 1024 * 1024;
    private static final long CACHED_RESPONSES = 2_000;
    /** How long stopping waits for requests still running. */
    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);
    private static final Duration IDLE_WHILE_STOPPING = Duration.ofMillis(100);

    private App() {
    }

    public static Javalin create(Services services) {
        return create(services, WebSettings.DEFAULT);
    }

    public static Javalin create(Services services, WebSettings settings) {
        ResponseCache cache = new ResponseCache(CACHED_RESPONSES);
        RequestMetrics metrics = new RequestMetrics();
        cache.monitoredBy(metrics);
        WorkTimings timings = metrics.timings();
        ApiRoutes api = new ApiRoutes(services, cache);
        ServerLimits limits = settings.limits();
        UploadSlots uploads = new UploadSlots(limits.concurrentUploads());
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.jetty.modifyHttpConfiguration(http -> {
                http.setIdleTimeout(limits.idleTimeout().toMillis());
                http.setMinRequestDataRate(limits.minRequestDataRate());
                http.setRequestHeaderSize(limits.requestHeaderBytes());
            });
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new JsonErrorHandler());
                // Stopping waits for requests being served (an import being written) up to the grace period; new ones
                // are refused meanwhile. Javalin places its handlers inside this one. A connection with no request in
                // hand is closed after IDLE_WHILE_STOPPING (Jetty's default, a second, made every stop a second longer).
                GracefulHandler graceful = new GracefulHandler();
                graceful.setShutdownIdleTimeout(IDLE_WHILE_STOPPING.toMillis());
                server.setHandler(graceful);
                server.setStopTimeout(SHUTDOWN_GRACE.toMillis());
            });
            AccessControl access = new AccessControl(settings.tokens() ? Optional.of(services.apiTokens()) : Optional.empty(),
                    settings.oidc().map(OidcVerifier::new), settings.oidc().flatMap(OrganizationalAccount::of),
                    code -> services.catalogs().current().findMunicipality(code).map(Region::code));
            HostPolicy hosts = new HostPolicy(settings.allowedHosts(), settings.publicUrl());
            OriginPolicy origins = new OriginPolicy(settings.allowedOrigins(), settings.publicUrl());
            RateLimits rates = new RateLimits(limits.requestsPerMinute());
            RouteIndex routes = new RouteIndex();
            config.events.handlerAdded(routes::added);
            String addinPolicy = SecurityHeaders.addinPolicy(settings.addinSignIn());
            config.routes.before(ctx -> {
                metrics.started(ctx);
                RequestIds.assign(ctx);
                SecurityHeaders.addTo(field -> ctx.header(field.getName(), field.getValue()));
                if (ctx.path().startsWith("/addin/")) {
                    ctx.header(SecurityHeaders.CONTENT_SECURITY_POLICY, addinPolicy);
                } else if (ctx.path().equals("/") || ctx.path().startsWith(StartRoutes.FILES + "/")) {
                    ctx.header(SecurityHeaders.CONTENT_SECURITY_POLICY, SecurityHeaders.START_PAGE_POLICY);
                }
                if (settings.https().isPresent()) {
                    ctx.header(SecurityHeaders.HSTS.getName(), SecurityHeaders.HSTS.getValue());
                }
                hosts.check(ctx);
                origins.check(ctx);
                access.check(ctx);
                rates.check(ctx);
            });
            config.routes.after(ctx -> {
                metrics.finished(ctx);
                RequestIds.release();
            });
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
            ErrorMapping.register(config.routes);
            api.register(config.routes);
            new ReportRoutes(services, timings, settings.publicUrl()).register(config.routes);
            new AuditRoutes(services).register(config.routes);
            new ImportRoutes(services, uploads, timings).register(config.routes);
            new UpdateRoutes(services).register(config.routes);
            new WorkbookRoutes(services, uploads).register(config.routes);
            new AnalysisRoutes(services, cache, uploads).register(config.routes);
            new DataRoutes(services, cache).register(config.routes);
            settings.https().ifPresent(https -> HttpsConnector.install(config.jetty, https));
            AddinRoutes.register(config, services, cache, settings);
            StartRoutes.register(config, routes);
        });
    }
}
