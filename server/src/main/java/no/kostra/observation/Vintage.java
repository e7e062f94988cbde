package no.kostra.observation;

import java.util.Locale;

/** SSB publishes preliminary figures on 15 March and final figures on 15 June. */
public enum Vintage {
    PRELIMINARY, FINAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Vintage fromCode(String code) {
        for (Vintage v : values()) {
            if (v.code().equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("Unknown vintage '" + code + "': expected preliminary or final");
    }
}
