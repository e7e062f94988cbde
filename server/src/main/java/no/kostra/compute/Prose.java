package no.kostra.compute;

import java.util.List;
import java.util.Locale;

/** Small pieces of running bokmål text. */
public final class Prose {
    private Prose() {
    }

    /** A list as a sentence lists it: "a", "a og b", "a, b og c" (no brackets, no serial comma). */
    public static String list(List<String> items) {
        return items.size() < 2 ? String.join("", items)
                : String.join(", ", items.subList(0, items.size() - 1)) + " og " + items.get(items.size() - 1);
    }

    /** A title as it reads inside a sentence: "Pleie og omsorg" → "pleie og omsorg"; "TTU" and "ASSS" stay. */
    public static String lowerFirst(String text) {
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
            return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
        }
        return text;
    }
}
