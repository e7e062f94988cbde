package no.kostra.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a person starts: a small bokmål page at {@code /} (static HTML whose script, {@code /start/start.js}, asks the
 * API what the service holds), and {@code GET /api}, the list of routes. Both answer without sign-in, like the
 * add-in's files; what the page then asks for needs a token when the service requires one.
 */
final class StartRoutes {
    static final String FILES = "/start";
    private static final String PAGE = FILES + "/index.html";

    private StartRoutes() {
    }

    static void register(JavalinConfig config, RouteIndex index) {
        byte[] page = page();
        config.staticFiles.add(files -> {
            files.hostedPath = FILES;
            files.directory = FILES;
            files.location = Location.CLASSPATH;
            files.headers = Map.of("Cache-Control", "no-cache");
        });
        config.routes.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").header("Cache-Control", "no-cache").result(page));
        config.routes.get("/api", ctx -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("service", "kostra-workbench");
            out.put("start", "/");
            out.put("routes", index.routes());
            ctx.json(out);
        });
    }

    private static byte[] page() {
        try (InputStream in = StartRoutes.class.getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IllegalStateException(PAGE + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
