package no.kostra.compute.narrative;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kostra.catalog.Indicator;
import no.kostra.compute.NorwegianFormat;
import no.kostra.compute.TablePrecision;

/**
 * How a sentence words a figure: as its table shows it. One rule for every number: the precision of the column the
 * figure stands in ({@link TablePrecision}), trailing zeros dropped ("17,8 prosent", "2 prosent" for a shown 2,0).
 * Changes of a percentage are percentage points, never percent.
 */
public final class Wording {
    public static final String POINTS = "prosentpoeng";
    public static final String PERCENT = "prosent";

    private static final Pattern UNIT_IN_BRACKETS = Pattern.compile("\\s*\\((?:prosent|kroner|årsverk|årsv\\.|timer|antall)\\)");
    /** KOSTRA's mark for figures of the municipality's own accounts ("bevilgningsregnskap"); a table note explains it. */
    private static final Pattern ACCOUNTS_MARK = Pattern.compile("\\s*\\(B\\)");
    /** "67 + år" as some source tables print "67 år+". */
    private static final Pattern AGE_PLUS = Pattern.compile("(\\d+) \\+ år");
    private static final Pattern STOP_BETWEEN_PARTS = Pattern.compile("\\. (\\p{Lu}\\p{Ll}+)");

    private Wording() {
    }

    /** A deviation from a mean in percent, without its sign, as a profile table's deviation column shows it. */
    public static String deviation(double percent) {
        return magnitude(percent, TablePrecision.DERIVED);
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
     * What a sentence calls an indicator: its catalogue short name, written for running text ("legeårsverk per 10 000
     * innbyggere"), or else its printed name as {@link #inSentence} words it.
     */
    public static String subject(Indicator indicator) {
        return indicator.shortName() != null ? indicator.shortName() : inSentence(indicator.name());
    }

    /**
     * A printed name as it reads inside a sentence, for an indicator without a short name: the unit the table prints in
     * brackets and KOSTRA's "(B)" are left out (the sentence says the unit), "67 + år" reads "67 år+", a full stop
     * between two parts becomes "for" ("Ressursbruksindikator. Kommunehelse" → "ressursbruksindikator for
     * kommunehelse"), and a leading capital is lowered unless it starts an abbreviation. Other brackets stay.
     */
    public static String inSentence(String name) {
        String text = UNIT_IN_BRACKETS.matcher(name).replaceAll("");
        text = ACCOUNTS_MARK.matcher(text).replaceAll("");
        text = AGE_PLUS.matcher(text).replaceAll("$1 år+").trim();
        Matcher parts = STOP_BETWEEN_PARTS.matcher(text);
        StringBuilder joined = new StringBuilder();
        while (parts.find()) {
            parts.appendReplacement(joined, Matcher.quoteReplacement(" for " + lowerFirst(parts.group(1))));
        }
        parts.appendTail(joined);
        return lowerFirst(joined.toString());
    }

    /** The text with a capital first letter, to start a sentence with. */
    public static String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    private static String lowerFirst(String text) {
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
            return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
        }
        return text;
    }
}
