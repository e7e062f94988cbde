package no.kostra.catalog;

/** The unit an indicator is measured in; it decides whether a change is told in percentage points or percent. */
public enum Unit {
    PROSENT("prosent"),
    KRONER("kroner"),
    RATIO("ratio"),
    AARSVERK("årsverk"),
    ANTALL("antall"),
    TIMER("timer");

    private final String code;

    Unit(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** A change of a percentage is a difference in percentage points, never a percent. */
    public boolean isPercentage() {
        return this == PROSENT;
    }

    public static Unit fromCode(String code) {
        for (Unit u : values()) {
            if (u.code.equals(code)) {
                return u;
            }
        }
        throw new IllegalArgumentException("Unknown unit '" + code + "': expected one of prosent, kroner, ratio, årsverk, antall, timer");
    }
}
