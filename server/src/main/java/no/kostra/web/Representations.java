package no.kostra.web;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;
import no.kostra.service.Services;

/**
 * Answers a request as JSON ({@code {"dataRevision": N, "<name>": …}}) or, with {@code ?format=csv} or
 * {@code Accept: text/csv}, as CSV. Both are cached on the data revision.
 */
final class Representations {
    private final Services services;
    private final ResponseCache cache;

    Representations(Services services, ResponseCache cache) {
        this.services = services;
        this.cache = cache;
    }

    <T> void respond(Context ctx, String key, String name, LongFunction<T> compute, Function<T, CsvSheet> csv) {
        long revision = services.figures().dataRevision();
        if (wantsCsv(ctx)) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
            cache.getRendered(revision, key + "|csv", () -> csv.apply(compute.apply(revision)).bytes()).send(ctx, "text/csv; charset=utf-8");
        } else {
            cache.get(revision, key, () -> Map.of("dataRevision", revision, name, compute.apply(revision)))
                    .send(ctx, "application/json; charset=utf-8");
        }
    }

    static boolean wantsCsv(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null && !format.isBlank()) {
            String f = format.trim().toLowerCase(Locale.ROOT);
            if (!f.equals("csv") && !f.equals("json")) {
                throw new no.kostra.errors.InvalidInputException("Parameteren 'format' må være json eller csv, fikk '" + format + "'",
                        Map.of("parameter", "format", "value", format));
            }
            return f.equals("csv");
        }
        String accept = ctx.header("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
    }
}
