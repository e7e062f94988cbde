package no.kostra.workbook;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import no.kostra.store.Database;

/**
 * The install's workbook signing key, kept in the database (table {@code workbook_signing_key}) and made on first use:
 * 32 random bytes. The first writer makes it; every later one, on any node, reads it.
 */
public final class SigningKeys {
    static final String CURRENT_KEY_ID = "k1";
    private static final int KEY_BYTES = 32;

    private final Database database;
    private final Clock clock;

    public SigningKeys(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The signer for new workbooks, creating the key on first use. */
    public ProvenanceSigner current() {
        return find(CURRENT_KEY_ID).orElseGet(() -> {
            create();
            return find(CURRENT_KEY_ID).orElseThrow(() -> new IllegalStateException("Signing key was not stored"));
        });
    }

    /** The signer of a key id recorded in a workbook, to verify it. */
    public Optional<ProvenanceSigner> find(String keyId) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("select secret_hex from workbook_signing_key where key_id = ?")) {
                s.setString(1, keyId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new ProvenanceSigner(keyId, HexFormat.of().parseHex(r.getString(1))))
                            : Optional.empty();
                }
            }
        });
    }

    private void create() {
        byte[] secret = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(secret);
        database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("select count(*) from workbook_signing_key where key_id = ?")) {
                s.setString(1, CURRENT_KEY_ID);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getInt(1) > 0) {
                        return 0; // made by another request or node meanwhile (write transactions run one at a time)
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "insert into workbook_signing_key (key_id, secret_hex, created_at) values (?, ?, ?)")) {
                s.setString(1, CURRENT_KEY_ID);
                s.setString(2, HexFormat.of().formatHex(secret));
                s.setTimestamp(3, Timestamp.from(clock.instant()));
                return s.executeUpdate();
            }
        });
    }
}
