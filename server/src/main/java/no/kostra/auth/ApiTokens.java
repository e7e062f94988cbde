package no.kostra.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import no.kostra.errors.ConflictException;
import no.kostra.errors.InvalidInputException;
import no.kostra.errors.NotFoundException;
import no.kostra.store.Database;

/**
 * Personal API tokens for scripts, the command line against a remote service and workbooks refreshed without the add-in.
 * A token is {@code kostra_} and 32 random bytes (Base64url); it is shown once, when made. The database keeps only its
 * HMAC-SHA256 under a per-install key (made on first use), a visible prefix, expiry (default and at most 365 days),
 * last use and revocation. Thread-safe.
 */
public final class ApiTokens {
    public static final String PREFIX = "kostra_";
    public static final int MAX_DAYS = 365;
    private static final int SHOWN_PREFIX = PREFIX.length() + 6;
    /** Last use is written at most this often per token: a read must not become a write. */
    private static final Duration LAST_USE_GRAIN = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final Clock clock;
    private final Map<String, Instant> lastUseWritten = new ConcurrentHashMap<>();

    public ApiTokens(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A token as listed: never the token itself. */
    public record Listed(String name, String prefix, String role, List<String> municipalities, Instant createdAt,
                         Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
        public Listed {
            municipalities = List.copyOf(municipalities);
        }
    }

    /** A token just made: the only time its text exists outside the caller's hands. */
    public record Created(String token, Listed listed) {
    }

    /** @param municipalities the current codes of the municipalities an editor may change: at least one for an editor, none else */
    public Created create(String name, Role role, Set<String> municipalities, int expiresDays) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInputException("Tokenet må ha et navn (høyst 200 tegn)", Map.of("field", "name"));
        }
        if (role == Role.EDITOR && municipalities.isEmpty()) {
            throw new InvalidInputException("Et token med rollen editor må knyttes til kommunene det kan endre: legg til"
                    + " --municipality KODE (én gang for hver kommune)", Map.of("field", "municipality"));
        }
        if (role != Role.EDITOR && !municipalities.isEmpty()) {
            throw new InvalidInputException("--municipality gjelder bare rollen editor: en reader leser alle kommuner, og en"
                    + " admin endrer alle; ta bort --municipality", Map.of("field", "municipality"));
        }
        List<String> codes = municipalities.stream().sorted().toList();
        if (expiresDays < 1 || expiresDays > MAX_DAYS) {
            throw new InvalidInputException("Et token kan gjelde fra 1 til " + MAX_DAYS + " dager, ikke " + expiresDays,
                    Map.of("field", "expiresDays"));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(expiresDays));
        database.inTransaction(c -> {
            if (exists(c, name)) {
                throw new ConflictException("Det finnes alt et token som heter '" + name + "'; velg et annet navn eller trekk det"
                        + " tilbake først", Map.of("name", name));
            }
            long id;
            try (PreparedStatement s = c.prepareStatement("insert into api_token (name, prefix, token_hash, role,"
                    + " created_at, expires_at) values (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, name);
                s.setString(2, token.substring(0, SHOWN_PREFIX));
                s.setString(3, hash(key(c), token));
                s.setString(4, role.code());
                s.setTimestamp(5, Timestamp.from(now));
                s.setTimestamp(6, Timestamp.from(expires));
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("insert into api_token_municipality (token_id, region_code) values (?, ?)")) {
                for (String code : codes) {
                    s.setLong(1, id);
                    s.setString(2, code);
                    s.addBatch();
                }
                return s.executeBatch();
            }
        });
        return new Created(token, new Listed(name, token.substring(0, SHOWN_PREFIX), role.code(), codes, now, expires,
                null, null));
    }

    public List<Listed> list() {
        return database.read(c -> {
            List<Listed> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select name, prefix, role, id, created_at, expires_at,"
                    + " last_used_at, revoked_at from api_token order by name"); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Listed(r.getString(1), r.getString(2), r.getString(3), municipalities(c, r.getLong(4)),
                            instant(r, 5), instant(r, 6), instant(r, 7), instant(r, 8)));
                }
            }
            return out;
        });
    }

    public void revoke(String name) {
        database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("update api_token set revoked_at = ? where name = ? and revoked_at is null")) {
                s.setTimestamp(1, Timestamp.from(clock.instant()));
                s.setString(2, name);
                if (s.executeUpdate() == 0) {
                    throw new NotFoundException("Fant ikke et gyldig token som heter '" + name + "'", Map.of("name", name));
                }
                return null;
            }
        });
    }

    /** The caller a token stands for, or empty when it is unknown, expired or revoked. */
    public Optional<Caller> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Caller> caller = database.read(c -> {
            Optional<String> key = existingKey(c);
            if (key.isEmpty()) {
                return Optional.<Caller>empty();
            }
            try (PreparedStatement s = c.prepareStatement("select name, role, id, expires_at, revoked_at from api_token"
                    + " where token_hash = ?")) {
                s.setString(1, hash(key.get(), token));
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next() || r.getTimestamp(5) != null || !r.getTimestamp(4).toInstant().isAfter(now)) {
                        return Optional.<Caller>empty();
                    }
                    return Optional.of(new Caller(r.getString(1), Role.fromCode(r.getString(2)),
                            Set.copyOf(municipalities(c, r.getLong(3)))));
                }
            }
        });
        caller.ifPresent(c -> noteUse(c.name(), now));
        return caller;
    }

    private void noteUse(String name, Instant now) {
        Instant written = lastUseWritten.get(name);
        if (written != null && written.plus(LAST_USE_GRAIN).isAfter(now)) {
            return;
        }
        lastUseWritten.put(name, now);
        // Outside the writers' queue: last use is not data, and must not wait behind an import or move the revision.
        database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("update api_token set last_used_at = ? where name = ?")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.setString(2, name);
                return s.executeUpdate();
            }
        });
    }

    private static List<String> municipalities(Connection c, long tokenId) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select region_code from api_token_municipality where token_id = ?"
                + " order by region_code")) {
            s.setLong(1, tokenId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    codes.add(r.getString(1));
                }
            }
        }
        return codes;
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select count(*) from api_token where name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1) > 0;
            }
        }
    }

    /** The install's hashing key, made in the caller's write transaction on first use. */
    private static String key(Connection c) throws SQLException {
        Optional<String> existing = existingKey(c);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String hex = HexFormat.of().formatHex(secret);
        try (PreparedStatement s = c.prepareStatement("insert into auth_key (id, secret_hex) values (1, ?)")) {
            s.setString(1, hex);
            s.executeUpdate();
        }
        return hex;
    }

    private static Optional<String> existingKey(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select secret_hex from auth_key where id = 1"); ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
        }
    }

    private static String hash(String keyHex, String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(keyHex), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
