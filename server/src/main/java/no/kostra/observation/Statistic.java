package no.kostra.observation;

import java.util.Locale;

/** The published figures of a group for one indicator and year. */
public enum Statistic {
    MEAN, HIGH, LOW;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Statistic fromCode(String code) {
        for (Statistic s : values()) {
            if (s.code().equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown statistic '" + code + "': expected mean, high or low");
    }
}
