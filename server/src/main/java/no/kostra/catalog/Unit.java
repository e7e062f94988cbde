package no.kostra.catalog;

/**
 * The unit an indicator is measured in; it decides whether a change is told in percentage points or percent. The code
 * is what files and the API carry; the display name is what a person reads (a table's Enhet column, a CSV).
 */
public enum Unit {
    PROSENT("prosent", "prosent"),
    KRONER("kroner", "kroner"),
    RATIO("ratio", "forholdstall"),
    AARSVERK("årsverk", "årsverk"),
    ANTALL("antall", "antall"),
    TIMER("timer", "timer");

    private final String code;
    private final String displayName;

    Unit(String code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    public String code() {
        return code;
    }

    /** The bokmål word for the unit, for everything a person reads. */
    public String displayName() {
        return displayName;
    }

    /** The display name of a unit code; an unknown code is shown as it is. */
    public static String displayNameOf(String code) {
        for (Unit u : values()) {
            if (u.code.equals(code)) {
                return u.displayName;
            }
        }
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
