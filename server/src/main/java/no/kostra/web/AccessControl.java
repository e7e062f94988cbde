package no.kostra.web;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import no.kostra.auth.ApiTokens;
import no.kostra.auth.Caller;
import no.kostra.auth.OidcVerifier;
import no.kostra.auth.OrganizationalAccount;
import no.kostra.auth.ReadKey;
import no.kostra.auth.Role;
import no.kostra.auth.RouteRules;
import no.kostra.errors.ForbiddenException;
import no.kostra.store.WriteActor;
import no.kostra.workbook.powerquery.DataRoute;

/**
 * Before every request: with sign-in on, a route other than health needs {@code Authorization: Bearer …}, a personal
 * API token ({@code kostra_…}) or an OpenID Connect access token, whose role allows it (401 without a valid one, 403 with too little a role). Either way, who is asking is noted
 * for the audit log of whatever the request writes.
 * <p>For Excel's Power Query on the data routes' reads: a personal token may come as the {@link ReadKey} query
 * parameter instead (its <em>Web API</em> credential), refused everywhere else; and a 401 there names where the
 * <em>Organizational account</em> signs in ({@link OrganizationalAccount}). The key's value never reaches the audit log.
 */
final class AccessControl {
    static final String CALLER = "kostra.caller";
    private static final String ANONYMOUS = "uten innlogging";
    private static final String BEARER = "Bearer";

    private final Optional<ApiTokens> tokens;
    private final Optional<OidcVerifier> oidc;
    private final Optional<OrganizationalAccount> account;
    private final Function<String, Optional<String>> currentCode;

    /** @param currentCode a municipality's current code from any of its numbers, empty for a code that names none */
    AccessControl(Optional<ApiTokens> tokens, Optional<OidcVerifier> oidc, Optional<OrganizationalAccount> account,
                  Function<String, Optional<String>> currentCode) {
        this.tokens = tokens;
        this.oidc = oidc;
        this.account = account;
        this.currentCode = currentCode;
    }

    void check(Context ctx) {
        String action = ctx.method() + " " + ctx.path() + (ctx.queryString() == null ? "" : "?" + ReadKey.redact(ctx.queryString()));
        WriteActor.set(new WriteActor(ANONYMOUS, ctx.ip(), action));
        if (tokens.isEmpty() && oidc.isEmpty()) {
            return;
        }
        Optional<Role> needed = RouteRules.needed(ctx.method().name(), ctx.path());
        if (needed.isEmpty()) {
            return;
        }
        String header = ctx.header("Authorization");
        String key = ctx.queryParam(ReadKey.PARAMETER);
        boolean dataRead = (ctx.method().name().equals("GET") || ctx.method().name().equals("HEAD"))
                && ctx.path().startsWith("/" + DataRoute.FOLDER);
        String challenge = dataRead ? account.map(a -> a.challenge(header != null)).orElse(BEARER) : BEARER;
        if (key != null && !dataRead) {
            throw new Unauthorized("Et API-token i adressen (" + ReadKey.PARAMETER + ") godtas bare når data leses fra /api/data/…;"
                    + " send det som 'Authorization: Bearer kostra_…'", BEARER);
        }
        String bearer;
        if (header == null && key != null) {
            bearer = key.trim();
        } else if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Unauthorized("Innlogging kreves: send et API-token som 'Authorization: Bearer kostra_…'", challenge);
        } else {
            bearer = header.substring(7).trim();
        }
        Optional<Caller> known = bearer.startsWith(ApiTokens.PREFIX) ? tokens.flatMap(t -> t.authenticate(bearer))
                : oidc.flatMap(o -> o.verify(bearer));
        Caller caller = known.orElseThrow(() -> new Unauthorized("Tokenet er ukjent, utløpt, trukket tilbake eller ikke for denne"
                + " tjenesten", challenge)).canonical(currentCode);
        if (!caller.role().allows(needed.get())) {
            throw new ForbiddenException("Tokenet '" + caller.name() + "' har rollen " + caller.role().code() + "; dette krever "
                    + needed.get().code(), Map.of("role", caller.role().code(), "needed", needed.get().code()));
        }
        ctx.attribute(CALLER, caller);
        WriteActor.set(new WriteActor(caller.name(), ctx.ip(), action));
    }

    /** The caller a token stood for, or null when tokens are off. */
    static Caller caller(Context ctx) {
        return ctx.attribute(CALLER);
    }

    /** 401, with this {@code WWW-Authenticate} challenge. */
    static final class Unauthorized extends RuntimeException {
        private final String challenge;

        Unauthorized(String message, String challenge) {
            super(message);
            this.challenge = challenge;
        }

        String challenge() {
            return challenge;
        }
    }
}
