package no.kostra.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real OpenID provider on loopback HTTPS, for tests that sign in through a browser: discovery, JWKS, the
 * authorization code flow with PKCE (S256 only) and refresh tokens, with the CORS a single-page app needs. It signs in
 * one fixed person at once, as a provider with a live session does, and issues Entra-shaped tokens: an access token for
 * the API's audience with {@code scp}, an ID token for the client with the nonce. MSAL.js insists on HTTPS, so the
 * provider runs on a self-signed certificate (see {@link SelfSignedCertificate}) that {@link #trust()} trusts.
 */
public final class LocalOpenIdProvider implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char[] PASSWORD = "kostra-test".toCharArray();
    private static final String PATH = "/kostra-test";

    private final HttpsServer server;
    private final SSLContext trust;
    private final RSAKey key;
    private final String clientId;
    private final String audience;
    private final String scope;
    private final Map<String, Object> person;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final List<String> accessTokens = Collections.synchronizedList(new ArrayList<>());
    private final SecureRandom random = new SecureRandom();

    private record Grant(String clientId, String redirectUri, String challenge, String nonce, String scopes) {
    }

    private LocalOpenIdProvider(Path dir, String clientId, String audience, String scope, Map<String, Object> person)
            throws Exception {
        this.clientId = clientId;
        this.audience = audience;
        this.scope = scope;
        this.person = Map.copyOf(person);
        this.key = new RSAKeyGenerator(2048).keyID("local-1").generate();
        KeyStore store = SelfSignedCertificate.create(dir, "provider", PASSWORD);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("provider", store.getCertificate("provider"));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        this.trust = SSLContext.getInstance("TLS");
        this.trust.init(null, trustManagers.getTrustManagers(), null);
        this.server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext(PATH, this::handle);
        server.start();
    }

    /**
     * @param clientId the single-page app allowed to sign in
     * @param audience the API access tokens are for
     * @param scope    the API scope the access token carries in {@code scp}
     * @param person   the signed-in person's claims (preferred_username, name, roles …), in both tokens
     */
    public static LocalOpenIdProvider start(Path dir, String clientId, String audience, String scope,
                                            Map<String, Object> person) throws Exception {
        return new LocalOpenIdProvider(dir, clientId, audience, scope, person);
    }

    public String issuer() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** A TLS context trusting exactly this provider's certificate. */
    public SSLContext trust() {
        return trust;
    }

    /** Every access token issued so far. */
    public List<String> accessTokens() {
        return List.copyOf(accessTokens);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            String path = exchange.getRequestURI().getPath().substring(PATH.length());
            String method = exchange.getRequestMethod();
            if (method.equals("OPTIONS")) {
                exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "GET, POST");
                exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "Content-Type");
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            switch (path) {
                case "/.well-known/openid-configuration" -> json(exchange, 200, discovery());
                case "/keys" -> json(exchange, 200, new JWKSet(key.toPublicJWK()).toJSONObject());
                case "/authorize" -> authorize(exchange, query(exchange.getRequestURI().getRawQuery()));
                case "/token" -> token(exchange, query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                default -> json(exchange, 404, Map.of("error", "not_found"));
            }
        } catch (JOSEException e) {
            throw new IOException(e);
        }
    }

    private Map<String, Object> discovery() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("issuer", issuer());
        out.put("authorization_endpoint", issuer() + "/authorize");
        out.put("token_endpoint", issuer() + "/token");
        out.put("end_session_endpoint", issuer() + "/logout");
        out.put("jwks_uri", issuer() + "/keys");
        out.put("response_types_supported", List.of("code"));
        out.put("response_modes_supported", List.of("query", "fragment"));
        out.put("subject_types_supported", List.of("public"));
        out.put("id_token_signing_alg_values_supported", List.of("RS256"));
        out.put("code_challenge_methods_supported", List.of("S256"));
        out.put("scopes_supported", List.of("openid", "profile", "offline_access", audience + "/" + scope));
        return out;
    }

    private void authorize(HttpExchange exchange, Map<String, String> asked) throws IOException {
        String redirect = asked.get("redirect_uri");
        if (!clientId.equals(asked.get("client_id")) || redirect == null || !"code".equals(asked.get("response_type"))
                || !"S256".equals(asked.get("code_challenge_method")) || asked.get("code_challenge") == null) {
            json(exchange, 400, Map.of("error", "invalid_request", "asked", asked));
            return;
        }
        String code = randomToken();
        codes.put(code, new Grant(clientId, redirect, asked.get("code_challenge"), asked.get("nonce"), asked.getOrDefault("scope", "")));
        String answer = "code=" + encode(code) + (asked.containsKey("state") ? "&state=" + encode(asked.get("state")) : "");
        String separator = "query".equals(asked.get("response_mode")) ? (redirect.contains("?") ? "&" : "?") : "#";
        exchange.getResponseHeaders().add("Location", redirect + separator + answer);
        exchange.sendResponseHeaders(302, -1);
    }

    private void token(HttpExchange exchange, Map<String, String> asked) throws IOException, JOSEException {
        Grant grant;
        if ("authorization_code".equals(asked.get("grant_type"))) {
            grant = codes.remove(String.valueOf(asked.get("code")));
            if (grant == null || !grant.redirectUri().equals(asked.get("redirect_uri")) || !clientId.equals(asked.get("client_id"))
                    || !grant.challenge().equals(s256(asked.getOrDefault("code_verifier", "")))) {
                json(exchange, 400, Map.of("error", "invalid_grant"));
                return;
            }
        } else if ("refresh_token".equals(asked.get("grant_type"))) {
            grant = refreshTokens.get(String.valueOf(asked.get("refresh_token")));
            if (grant == null) {
                json(exchange, 400, Map.of("error", "invalid_grant"));
                return;
            }
        } else {
            json(exchange, 400, Map.of("error", "unsupported_grant_type"));
            return;
        }
        Instant now = Instant.now();
        String accessToken = sign(claims(now).audience(audience).claim("scp", scope).build());
        JWTClaimsSet.Builder id = claims(now).audience(clientId);
        if (grant.nonce() != null) {
            id.claim("nonce", grant.nonce());
        }
        String refresh = randomToken();
        refreshTokens.put(refresh, new Grant(grant.clientId(), grant.redirectUri(), grant.challenge(), null, grant.scopes()));
        accessTokens.add(accessToken);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token_type", "Bearer");
        out.put("scope", asked.getOrDefault("scope", grant.scopes()));
        out.put("expires_in", 3600);
        out.put("access_token", accessToken);
        out.put("id_token", sign(id.build()));
        out.put("refresh_token", refresh);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        json(exchange, 200, out);
    }

    private JWTClaimsSet.Builder claims(Instant now) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer()).subject("local-person-1")
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)))
                .jwtID(UUID.randomUUID().toString()).claim("tid", "local-tenant");
        person.forEach(claims::claim);
        return claims;
    }

    private String sign(JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String randomToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
