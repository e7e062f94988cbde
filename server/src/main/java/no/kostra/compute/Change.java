package no.kostra.compute;

/**
 * Change from the year before. For a percentage the change is the difference in percentage points
 * ({@code unit = "prosentpoeng"}); for anything else it is the relative change in percent ({@code unit = "prosent"}).
 */
public record Change(double value, String unit, int fromYear, int toYear) {
    public static final String PERCENTAGE_POINTS = "prosentpoeng";
    public static final String PERCENT = "prosent";
}
