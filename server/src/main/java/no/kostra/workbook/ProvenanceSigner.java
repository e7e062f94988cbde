package no.kostra.workbook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs provenance maps with HMAC-SHA256 under an install's secret key. Thread-safe (a Mac per call). */
public final class ProvenanceSigner {
    private static final String ALGORITHM = "HmacSHA256";
    /** Hex digits of a cell's checksum: 64 bits is plenty to tell an edited row, the map signature is full length. */
    static final int CELL_CHECKSUM_HEX = 16;

    private final String keyId;
    private final SecretKeySpec key;

    public ProvenanceSigner(String keyId, byte[] secret) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        if (secret.length < 32) {
            throw new IllegalArgumentException("A signing key needs at least 32 bytes, got " + secret.length);
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    public String keyId() {
        return keyId;
    }

    public String sign(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    String cellChecksum(String line) {
        return sign(line).substring(0, CELL_CHECKSUM_HEX);
    }

    /** Compares signatures in constant time. */
    boolean matches(String text, String signature) {
        return signature != null && MessageDigest.isEqual(sign(text).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
