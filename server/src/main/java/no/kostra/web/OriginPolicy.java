package no.kostra.web;

import io.javalin.http.Context;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.kostra.errors.ForbiddenException;

/**
 * What a web page from another origin may do here. The task pane comes from the service's own origin; origins an
 * operator lists ({@code serve --allowed-origin}) may read (CORS grant on reads), and no other origin may change data:
 * a browser request that would write, from a page the service did not serve, is refused before it runs (403), so a
 * page elsewhere cannot post files to a service a person has open. Requests without an {@code Origin} (scripts, the
 * command line, the worksheet functions' runtime) are not browsers' cross-origin requests and pass.
 */
final class OriginPolicy {
    private final Set<String> allowed;
    private final Optional<String> publicOrigin;

    /** @param publicUrl the address users reach the service at (behind a proxy, the proxy's): its origin is the service's own */
    OriginPolicy(List<String> allowedOrigins, Optional<URI> publicUrl) {
        this.allowed = Set.copyOf(allowedOrigins.stream().map(OriginPolicy::normalised).toList());
        this.publicOrigin = publicUrl.map(u -> normalised(u.getScheme() + "://" + u.getAuthority()));
    }

    void check(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || !ctx.path().startsWith("/api/")) {
            return;
        }
        String asked = normalised(origin);
        boolean own = asked.equals(normalised(ctx.scheme() + "://" + ctx.host())) || publicOrigin.map(asked::equals).orElse(false);
        if (own) {
            return;
        }
        boolean reads = switch (ctx.method().name()) {
            case "GET", "HEAD", "OPTIONS" -> true;
            default -> false;
        };
        if (!reads) {
            throw new ForbiddenException("En nettside fra " + origin + " kan ikke endre data i tjenesten", Map.of("origin", origin));
        }
        if (allowed.contains(asked)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Access-Control-Allow-Headers", "Authorization");
            ctx.header("Vary", "Origin");
        }
    }

    private static String normalised(String origin) {
        String o = origin.trim().toLowerCase(java.util.Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}
