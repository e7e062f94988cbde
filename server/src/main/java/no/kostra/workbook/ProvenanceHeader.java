package no.kostra.workbook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a filled workbook was made from.
 *
 * @param templateVersion the template's own version (custom property {@code KostraMalVersjon})
 * @param templateSha256  the SHA-256 of the template file filled, so an edited template is told apart
 * @param region          canonical region code
 * @param keyId           the signing key that signed the map
 */
public record ProvenanceHeader(String templateId, String templateVersion, String templateSha256, String region,
                               String regionName, int year, long dataRevision, Instant madeAt, String keyId) {
    public ProvenanceHeader {
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(madeAt, "madeAt");
        Objects.requireNonNull(keyId, "keyId");
    }

    /** The header as key/value pairs, in the order the sheet stores and the signature covers them. */
    Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("template", templateId);
        m.put("templateVersion", templateVersion);
        m.put("templateSha256", templateSha256);
        m.put("region", region);
        m.put("regionName", regionName);
        m.put("year", Integer.toString(year));
        m.put("dataRevision", Long.toString(dataRevision));
        m.put("madeAt", madeAt.toString());
        m.put("keyId", keyId);
        return m;
    }

    static ProvenanceHeader fromFields(Map<String, String> m) {
        return new ProvenanceHeader(m.get("template"), m.get("templateVersion"), m.get("templateSha256"), m.get("region"),
                m.get("regionName"), Integer.parseInt(m.get("year")), Long.parseLong(m.get("dataRevision")),
                Instant.parse(m.get("madeAt")), m.get("keyId"));
    }
}
