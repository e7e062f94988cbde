package no.kostra.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.kostra.errors.InvalidInputException;
import no.kostra.errors.NotFoundException;
import no.kostra.service.Services;
import no.kostra.workbook.FilledReport;
import no.kostra.workbook.ReportTemplate;

/**
 * The report workbook routes: the templates, and one filled workbook as a download; with {@code refreshable=true} its
 * tables are backed by Power Query queries of the data routes, at the address the workbook was downloaded from.
 */
final class ReportRoutes {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String EXTENSION = ".xlsx";

    /**
     * Filled workbooks by data revision, template, region and year: a fill costs tens of milliseconds of CPU, and many
     * people download the same report the same day. A new revision makes a new key, so no download is older than the
     * data; a cached copy keeps the time of its first fill as {@code madeAt}.
     */
    private final Cache<String, FilledReport> filled = Caffeine.newBuilder().maximumSize(64).build();
    private final Services services;
    private final WorkTimings timings;
    private final Optional<URI> publicUrl;

    /** @param publicUrl the address people reach the service at, which a refreshable workbook's queries call */
    ReportRoutes(Services services, WorkTimings timings, Optional<URI> publicUrl) {
        this.services = services;
        this.timings = timings;
        this.publicUrl = publicUrl;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/reports", this::list);
        routes.get("/api/reports/{file}", this::download);
    }

    private void list(Context ctx) {
        List<Map<String, Object>> templates = services.reports().templates().all().stream().map(ReportRoutes::describe).toList();
        ctx.json(Map.of("reports", templates));
    }

    private static Map<String, Object> describe(ReportTemplate t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("title", t.title());
        m.put("area", t.area());
        m.put("areaTitle", t.areaTitle());
        m.put("profiles", t.profileCodes());
        m.put("download", "/api/reports/" + t.id() + EXTENSION + "?region={region}&year={year}");
        return m;
    }

    private void download(Context ctx) {
        String file = ctx.pathParam("file");
        if (!file.endsWith(EXTENSION)) {
            throw new NotFoundException("Fant ikke rapporten '" + file + "': adressen er /api/reports/{mal}.xlsx",
                    Map.of("asked", file));
        }
        String template = file.substring(0, file.length() - EXTENSION.length());
        String region = Params.required(ctx, "region");
        int year = Params.year(ctx, "year");
        Optional<URI> refreshFrom = Params.flag(ctx, "refreshable") ? Optional.of(serviceAddress(ctx)) : Optional.empty();
        String key = services.figures().dataRevision() + "|" + template + "|" + region.trim() + "|" + year;
        FilledReport plain = filled.get(key, k -> timings.filling(() -> services.reports().fill(template, region, year)));
        FilledReport report = refreshFrom.map(service -> filled.get(key + "|" + service,
                k -> services.refreshableReports().refreshable(plain, service))).orElse(plain);
        ctx.header("Content-Disposition", contentDisposition(report.fileName()));
        ctx.contentType(XLSX).result(report.xlsx());
    }

    /** Where the service is reached: {@code --public-url}, else the request's own scheme and host. */
    private URI serviceAddress(Context ctx) {
        return publicUrl.orElseGet(() -> {
            try {
                return new URI(ctx.scheme(), ctx.host(), null, null, null);
            } catch (URISyntaxException e) {
                throw new InvalidInputException("Adressen tjenesten ble nådd på (Host: " + ctx.host() + ") kan ikke brukes i en"
                        + " oppdaterbar arbeidsbok; start tjenesten med --public-url", Map.of("host", String.valueOf(ctx.host())));
            }
        });
    }

    /** RFC 6266 with an RFC 5987 {@code filename*} for the real (UTF-8) name and an ASCII fallback for old clients. */
    static String contentDisposition(String fileName) {
        String ascii = Normalizer.normalize(fileName.replace("æ", "ae").replace("Æ", "Ae").replace("ø", "o")
                .replace("Ø", "O"), Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^\\x20-\\x7E]", "_")
                .replace("\\", "_").replace("\"", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
