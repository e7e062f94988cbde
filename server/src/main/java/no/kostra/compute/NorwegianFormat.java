package no.kostra.compute;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers (and lists) as Norwegian reports print them: decimal comma and a non-breaking space between thousands
 * ({@code 1 551 770}, {@code 0,972}, {@code -8,2}), "a, b og c". Rounding is half away from zero, as Excel and the
 * reports do.
 * Public so that the narrative and the workbook filler format numbers the same way. Stateless and thread-safe.
 */
public final class NorwegianFormat {
    /** The thousands separator: a non-breaking space, so a number never breaks across lines. */
    public static final char THOUSANDS = '\u00A0';
    /** A true minus sign is not used: the reports and Excel print the hyphen-minus, and so does every sentence. */
    public static final char MINUS = '-';

    private NorwegianFormat() {
    }

    /** The value rounded to {@code decimals} places: {@code number(1551770, 0)} is "1 551 770", {@code number(-0.0821, 1)} "-8,2"… */
    public static String number(double value, int decimals) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Cannot format " + value + " as a Norwegian number");
        }
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must be 0 or more, was " + decimals);
        }
        BigDecimal rounded = round(value, decimals);
        String plain = rounded.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        StringBuilder out = new StringBuilder();
        if (rounded.signum() < 0) {
            out.append(MINUS);
        }
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(THOUSANDS);
            }
            out.append(whole.charAt(i));
        }
        if (!fraction.isEmpty()) {
            out.append(',').append(fraction);
        }
        return out.toString();
    }

    /** The value with the decimals it has and no more: 100 → "100", 12.5 → "12,5", 100000000 → "100 000 000". */
    public static String plain(double value) {
        return number(value, Math.max(BigDecimal.valueOf(value).stripTrailingZeros().scale(), 0));
    }

    /** Rounds half away from zero to {@code decimals} places (2,05 → 2,1; −0,25 → −0,3). */
    public static BigDecimal round(double value, int decimals) {
        // BigDecimal.valueOf uses the shortest decimal that round-trips, so 2.05 rounds up as printed, not down.
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }

    /** The value rounded to {@code decimals} places, as a double. */
    public static double rounded(double value, int decimals) {
        return round(value, decimals).doubleValue();
    }
}
