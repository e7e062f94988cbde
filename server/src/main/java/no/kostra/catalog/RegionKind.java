package no.kostra.catalog;

import java.util.Locale;

public enum RegionKind {
    MUNICIPALITY, GROUP, COUNTRY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RegionKind fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
