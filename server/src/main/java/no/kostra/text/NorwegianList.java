package no.kostra.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Lists inside bokmål sentences: «2019, 2021 og 2024», «2022–2024», «Bærum (3201) eller Bamble (4012)». Every message
 * that names several things goes through here, so no Java list brackets ({@code [2022, 2023, 2024]}) reach a person.
 * Stateless and thread-safe.
 */
public final class NorwegianList {
    /** A run of at least this many consecutive years reads as a span (2022–2024); two read as «2023 og 2024». */
    private static final int SPAN = 3;

    private NorwegianList() {
    }

    /** «a, b og c»; «ingen» for none. */
    public static String and(Collection<?> items) {
        return join(items, "og");
    }

    /** «a, b eller c»; «ingen» for none. */
    public static String or(Collection<?> items) {
        return join(items, "eller");
    }

    /** Years sorted, each once, runs of three or more as spans: «2014–2017 og 2021–2024», «2019, 2021 og 2024». */
    public static String years(Collection<Integer> years) {
        List<Integer> sorted = new ArrayList<>(new TreeSet<>(years));
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            if (j - i + 1 >= SPAN) {
                parts.add(sorted.get(i) + "–" + sorted.get(j));
            } else {
                sorted.subList(i, j + 1).forEach(y -> parts.add(String.valueOf(y)));
            }
            i = j + 1;
        }
        return and(parts);
    }

    private static String join(Collection<?> items, String last) {
        List<String> texts = items.stream().map(String::valueOf).toList();
        if (texts.isEmpty()) {
            return "ingen";
        }
        if (texts.size() == 1) {
            return texts.get(0);
        }
        return String.join(", ", texts.subList(0, texts.size() - 1)) + " " + last + " " + texts.get(texts.size() - 1);
    }
}
