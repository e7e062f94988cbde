package no.kostra.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * OpenID Connect bearer tokens (Microsoft Entra ID in most municipalities): the signature against the issuer's JWKS
 * (found through its discovery document, keys cached and refreshed on rotation), the issuer, the audience, expiry and
 * not-before (a minute's skew), and the required scope in {@code scp} — so an ID token, which has none, is refused. A
 * multi-tenant setup names the issuer with {@code {tenantid}} and an allow-list: the token's own {@code tid} must be
 * listed and its {@code iss} must be the issuer for that tenant. The role comes from the {@code roles} claim (app roles
 * {@code Kostra.Reader}, {@code Kostra.Editor}, {@code Kostra.Admin}; reader when none). The municipalities an editor
 * may change come from the {@code kostra_municipality} claim (a string or an array of codes) when the token has it,
 * else from the operator's mapping of the token's groups ({@code groups}) and tenant ({@code tid}) to municipalities;
 * an editor with neither is a reader ({@link Caller}). Thread-safe.
 */
public final class OidcVerifier {
    private static final String TENANT = "{tenantid}";

    private final Settings settings;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    /**
     * @param issuer          the issuer as tokens name it; with {@code {tenantid}} for a multi-tenant setup
     * @param tenants         the tenants allowed in a multi-tenant setup (empty for a single issuer)
     * @param municipalityMap a group's or tenant's id → the municipalities its editors may change (codes as given)
     */
    public record Settings(String issuer, String audience, String requiredScope, Set<String> tenants,
                           Map<String, Set<String>> municipalityMap) {
        public Settings {
            tenants = Set.copyOf(tenants);
            municipalityMap = Map.copyOf(municipalityMap);
            if (issuer.contains(TENANT) && tenants.isEmpty()) {
                throw new IllegalArgumentException("--oidc-issuer med " + TENANT + " krever --oidc-tenants");
            }
        }

        public Settings(String issuer, String audience, String requiredScope, Set<String> tenants) {
            this(issuer, audience, requiredScope, tenants, Map.of());
        }
    }

    public OidcVerifier(Settings settings) {
        this.settings = settings;
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwksUri(settings.issuer())).retrying(true).build();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.ES256), keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(settings.audience(), null, Set.of("iss", "exp", "sub")));
    }

    /** The caller a bearer token stands for, or empty when any check fails. */
    public Optional<Caller> verify(String token) {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            if (!issuerMatches(claims) || !scopes(claims).contains(settings.requiredScope())) {
                return Optional.empty();
            }
            String name = Optional.ofNullable(claims.getStringClaim("preferred_username")).orElse(claims.getSubject());
            return Optional.of(new Caller(name, role(claims), municipalities(claims)));
        } catch (ParseException | BadJOSEException | JOSEException e) {
            return Optional.empty();
        }
    }

    private boolean issuerMatches(JWTClaimsSet claims) throws ParseException {
        if (!settings.issuer().contains(TENANT)) {
            return settings.issuer().equals(claims.getIssuer());
        }
        String tenant = claims.getStringClaim("tid");
        return tenant != null && settings.tenants().contains(tenant)
                && settings.issuer().replace(TENANT, tenant).equals(claims.getIssuer());
    }

    /** The claim's codes when the token has the claim, else those the mapping gives its groups and tenant. */
    private Set<String> municipalities(JWTClaimsSet claims) throws ParseException {
        Object claimed = claims.getClaim("kostra_municipality");
        if (claimed != null) {
            Set<String> codes = new TreeSet<>();
            for (Object code : claimed instanceof Collection<?> many ? many : List.of(claimed)) {
                codes.add(code instanceof Number n ? String.format(Locale.ROOT, "%04d", n.longValue()) : String.valueOf(code).trim());
            }
            return codes;
        }
        List<String> ids = new ArrayList<>(Optional.ofNullable(claims.getStringListClaim("groups")).orElse(List.of()));
        Optional.ofNullable(claims.getStringClaim("tid")).ifPresent(ids::add);
        Set<String> codes = new TreeSet<>();
        ids.forEach(id -> codes.addAll(settings.municipalityMap().getOrDefault(id, Set.of())));
        return codes;
    }

    private static List<String> scopes(JWTClaimsSet claims) throws ParseException {
        String scp = claims.getStringClaim("scp");
        return scp == null ? List.of() : Arrays.asList(scp.trim().split("\\s+"));
    }

    private static Role role(JWTClaimsSet claims) throws ParseException {
        List<String> roles = Optional.ofNullable(claims.getStringListClaim("roles")).orElse(List.of()).stream()
                .map(r -> r.toLowerCase(Locale.ROOT)).toList();
        for (Role role : List.of(Role.ADMIN, Role.EDITOR, Role.READER)) {
            if (roles.contains("kostra." + role.code()) || roles.contains(role.code())) {
                return role;
            }
        }
        return Role.READER;
    }

    /** The issuer's JWKS address from its discovery document ({@code {tenantid}} asked as {@code common}). */
    private static URL jwksUri(String issuer) {
        String base = issuer.replace(TENANT, "common");
        URI discovery = URI.create(base.replaceAll("/$", "") + "/.well-known/openid-configuration");
        try (InputStream in = discovery.toURL().openStream()) {
            JsonNode document = new ObjectMapper().readTree(in);
            String jwks = document.path("jwks_uri").asText(null);
            if (jwks == null) {
                throw new IllegalArgumentException("Discovery-dokumentet " + discovery + " har ingen jwks_uri");
            }
            return URI.create(jwks).toURL();
        } catch (IOException e) {
            throw new IllegalArgumentException("Fikk ikke lest " + discovery + ": " + e.getMessage(), e);
        }
    }
}
