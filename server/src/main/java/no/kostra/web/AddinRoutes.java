package no.kostra.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.kostra.addin.AddinTemplates;
import no.kostra.addin.WorksheetValues;
import no.kostra.errors.InvalidInputException;
import no.kostra.observation.Statistic;
import no.kostra.service.Services;

/**
 * The Excel add-in's routes: the manifest rendered for the public address, the task pane and worksheet-function
 * files under {@code /addin/}, and the single figures the worksheet functions ask for.
 */
final class AddinRoutes {
    static final String FILES_ON_CLASSPATH = "/addin";
    static final String FUNCTIONS_SCRIPT = "/addin/functions/functions.js";
    static final String SIGN_IN = "/api/addin/sign-in";
    /**
     * The worksheet functions run in a runtime whose requests may carry no page origin, or an origin Office chose; they
     * may only read, and with sign-in on they send the person's access token, so a preflight must allow that header.
     */
    private static final String CORS = "Access-Control-Allow-Origin";

    private final AddinTemplates templates;
    private final Optional<URI> publicUrl;
    private final WorksheetValues values;
    private final Services services;
    private final ResponseCache cache;
    private final WebSettings settings;

    private AddinRoutes(Services services, ResponseCache cache, WebSettings settings) {
        this.templates = AddinTemplates.fromClasspath();
        this.publicUrl = settings.publicUrl();
        this.settings = settings;
        this.values = new WorksheetValues(services.catalogs(), services.figures(),
                new no.kostra.store.AnalysisRepository(services.database()));
        this.services = services;
        this.cache = cache;
    }

    static void register(JavalinConfig config, Services services, ResponseCache cache, WebSettings settings) {
        new AddinRoutes(services, cache, settings).register(config);
    }

    private void register(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/addin";
            files.directory = FILES_ON_CLASSPATH;
            files.location = Location.CLASSPATH;
            // Office caches add-in files hard; a new jar must reach users without them clearing caches.
            files.headers = Map.of("Cache-Control", "no-cache");
            // Rendered with the public address below, never served as the raw template.
            files.skipFileFunction = request -> request.getRequestURI().endsWith(FUNCTIONS_SCRIPT);
        });
        config.routes.get("/addin/manifest.xml", ctx -> ctx.contentType("application/xml; charset=utf-8")
                .header("Cache-Control", "no-cache").result(templates.manifest(baseUrl(ctx))));
        config.routes.get(FUNCTIONS_SCRIPT, ctx -> ctx.contentType("text/javascript; charset=utf-8")
                .header("Cache-Control", "no-cache").result(templates.functionsScript(baseUrl(ctx))));
        for (String path : new String[] {"/api/value", "/api/asss", "/api/index", "/api/addin/revision"}) {
            config.routes.before(path, ctx -> ctx.header(CORS, "*"));
            config.routes.options(path, ctx -> ctx.header("Access-Control-Allow-Methods", "GET")
                    .header("Access-Control-Allow-Headers", "Authorization")
                    .header("Access-Control-Max-Age", "600").status(204));
        }
        config.routes.get(SIGN_IN, ctx -> ctx.json(signIn()));
        config.routes.get("/api/addin/revision", ctx -> ctx
                .json(Map.of("dataRevision", services.figures().dataRevision())));
        config.routes.get("/api/value", ctx -> {
            String region = Params.required(ctx, "region");
            String indicator = Params.required(ctx, "indicator");
            int year = Params.year(ctx, "year");
            cached(ctx, "value|" + region + "|" + indicator + "|" + year,
                    () -> render(values.value(region, indicator, year), Map.of()));
        });
        config.routes.get("/api/asss", ctx -> {
            String indicator = Params.required(ctx, "indicator");
            int year = Params.year(ctx, "year");
            Statistic statistic = statistic(Params.required(ctx, "statistic"));
            cached(ctx, "asss|" + indicator + "|" + year + "|" + statistic,
                    () -> render(values.asss(indicator, year, statistic), Map.of("statistic", statistic.code())));
        });
        config.routes.get("/api/index", ctx -> {
            String region = Params.required(ctx, "region");
            String indicator = Params.required(ctx, "indicator");
            int year = Params.year(ctx, "year");
            cached(ctx, "index|" + region + "|" + indicator + "|" + year,
                    () -> render(values.index(region, indicator, year), Map.of("basis", "ASSS-snitt = 100")));
        });
    }

    /**
     * Whether the pane must sign in, and how: with a personal API token a person pastes ({@code tokens}, under
     * {@code --auth tokens}), and through MSAL when the service has its settings ({@code oidc}).
     */
    private Map<String, Object> signIn() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("required", settings.signInRequired());
        out.put("tokens", settings.tokens());
        out.put("oidc", settings.addinSignIn().map(s -> {
            Map<String, Object> msal = new LinkedHashMap<>();
            msal.put("clientId", s.clientId());
            msal.put("authority", s.authority());
            msal.put("protocolMode", s.protocolMode());
            msal.put("knownAuthorities", s.knownAuthorities());
            msal.put("scopes", s.scopes());
            return msal;
        }).orElse(null));
        return out;
    }

    private URI baseUrl(Context ctx) {
        return publicUrl.orElseGet(() -> URI.create(ctx.scheme() + "://" + ctx.host()));
    }

    private void cached(Context ctx, String key, java.util.function.Supplier<Map<String, Object>> render) {
        long revision = services.figures().dataRevision();
        cache.get(revision, key, () -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("dataRevision", revision);
            out.putAll(render.get());
            return out;
        }).send(ctx, "application/json; charset=utf-8");
    }

    private static Map<String, Object> render(WorksheetValues.Answer answer, Map<String, Object> extra) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("region", Map.of("code", answer.region().code(), "name", answer.region().name()));
        Map<String, Object> indicator = new LinkedHashMap<>();
        indicator.put("id", answer.indicator().id());
        indicator.put("name", answer.name());
        indicator.put("unit", answer.indicator().unit().code());
        indicator.put("decimals", answer.indicator().decimals());
        out.put("indicator", indicator);
        out.put("year", answer.year());
        out.putAll(extra);
        out.put("value", answer.figure().value());
        out.put("status", answer.figure().status());
        out.put("vintage", answer.figure().vintage());
        return out;
    }

    /** The statistic by its API code or by the Norwegian word the worksheet function takes. */
    static Statistic statistic(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "mean", "snitt" -> Statistic.MEAN;
            case "high", "høyest", "hoyest" -> Statistic.HIGH;
            case "low", "lavest" -> Statistic.LOW;
            default -> throw new InvalidInputException("Parameteren 'statistic' må være snitt, høyest eller lavest"
                    + " (mean, high, low), fikk '" + text + "'", Map.of("parameter", "statistic", "value", text));
        };
    }
}
