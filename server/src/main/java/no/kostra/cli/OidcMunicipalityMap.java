package no.kostra.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.kostra.catalog.Catalog;

/**
 * {@code serve --oidc-municipality-map ID=CODE[,ID=CODE…]} (repeatable): which municipalities the editors of an Entra
 * group (its object id, from the token's {@code groups} claim) or of a tenant ({@code tid}) may change. An id named
 * twice maps to every municipality given for it. Codes may be any of a municipality's numbers (0219, 3024, 3201).
 */
final class OidcMunicipalityMap {
    private OidcMunicipalityMap() {
    }

    /** @throws IllegalArgumentException in bokmål, naming the entry, for one that is not {@code ID=CODE} or names no municipality */
    static Map<String, Set<String>> parse(List<String> entries, Catalog catalog) {
        Map<String, Set<String>> map = new LinkedHashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            String id = equals < 0 ? "" : entry.substring(0, equals).trim();
            String code = equals < 0 ? "" : entry.substring(equals + 1).trim();
            if (id.isEmpty() || code.isEmpty()) {
                throw new IllegalArgumentException("--oidc-municipality-map venter GRUPPE-ELLER-TENANT-ID=KOMMUNENUMMER, ikke '"
                        + entry + "'");
            }
            String current = catalog.findMunicipality(code).orElseThrow(() -> new IllegalArgumentException(
                    "--oidc-municipality-map: '" + code + "' i '" + entry + "' er ikke et kommunenummer tjenesten kjenner"))
                    .code();
            map.computeIfAbsent(id, k -> new TreeSet<>()).add(current);
        }
        return map;
    }
}
