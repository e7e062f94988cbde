package no.kostra.workbook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs provenance maps with HMAC-SHA256 under an install's secret key. Thread-safe (a Mac per thread). */
public final class ProvenanceSigner {
    private static final String ALGORITHM = "HmacSHA256";
    /** Hex digits of a cell's checksum: 64 bits is plenty to tell an edited row, the map signature is full length. */
    static final int CELL_CHECKSUM_HEX = 16;

    private final String keyId;
    private final SecretKeySpec key;
    /** Mac.getInstance looks up a provider each time; a fill signs hundreds of entries. */
    private final ThreadLocal<Mac> macs;

    public ProvenanceSigner(String keyId, byte[] secret) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        if (secret.length < 32) {
            throw new IllegalArgumentException("A signing key needs at least 32 bytes, got " + secret.length);
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public String keyId() {
        return keyId;
    }

    public String sign(String text) {
        return HexFormat.of().formatHex(macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
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
