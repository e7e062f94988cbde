package no.kostra.ingest;

import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Reads numbers as Norwegian sources print them: {@code 1 551 770}, {@code 0,972}, {@code 101,2 %}, with ordinary,
 * non-breaking (U+00A0), narrow non-breaking (U+202F) or thin (U+2009) spaces between thousands, and the minus sign
 * U+2212. A plain machine number ({@code 0.972}, {@code -3.3}) reads too.
 */
public final class NorwegianNumber {
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u2009\\u202F]");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+([.]\\d+)?|[.]\\d+)([eE][-+]?\\d+)?");

    private NorwegianNumber() {
    }

    /** The number the text shows, or empty when it is not one number. */
    public static OptionalDouble parse(String text) {
        if (text == null) {
            return OptionalDouble.empty();
        }
        String s = SPACES.matcher(text).replaceAll("").replace('\u2212', '-');
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.indexOf(',') >= 0) {
            if (s.indexOf('.') >= 0 || s.indexOf(',') != s.lastIndexOf(',')) {
                return OptionalDouble.empty();
            }
            s = s.replace(',', '.');
        }
        if (!NUMBER.matcher(s).matches()) {
            return OptionalDouble.empty();
        }
        double value = Double.parseDouble(s);
        return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    }
}
