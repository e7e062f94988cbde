package no.kostra.workbook;

/**
 * Number format codes tagged bokmål ({@code [$-414]}, Excel's locale code for nb-NO). LibreOffice then shows a figure
 * the Norwegian way, 1 234,5, whatever language it runs in; Excel shows the separators of the machine it runs on, on a
 * Norwegian one the same.
 */
public final class NorwegianFormats {
    static final String BOKMAAL = "[$-414]";

    private NorwegianFormats() {
    }

    /** The code tagged bokmål, unless it names a locale of its own. */
    public static String tagged(String code) {
        return code.startsWith("[$") ? code : BOKMAAL + code;
    }
}
