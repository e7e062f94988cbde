package no.kostra.compute.narrative;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kostra.compute.NorwegianFormat;

/**
 * How the reports round and word a figure. Deviations from a mean are told in whole percent, with one decimal when
 * the difference is under 1 % ("14 prosent over", "0,3 prosent under"); efficiency levels with one decimal, two when
 * under 1 % ("9,5 prosent", "0,21 prosent"). Changes of a percentage are percentage points, never percent.
 */
public final class Wording {
    public static final String POINTS = "prosentpoeng";
    public static final String PERCENT = "prosent";

    private static final Pattern UNIT_IN_BRACKETS = Pattern.compile("\\s*\\((?:prosent|kroner|årsverk|årsv\\.|timer|antall)\\)");
    private static final Pattern STOP_BETWEEN_PARTS = Pattern.compile("\\. (\\p{Lu}\\p{Ll}+)");

    private Wording() {
    }

    /**
     * A deviation in percent, rounded as the reports do, without its sign: whole percent, one decimal under 1 %. An
     * index around 1 (the ressursbruksindikator, unit ratio) is told with one decimal ("7,6 prosent mer").
     */
    public static String deviation(double percent, boolean oneDecimal) {
        return magnitude(percent, oneDecimal || Math.abs(percent) < 1.0 ? 1 : 0);
    }

    /** An efficiency level in percent, without its sign: one decimal, two under 1 %, trailing zeros dropped. */
    public static String level(double percent) {
        return magnitude(percent, Math.abs(percent) < 1.0 ? 2 : 1);
    }

    /** The size of a value rounded to {@code decimals}, trailing zeros dropped ("0,50" → "0,5"; "2,0" → "2"). */
    public static String magnitude(double value, int decimals) {
        BigDecimal rounded = NorwegianFormat.round(Math.abs(value), decimals).stripTrailingZeros();
        int scale = Math.max(rounded.scale(), 0);
        return NorwegianFormat.number(rounded.doubleValue(), scale);
    }

    /** True when a figure rounds to zero at the precision it is told with. */
    public static boolean roundsToZero(String told) {
        return told.replace(",", "").chars().allMatch(ch -> ch == '0');
    }

    /** "over" or "under" the mean; the caller says "omtrent på" when the told size is zero. */
    public static String overUnder(double signed) {
        return signed > 0 ? "over" : "under";
    }

    /** "en økning på 0,5 prosentpoeng fra 2023", "en nedgang på 26 prosent fra 2021", "uendret fra 2023". */
    public static String change(double signed, String unit, int decimals, int fromYear) {
        String size = magnitude(signed, decimals);
        if (roundsToZero(size)) {
            return "uendret fra " + fromYear;
        }
        return (signed > 0 ? "en økning på " : "en nedgang på ") + size + " " + unit + " fra " + fromYear;
    }

    /** The change as a sentence: "Det er en økning på 0,5 prosentpoeng fra 2023." or "Tallet er uendret fra 2023." */
    public static String changeSentence(double signed, String unit, int decimals, int fromYear) {
        String change = change(signed, unit, decimals, fromYear);
        return (change.startsWith("uendret") ? "Tallet er " : "Det er ") + change + ".";
    }

    /**
     * An indicator's printed name as it reads inside a sentence: the unit the table prints in brackets is left out (the
     * sentence says it), a full stop between two parts becomes "for" ("Ressursbruksindikator. Kommunehelse" →
     * "ressursbruksindikator for kommunehelse"), and a leading capital is lowered unless it starts an abbreviation.
     * Other brackets stay: "(B)" marks KOSTRA's group-accounts figures, "(TTU)" the service.
     */
    public static String inSentence(String name) {
        String text = UNIT_IN_BRACKETS.matcher(name).replaceAll("").trim();
        Matcher parts = STOP_BETWEEN_PARTS.matcher(text);
        StringBuilder joined = new StringBuilder();
        while (parts.find()) {
            parts.appendReplacement(joined, Matcher.quoteReplacement(" for " + lowerFirst(parts.group(1))));
        }
        parts.appendTail(joined);
        return lowerFirst(joined.toString());
    }

    private static String lowerFirst(String text) {
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
            return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
        }
        return text;
    }
}
