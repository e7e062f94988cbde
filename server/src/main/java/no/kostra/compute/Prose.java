package no.kostra.compute;

import java.util.Locale;

/** Small pieces of running bokmål text. */
public final class Prose {
    private Prose() {
    }

    /** A title as it reads inside a sentence: "Pleie og omsorg" → "pleie og omsorg"; "TTU" and "ASSS" stay. */
    public static String lowerFirst(String text) {
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
            return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
        }
        return text;
    }
}
