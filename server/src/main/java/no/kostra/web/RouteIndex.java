package no.kostra.web;

import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import no.kostra.auth.Role;
import no.kostra.auth.RouteRules;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Every route the service answers, as {@code GET /api} lists it: collected from Javalin as each handler is added, so
 * the list cannot miss one, and described in bokmål from {@code web/routes.csv} (a route without a line there has no
 * description, and {@code StartPageTest} fails naming it). Thread-safe: written while the app is built, read after.
 */
final class RouteIndex {
    private static final String DESCRIPTIONS = "/web/routes.csv";
    private static final Set<HandlerType> LISTED = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE);

    private final Map<String, String> descriptions = descriptions();
    private final List<Map<String, Object>> routes = new CopyOnWriteArrayList<>();

    /** Javalin's handler-added event. */
    void added(HandlerMetaInfo info) {
        if (!LISTED.contains(info.getHttpMethod())) {
            return;
        }
        String method = info.getHttpMethod().name();
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("method", method);
        route.put("path", info.getPath());
        route.put("description", descriptions.get(method + " " + info.getPath()));
        route.put("role", RouteRules.needed(method, info.getPath()).map(Role::code).orElse(null));
        routes.add(route);
    }

    /** The routes by path, then method. */
    List<Map<String, Object>> routes() {
        return routes.stream().sorted(Comparator.comparing((Map<String, Object> r) -> (String) r.get("path"))
                .thenComparing(r -> (String) r.get("method"))).toList();
    }

    private static Map<String, String> descriptions() {
        try (InputStream in = RouteIndex.class.getResourceAsStream(DESCRIPTIONS)) {
            if (in == null) {
                throw new IllegalStateException(DESCRIPTIONS + " is missing from the class path");
            }
            Map<String, String> out = new HashMap<>();
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                out.put(record.get("method") + " " + record.get("path"), record.get("description"));
            }
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
