package no.kostra.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which names the service answers to, against DNS rebinding: a page on attacker.example whose name is pointed at
 * 127.0.0.1 reaches a service a person has open on loopback, with its own name in {@code Host} and a matching
 * {@code Origin}, so the origin check alone lets it write. Only requests whose {@code Host} names the service are
 * answered: the loopback names (any port), the public address's host, and the hosts the operator lists
 * ({@code serve --allowed-host}); anything else is 421 Misdirected Request, on every route. A request without a
 * {@code Host} (HTTP/1.0; no browser sends one) has no name to check and passes.
 */
final class HostPolicy {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> allowed = new HashSet<>(LOOPBACK);

    /** @param allowedHosts more names (or addresses) the service is reached by, without port */
    HostPolicy(List<String> allowedHosts, Optional<URI> publicUrl) {
        allowedHosts.forEach(h -> allowed.add(name(h)));
        publicUrl.map(URI::getHost).ifPresent(h -> allowed.add(name(h)));
    }

    void check(Context ctx) {
        String host = ctx.header("Host");
        if (host == null) {
            return;
        }
        String name = name(host);
        if (!allowed.contains(name)) {
            throw new Refusal(HttpStatus.MISDIRECTED_REQUEST,
                    "Tjenesten svarer ikke på navnet '" + name + "': bruk adressen den er satt opp med"
                    + " (localhost, eller den offentlige adressen)", Map.of("host", name));
        }
    }

    /** A Host header's name: without port, in lower case, without a final dot; an IPv6 address keeps its brackets. */
    static String name(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            h = close < 0 ? h : h.substring(0, close + 1);
        } else if (h.indexOf(':') != h.lastIndexOf(':')) {
            h = "[" + h + "]";
        } else if (h.indexOf(':') >= 0) {
            h = h.substring(0, h.indexOf(':'));
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
